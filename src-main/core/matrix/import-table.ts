import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../model/index';
import { cellName, isBlankRow, matchHeader, readPorts, readSpreadsheetGrid, sheetPrefix, type SheetGrid } from '../spreadsheet/index';
import { loadEmbeddedMatrix, MatrixError, validateMatrix } from './load';
import { indexRoles, roleKey } from './role-names';
import type { Matrix, MatrixRow, PortEntry, Role } from './schema';

/** Extensions read as a table rather than as matrix JSON or YAML. */
export const MATRIX_TABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.csv', '.tsv'];

export function isMatrixTable(path: string): boolean {
  return MATRIX_TABLE_EXTENSIONS.includes(extname(path).toLowerCase());
}

type MatrixColumn = 'source' | 'destination' | 'sourcePort' | 'ports' | 'protocol' | 'optional' | 'defaultState' | 'description';

/** Headers of a vendor port matrix table (Avaya's "Table 1. Ports for ..." layout and its cousins). */
const MATRIX_HEADERS: ReadonlyArray<readonly [MatrixColumn, readonly string[]]> = [
  ['source', ['source', 'source system', 'source component', 'from', 'initiator', 'client']],
  ['destination', ['destination', 'destination system', 'destination component', 'to', 'target', 'server']],
  ['sourcePort', ['source port', 'source ports', 'src port', 'source port s']],
  ['ports', ['destination port', 'destination ports', 'destination port s', 'port', 'ports', 'dst port', 'listening port', 'port s']],
  ['protocol', ['protocol', 'transport', 'network application protocol', 'transport protocol', 'protocol transport', 'layer 4 protocol']],
  ['optional', ['optional', 'optional yes no', 'optional y n']],
  ['defaultState', ['default state', 'default port state', 'state', 'default']],
  ['description', ['description', 'comment', 'comments', 'purpose', 'usage', 'function']],
];

export interface MatrixTableImport {
  matrix: Matrix;
  /** Warnings and notes about cells (errors make the import fail instead). */
  diagnostics: Diagnostic[];
}

