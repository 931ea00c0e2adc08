import { indexRoles } from '../matrix/role-names';
import type { Matrix } from '../matrix/schema';
import { matchHeader } from '../spreadsheet/column-detection';
import { normaliseHeader } from '../spreadsheet/column-fields';
import { cellName, isBlankRow, type SheetGrid } from '../spreadsheet/grid';
import { readSpreadsheetGrid } from '../spreadsheet/read-grid';
import { SpreadsheetError } from '../spreadsheet/limits';
import { MAX_ROLE_ROWS, MAX_ROLE_ADDRESS_CHARS } from './project-schema';
import type { ImportedRoleList } from './role-list-merge';

/*
 * The customer's list of servers as a spreadsheet or CSV (the inventory every project starts
 * with): one row per server or subnet, a role column and an address column. The Site screen
 * takes it instead of typing forty addresses.
 */

type RoleListField = 'role' | 'addresses' | 'deployed';

const HEADERS: ReadonlyArray<readonly [RoleListField, readonly string[]]> = [
  ['role', ['role', 'roles', 'wfos role', 'matrix role', 'component', 'wfos component', 'server role', 'function', 'system', 'application']],
  ['addresses', ['address', 'addresses', 'ip', 'ips', 'ip address', 'ip addresses', 'ipv4', 'ipv6', 'ipv4 address', 'host', 'hosts', 'subnet', 'subnets', 'network', 'networks', 'cidr']],
  ['deployed', ['deployed', 'in use', 'installed', 'present']],
];

/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 20;

interface Layout {
  headerRow: number;
  role: number;
  addresses: number;
  deployed?: number;
}

/**
 * Reads a role list (.xlsx, .xls or .csv): the first visible sheet with a role and an address
 * column (by header, or a headerless sheet whose first cell is a role). Rows of one role are
 * joined; unknown roles, rows without an address and "not deployed" rows are reported by cell.
 * Throws SpreadsheetError, naming the file, when no sheet looks like a role list.
 */
export function readRoleList(bytes: Uint8Array, file: string, matrix: Pick<Matrix, 'roles'>): ImportedRoleList {
  const grid = readSpreadsheetGrid(bytes, file);
  const roles = indexRoles(matrix);
  for (const sheet of grid.sheets) {
    if (sheet.hidden) continue;
    const layout = layoutOf(sheet, (text) => roles.resolve(text) !== undefined);
    if (layout) return readRows(sheet, layout, roles.resolve);
  }
  throw new SpreadsheetError(
    `${file}: no sheet has a role column and an address column; put headers such as "Role" and "IP address" in the first row, or the role in column A and its addresses in column B`,
  );
}

function layoutOf(sheet: SheetGrid, isRole: (text: string) => boolean): Layout | undefined {
  for (let row = 0; row < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); row++) {
    const found = new Map<RoleListField, number>();
    (sheet.rows[row] ?? []).forEach((text, column) => {
      const match = matchHeader(text, HEADERS);
      if (match && !found.has(match.field)) found.set(match.field, column);
    });
    const role = found.get('role');
    const addresses = found.get('addresses');
    if (role !== undefined && addresses !== undefined) {
      const deployed = found.get('deployed');
      return { headerRow: row, role, addresses, ...(deployed !== undefined && { deployed }) };
    }
  }
  // No header: a plain two-column list whose first row already names a role.
  const first = sheet.rows.findIndex((cells) => !isBlankRow(cells));
  if (first >= 0 && isRole(sheet.rows[first]![0] ?? '')) return { headerRow: first - 1, role: 0, addresses: 1 };
  return undefined;
}

// "no", "not deployed", "n/a" (read as normalised words: "n a"): the customer does not run it.
const NOT_DEPLOYED = /^(no|n|false|0|none|not deployed|not installed|not used|n a|na|absent)$/;

function readRows(sheet: SheetGrid, layout: Layout, resolve: (name: string) => { name: string; kind: string } | undefined): ImportedRoleList {
  const byRole = new Map<string, string[]>();
  const notDeployed: string[] = [];
  const problems: string[] = [];
  let rowsRead = 0;
  for (let row = layout.headerRow + 1; row < sheet.rows.length; row++) {
    const cells = sheet.rows[row];
    if (isBlankRow(cells) || sheet.hiddenRows.has(row)) continue;
    rowsRead++;
    const typed = (cells![layout.role] ?? '').trim();
    const where = cellName(sheet.name, row, layout.role);
    if (typed === '') {
      problems.push(`${where}: no role on this row; skipped`);
      continue;
    }
    const role = resolve(typed);
    if (!role) {
      problems.push(`${where}: "${typed}" is not a role of the matrix; skipped`);
      continue;
    }
    if (role.kind === 'group') {
      problems.push(`${where}: "${typed}" stands for several roles; give each its own row`);
      continue;
    }
    const deployed = layout.deployed === undefined ? '' : normaliseHeader(cells![layout.deployed] ?? '');
    if (NOT_DEPLOYED.test(deployed)) {
      if (!notDeployed.includes(role.name)) notDeployed.push(role.name);
      continue;
    }
    const addresses = splitAddresses(cells![layout.addresses] ?? '');
    if (addresses.length === 0) {
      problems.push(`${cellName(sheet.name, row, layout.addresses)}: ${role.name} has no address on this row; skipped`);
      continue;
    }
    const known = byRole.get(role.name) ?? [];
    for (const address of addresses) if (!known.includes(address)) known.push(address);
    byRole.set(role.name, known);
  }
  const assignments = [...byRole].map(([role, addresses]) => ({ role, addresses: addresses.join(', ') }));
  for (const entry of assignments) {
    if (entry.addresses.length > MAX_ROLE_ADDRESS_CHARS) {
      throw new SpreadsheetError(`${sheet.name}: ${entry.role} has ${entry.addresses.length.toLocaleString('en')} characters of addresses, more than the ${MAX_ROLE_ADDRESS_CHARS.toLocaleString('en')} a role can hold; give subnets instead of single hosts`);
    }
  }
  if (assignments.length > MAX_ROLE_ROWS) throw new SpreadsheetError(`${sheet.name}: ${assignments.length} roles, more than the ${MAX_ROLE_ROWS} a site can hold`);
  return {
    sheet: sheet.name,
    rowsRead,
    roles: assignments,
    notDeployed: notDeployed.filter((name) => !byRole.has(name)),
    problems,
  };
}

/** A cell may hold several addresses, one per line or separated by commas or semicolons. */
function splitAddresses(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
