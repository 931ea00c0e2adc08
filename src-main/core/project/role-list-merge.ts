import { indexRoles, roleKey } from '../matrix/role-names';
import type { Matrix } from '../matrix/schema';
import type { RoleAssignment, SiteDraft } from './project-schema';

/** A role list read from the customer's spreadsheet, ready to merge into the Site screen. */
export interface ImportedRoleList {
  sheet: string;
  /** Rows read below the header, blank and hidden rows left out. */
  rowsRead: number;
  /** One entry per role, in the list's order, with every address the list gives it. */
  roles: RoleAssignment[];
  /** Roles the list marks as not deployed (and gives no address elsewhere). */
  notDeployed: string[];
  /** Rows that were skipped, each naming its cell. */
  problems: string[];
}

/**
 * The site with the imported roles in it. A role already on the screen takes the list's
 * addresses (the list is the newer word); other typed rows stay as they were. A role the list
 * gives addresses to is no longer "not deployed". Pure, so the renderer can show the result.
 */
export function mergeRoleList(site: SiteDraft, imported: Pick<ImportedRoleList, 'roles' | 'notDeployed'>, same: (a: string, b: string) => boolean): SiteDraft {
  const roles = site.roles.filter((row) => row.role.trim() !== '' || row.addresses.trim() !== '');
  for (const entry of imported.roles) {
    const existing = roles.findIndex((row) => same(row.role, entry.role));
    if (existing >= 0) roles[existing] = { role: roles[existing]!.role, addresses: entry.addresses };
    else roles.push(entry);
  }
  const assigned = (name: string) => roles.some((row) => same(row.role, name));
  const notDeployed = [...site.notDeployed.filter((name) => !assigned(name))];
  for (const name of imported.notDeployed) if (!assigned(name) && !notDeployed.some((other) => same(other, name))) notDeployed.push(name);
  return { ...site, roles, notDeployed };
}

/** Whether two typed names mean the same role of the matrix (an alias and its role do). */
export function sameRoleIn(matrix: Pick<Matrix, 'roles'>): (a: string, b: string) => boolean {
  const index = indexRoles(matrix);
  return (a, b) => {
    const role = index.resolve(a);
    return role !== undefined ? role === index.resolve(b) : roleKey(a) === roleKey(b);
  };
}