/** Reads a matrix table file; see importMatrixTable. */
export function loadMatrixTable(path: string): MatrixTableImport {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new MatrixError(`${path}: cannot read the matrix file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return importMatrixTable(bytes, path);
}

/**
 * Another product's port matrix, in the layout of the vendor's table (Source, Destination,
 * Source Port, Destination Port(s), Protocol, Optional, Default state, Description), from
 * .xlsx, .xls or .csv, into the validated matrix model. Ports are read as the embedded matrix
 * reads them ("443/80" and "9285, 9590" are lists), the transport from the protocol column
 * (TCP/UDP, or inferred from the application protocol with a note). A cell that cannot be read
 * is an error naming it ("Matrix!D7: ..."), and any error fails the import: a matrix row
 * silently lost would be a flow nobody audits.
 */
export function importMatrixTable(bytes: Uint8Array, file: string): MatrixTableImport {
  let grid;
  try {
    grid = readSpreadsheetGrid(bytes, basename(file));
  } catch (error) {
    throw new MatrixError((error as Error).message);
  }
  const found = grid.sheets.map((sheet) => ({ sheet, header: findHeader(sheet) })).find((item) => item.header !== undefined);
  if (!found?.header) {
    throw new MatrixError(`${file}: no sheet has a port matrix header (Source, Destination, Destination Port(s) and Protocol columns)`);
  }
  const reading = new TableReading(found.sheet, found.header.columns);
  const rows = found.sheet.rows.slice(found.header.row + 1).flatMap((cells, offset) => reading.row(cells, found.header!.row + 1 + offset));
  const errors = reading.diagnostics.filter((item) => item.severity === 'error');
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map((item) => item.message).join('; ');
    throw new MatrixError(`${file}: ${errors.length} cell${errors.length === 1 ? '' : 's'} of the matrix cannot be read: ${shown}${errors.length > 5 ? '; …' : ''}`);
  }
  if (rows.length === 0) throw new MatrixError(`${file}: the matrix table has no rows below its header`);
  const title = titleOf(found.sheet, found.header.row) ?? `${basename(file, extname(file))} (imported)`;
  const data = {
    id: basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9.]+/g, '-'),
    title,
    product: title,
    version: /\d+(?:\.\d+)+/.exec(title)?.[0] ?? 'unknown',
    source: { document: basename(file), table: found.sheet.name },
    headings: {},
    nics: [],
    components: [],
    roles: reading.roles(),
    rows: rows.map((row, index) => ({ ...row, row: index + 1 })),
    notes: [{ code: 'imported-table', text: `Imported from ${basename(file)}, sheet ${found.sheet.name}; roles the embedded WFOS matrix does not know are taken as server components.` }],
  };
  return { matrix: validateMatrix(data, file), diagnostics: reading.diagnostics };
}

function findHeader(sheet: SheetGrid): { row: number; columns: Map<MatrixColumn, number> } | undefined {
  for (let row = 0; row < Math.min(sheet.rows.length, 30); row++) {
    const columns = new Map<MatrixColumn, number>();
    sheet.rows[row]!.forEach((text, column) => {
      const match = matchHeader(text, MATRIX_HEADERS);
      if (match && !columns.has(match.field)) columns.set(match.field, column);
    });
    if (['source', 'destination', 'ports', 'protocol'].every((column) => columns.has(column as MatrixColumn))) return { row, columns };
  }
  return undefined;
}

/** A single-cell row above the header: the table's title ("Table 1. Ports for Product 2.1"). */
function titleOf(sheet: SheetGrid, headerRow: number): string | undefined {
  for (let row = 0; row < headerRow; row++) {
    const filled = (sheet.rows[row] ?? []).filter((text) => text.trim() !== '');
    if (filled.length === 1) return filled[0]!.trim();
  }
  return undefined;
}

/** Transports the protocol column implies when it names only the application protocol. */
const UDP_PROTOCOLS = /^(snmp|syslog|tftp|ntp|rtp|rtcp|dhcp|radius)\b/i;
const TCP_PROTOCOLS = /^(http|https|ssl|tls|wss|ws|smtp|ssh|sftp|scp|ldap|ldaps|sql|jdbc|sip|ftp|rdp|smb|telnet)\b/i;

type ImportedRow = Omit<MatrixRow, 'row'>;

class TableReading {
  readonly diagnostics: Diagnostic[] = [];
  private readonly known = indexRoles(loadEmbeddedMatrix());
  private readonly byKey = new Map<string, Role>();

  constructor(
    private readonly sheet: SheetGrid,
    private readonly columns: ReadonlyMap<MatrixColumn, number>,
  ) {}

  private text(cells: readonly string[], column: MatrixColumn): string {
    const at = this.columns.get(column);
    return at === undefined ? '' : (cells[at] ?? '').trim();
  }

  private report(row: number, column: MatrixColumn | undefined, severity: Diagnostic['severity'], message: string): void {
    const at = column === undefined ? undefined : this.columns.get(column);
    const where = at === undefined ? `${sheetPrefix(this.sheet.name)} row ${row + 1}` : cellName(this.sheet.name, row, at);
    this.diagnostics.push({ line: row + 1, severity, message: `${where}: ${message}`, sheet: this.sheet.name, ...(at !== undefined && { cell: where }) });
  }

  /** One table row as matrix rows: two when the protocol says TCP and UDP. */
  row(cells: readonly string[], row: number): ImportedRow[] {
    if (isBlankRow(cells)) return [];
    const source = this.text(cells, 'source').replace(/\s+/g, ' ');
    const destination = this.text(cells, 'destination').replace(/\s+/g, ' ');
    const portsText = this.text(cells, 'ports');
    if (cells.filter((text) => text.trim() !== '').length === 1) {
      this.report(row, undefined, 'info', `"${cells.find((text) => text.trim() !== '')!.trim()}" is a divider or note, not a row`);
      return [];
    }
    const missing = (['source', 'destination', 'ports', 'protocol'] as const).filter((column) => this.text(cells, column) === '');
    for (const column of missing) this.report(row, column, 'error', `no ${column === 'ports' ? 'destination port' : column} given`);
    if (missing.length > 0) return [];
    const notes: { code: string; text: string }[] = [];
    const ports = this.ports(portsText, row, notes);
    const transports = this.transports(this.text(cells, 'protocol'), row, notes);
    if (ports === undefined || transports.length === 0) return [];
    this.sourcePorts(this.text(cells, 'sourcePort'), row, notes);
    const optionalText = this.text(cells, 'optional');
    const sourceRole = this.role(source);
    const destinationRole = this.role(destination);
    const split = transports.length > 1 ? [{ code: 'transport-split', text: `The protocol column says "${this.text(cells, 'protocol')}": one row per transport.` }] : [];
    return transports.map((transport) => ({
      source,
      destination,
      sourceRole,
      destinationRole,
      sourcePorts: 'ephemeral' as const,
      transport,
      ports: ports.entries,
      portsText,
      configurable: ports.configurable,
      protocol: this.text(cells, 'protocol'),
      optional: /^(yes|y|true|optional)$/i.test(optionalText),
      optionalText,
      defaultState: this.defaultState(this.text(cells, 'defaultState'), row),
      description: this.text(cells, 'description'),
      notes: [...notes, ...split],
    }));
  }

  /** "33012 33029", "443/80", "9285, 9590", "1050-1065", "(C)" marking a configurable port. */
  private ports(text: string, row: number, notes: { code: string; text: string }[]): { entries: PortEntry[]; configurable: boolean } | undefined {
    const configurable = /\(C\)/i.test(text);
    const tokens = text.replace(/\(C\)/gi, ' ').replace(/\s*-\s*/g, '-').split(/[\s,/;]+/).filter(Boolean);
    const entries: PortEntry[] = [];
    for (const token of tokens) {
      const ports = readPorts(token);
      if (typeof ports === 'string' || ports.isEmpty() || ports.has(0)) {
        this.report(row, 'ports', 'error', typeof ports === 'string' ? ports : `"${token}" is not a port 1-65535`);
        return undefined;
      }
      entries.push(/^\d+$/.test(token) ? Number(token) : token);
    }
    if (/\d\s*\/\s*\d/.test(text)) notes.push({ code: 'port-list-notation', text: `The ports are written "${text}": read as a list of ports, not a port and a protocol.` });
    else if (/\d\s*,\s*\d/.test(text)) notes.push({ code: 'port-list-notation', text: `The ports are written "${text}" with a comma: read as a list.` });
    return { entries, configurable };
  }

  private transports(text: string, row: number, notes: { code: string; text: string }[]): ('tcp' | 'udp')[] {
    const tcp = /\btcp\b/i.test(text);
    const udp = /\budp\b/i.test(text);
    if (tcp || udp) return [...(tcp ? (['tcp'] as const) : []), ...(udp ? (['udp'] as const) : [])];
    const inferred = UDP_PROTOCOLS.test(text) ? 'udp' : TCP_PROTOCOLS.test(text) ? 'tcp' : undefined;
    if (inferred === undefined) {
      this.report(row, 'protocol', 'error', `"${text}" names neither TCP nor UDP nor a protocol whose transport is known`);
      return [];
    }
    notes.push({ code: 'transport-inferred', text: `The protocol column says "${text}" without a transport; it runs over ${inferred.toUpperCase()}.` });
    return [inferred];
  }

  private sourcePorts(text: string, row: number, notes: { code: string; text: string }[]): void {
    if (text === '' || /ephemeral|any|dynamic|random|^1024\s*-\s*65535$/i.test(text)) return;
    this.report(row, 'sourcePort', 'warning', `source port "${text}" is not ephemeral; the audit takes every flow's source ports as ephemeral`);
    notes.push({ code: 'source-port', text: `The source port is written "${text}"; the audit treats source ports as ephemeral.` });
  }

  private defaultState(text: string, row: number): 'open' | 'closed' | 'filtered' {
    const state = /open|closed|filtered/i.exec(text)?.[0].toLowerCase() as 'open' | 'closed' | 'filtered' | undefined;
    if (state !== undefined) return state;
    if (text !== '') this.report(row, 'defaultState', 'warning', `"${text}" is not open, closed or filtered: taken as open`);
    return 'open';
  }

  /** The role a system name stands for: the embedded matrix's where it knows the name, else a new one. */
  private role(name: string): string {
    const known = this.known.resolve(name);
    const role: Role = known ?? { name, kind: /^all\b.*components$/i.test(name) ? 'group' : 'component', aliases: [], description: `${name} (from the imported table)` };
    const key = roleKey(role.name);
    if (!this.byKey.has(key)) this.byKey.set(key, structuredClone(role));
    return this.byKey.get(key)!.name;
  }

  /** The roles the rows use, and the roles those are variants of. */
  roles(): Role[] {
    for (const role of [...this.byKey.values()]) {
      if (role.variantOf !== undefined && !this.byKey.has(roleKey(role.variantOf))) this.role(role.variantOf);
    }
    return [...this.byKey.values()];
  }
}
