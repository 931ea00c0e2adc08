import type { Matrix, Role } from './schema';

/**
 * Role names are matched case-insensitively and ignoring spaces (the site-file contract),
 * so "MediaManager", "Media Manager" and "media  manager" are one key.
 */
export function roleKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

export interface RoleIndex {
  /** The role a name or alias stands for, or undefined when the matrix does not know it. */
  resolve(name: string): Role | undefined;
  /** Canonical names of the roles that `All Components` stands for. */
  groupMembers(groupName: string): string[];
  /** Canonical names of a role's variants (Primary Recorder and Secondary Recorder for Recorder). */
  variantsOf(roleName: string): string[];
  roles: readonly Role[];
}

/**
 * Builds the lookup of names and aliases. Two roles that claim the same key would make a
 * site file ambiguous, so that is a defect of the matrix and reported as such.
 */
export function indexRoles(matrix: Pick<Matrix, 'roles'>): RoleIndex {
  const byKey = new Map<string, Role>();
  for (const role of matrix.roles) {
    for (const name of [role.name, ...role.aliases]) {
      const key = roleKey(name);
      const earlier = byKey.get(key);
      if (earlier && earlier !== role) {
        throw new Error(`role name "${name}" is claimed by both "${earlier.name}" and "${role.name}"`);
      }
      byKey.set(key, role);
    }
  }
  const components = matrix.roles.filter((role) => role.kind === 'component').map((role) => role.name);
  return {
    roles: matrix.roles,
    resolve: (name) => byKey.get(roleKey(name)),
    groupMembers: (groupName) => (byKey.get(roleKey(groupName))?.kind === 'group' ? components : []),
    variantsOf: (roleName) => matrix.roles.filter((role) => role.variantOf === roleName).map((role) => role.name),
  };
}
