import { indexRoles, type RoleIndex } from '../matrix/role-names';
import type { Matrix } from '../matrix/schema';
import { AddressSet } from '../net/index';
import type { Site } from './site';

const indexes = new WeakMap<Matrix, RoleIndex>();

function roleIndexOf(matrix: Matrix): RoleIndex {
  let index = indexes.get(matrix);
  if (!index) indexes.set(matrix, (index = indexRoles(matrix)));
  return index;
}

/**
 * The addresses a role stands for at this site: its own, those of its variants (a Primary
 * Recorder is a Recorder too), and for the group every deployed WFOS server component.
 * Empty means the role is not deployed here.
 */
export function addressesOfRole(site: Site, roleName: string): AddressSet {
  const roles = roleIndexOf(site.matrix);
  const role = roles.resolve(roleName);
  if (!role) return AddressSet.empty();
  const names = role.kind === 'group' ? roles.groupMembers(role.name) : [role.name, ...roles.variantsOf(role.name)];
  return names.reduce((set, name) => {
    const deployed = site.roles.get(name);
    return deployed ? set.union(deployed.addresses) : set;
  }, AddressSet.empty());
}

export function isRoleDeployed(site: Site, roleName: string): boolean {
  return !addressesOfRole(site, roleName).isEmpty();
}
