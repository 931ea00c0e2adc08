import type { Matrix, MatrixRow, Role } from '../../src-main/core/matrix/schema';
import { portEntryRanges } from '../../src-main/core/matrix/ports';

export interface RowGroup {
  /** The WFOS component the rows concern, or "All Components". */
  component: string;
  rows: MatrixRow[];
}

export interface MatrixFilter {
  /** A canonical role name, or '' for every role. */
  role: string;
  /** "443" or "1050-1065", or '' for every port. */
  port: string;
  /** Free text matched against every cell, or ''. */
  text: string;
}

function rolesByName(matrix: Matrix): Map<string, Role> {
  return new Map(matrix.roles.map((role) => [role.name, role]));
}

/** Recorder for Primary Recorder: rows group under the component a variant belongs to. */
function familyOf(role: Role | undefined): string | undefined {
  return role?.variantOf ?? role?.name;
}

/**
 * Groups rows by the WFOS server component they concern: the initiator when it is one,
 * otherwise the receiver; rows from "All Components" form their own group. Groups follow
 * the order of the document's component list.
 */
export function groupRowsByComponent(matrix: Matrix): RowGroup[] {
  const roles = rolesByName(matrix);
  const groups = new Map<string, MatrixRow[]>();
  for (const row of matrix.rows) {
    const source = roles.get(row.sourceRole);
    const destination = roles.get(row.destinationRole);
    const component =
      source?.kind === 'group' ? source.name
      : source?.kind === 'component' ? familyOf(source)
      : destination?.kind === 'component' ? familyOf(destination)
      : 'Other systems';
    const key = component ?? 'Other systems';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const order = [...matrix.components.map((component) => component.role), ...matrix.roles.filter((role) => role.kind === 'group').map((role) => role.name)];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([component, rows]) => ({ component, rows }));
}

/** Parses the port filter; undefined when the text is not a port or range (the field shows why). */
export function parsePortFilter(text: string): [number, number] | undefined {
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*$/.exec(text);
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= high && high <= 65535 ? [low, high] : undefined;
}

function involvesRole(row: MatrixRow, roleName: string, roles: Map<string, Role>): boolean {
  const role = roles.get(roleName);
  return [row.sourceRole, row.destinationRole].some((name) => {
    if (name === roleName) return true;
    const other = roles.get(name);
    if (familyOf(other) === roleName || familyOf(role) === name) return true;
    // A row from "All Components" concerns every component.
    return other?.kind === 'group' && role?.kind === 'component';
  });
}

export function filterRows(matrix: Matrix, filter: MatrixFilter): (row: MatrixRow) => boolean {
  const roles = rolesByName(matrix);
  const portRange = filter.port.trim() ? parsePortFilter(filter.port) : undefined;
  const text = filter.text.trim().toLowerCase();
  return (row) => {
    if (filter.role && !involvesRole(row, filter.role, roles)) return false;
    if (filter.port.trim()) {
      if (!portRange) return false;
      const [low, high] = portRange;
      if (!portEntryRanges(row.ports).some(([a, b]) => a <= high && low <= b)) return false;
    }
    if (text) {
      const cells = [row.source, row.destination, row.sourceRole, row.destinationRole, row.protocol, row.transport, row.portsText, row.description, String(row.row)];
      if (!cells.some((cell) => cell.toLowerCase().includes(text))) return false;
    }
    return true;
  };
}

/** Roles worth filtering by: those that appear in some row, components first. */
export function filterableRoles(matrix: Matrix): Role[] {
  const used = new Set(matrix.rows.flatMap((row) => [row.sourceRole, row.destinationRole]));
  const kindOrder = { component: 0, group: 1, client: 2, external: 3 } as const;
  return matrix.roles.filter((role) => used.has(role.name)).sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name));
}
