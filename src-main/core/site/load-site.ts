import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { embeddedMatrixIds, loadEmbeddedMatrix, loadMatrixFile } from '../matrix/load';
import { indexRoles, type RoleIndex } from '../matrix/role-names';
import type { Matrix } from '../matrix/schema';
import { AddressSet, PortSet } from '../net/index';
import { SPREADSHEET_VENDOR_ID } from '../spreadsheet/vendor-id';
import { knownVendorIds, vendorById } from '../vendors/registry';
import { closestRoleHint } from './closest-role';
import { describeIssue } from './schema-issue';
import type { Site, SiteFirewall, SiteRole } from './site';
import { parseSiteAddressItem } from './site-addresses';
import { keyOfPath, SiteError } from './site-error';
import { siteFileSchema, type SiteFile, type SiteFirewallEntry } from './site-schema';
import { readSiteYaml } from './site-yaml';
import { lineOfPath } from './yaml-lines';

const DEFAULT_EPHEMERAL_PORTS = '1024-65535';
const MAX_SITE_FILE_BYTES = 4 * 1024 * 1024;

type Path = (string | number)[];

/** Reads and validates a site file; every problem is a SiteError naming the file, line and key. */
export function loadSiteFile(path: string): Site {
  const file = resolve(path);
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new SiteError(file, 0, '', 'is a folder, not a site file');
    if (stat.size > MAX_SITE_FILE_BYTES) throw new SiteError(file, 1, '', `larger than ${MAX_SITE_FILE_BYTES / 1024 / 1024} MiB: not a site file`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof SiteError) throw error;
    throw new SiteError(file, 0, '', `cannot read the site file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  // Windows editors save "Unicode" as UTF-16; read as UTF-8 it would be a string of NULs and noise.
  if (bytes.includes(0)) throw new SiteError(file, 1, '', 'is not UTF-8 text (UTF-16 or binary): save it as UTF-8');
  return parseSite(bytes.toString('utf8'), file);
}

/** Parses site text; `file` locates relative paths and names the file in errors. */
export function parseSite(text: string, file: string): Site {
  const { doc, lines, value } = readSiteYaml(text, file);
  const fail = (path: Path, problem: string): never => {
    throw new SiteError(file, lineOfPath(doc, lines, path), keyOfPath(path), problem);
  };

  const parsed = siteFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    if (issue.code === 'unrecognized_keys') fail([...path, issue.keys[0]!], `unknown key (expected one of ${expectedKeys(path)})`);
    fail(path, describeIssue(issue, path, value));
  }
  const raw = parsed.data as SiteFile;
  const matrix = loadSiteMatrix(raw.matrix, file, doc, lines);
  const roleIndex = indexRoles(matrix);
  const roles = readRoles(raw, matrix, roleIndex, fail, doc, lines);
  const notDeployed = (raw.notDeployed ?? []).map((name, index) => {
    const role = roleIndex.resolve(name) ?? fail(['notDeployed', index], unknownRole(name, matrix, roleIndex));
    if (roles.has(role.name)) fail(['notDeployed', index], `"${name}" is also listed under roles:`);
    return role.name;
  });

  return {
    file,
    site: raw.site,
    customer: raw.customer,
    ...(raw.auditor !== undefined && { auditor: raw.auditor }),
    matrix,
    roles,
    notDeployed,
    ephemeralPorts: readEphemeralPorts(raw.ephemeralPorts, fail),
    firewalls: readFirewalls(raw.firewalls ?? [], file, fail, doc, lines),
  };
}

function expectedKeys(path: Path): string {
  if (path.length === 0) return 'site, customer, auditor, matrix, roles, notDeployed, ephemeralPorts, firewalls';
  if (path[0] === 'firewalls' && path.length === 2) return 'name, file, vendor, host, ssh, zones, columns';
  if (path[0] === 'firewalls' && path[2] === 'ssh') return 'host, port, vendor, username';
  return 'the keys of the site-file format';
}

function loadSiteMatrix(reference: string | undefined, file: string, doc: Document, lines: LineCounter): Matrix {
  if (reference === undefined || embeddedMatrixIds().includes(reference)) return loadEmbeddedMatrix(reference);
  const path = isAbsolute(reference) ? reference : resolve(dirname(file), reference);
  try {
    return loadMatrixFile(path);
  } catch (error) {
    throw new SiteError(file, lineOfPath(doc, lines, ['matrix']), 'matrix', `"${reference}" is neither an embedded matrix (${embeddedMatrixIds().join(', ')}) nor a usable matrix file: ${(error as Error).message}`);
  }
}

function unknownRole(name: string, matrix: Matrix, roleIndex: RoleIndex): string {
  return `"${name}" is not a role of the ${matrix.title}${closestRoleHint(name, roleIndex)}`;
}

type Fail = (path: Path, problem: string) => never;

function parseAddresses(value: string | string[], path: Path, fail: Fail): AddressSet {
  const items = Array.isArray(value) ? value : [value];
  const sets = items.map((item, index) => {
    try {
      return parseSiteAddressItem(item);
    } catch (error) {
      return fail(Array.isArray(value) ? [...path, index] : path, (error as Error).message);
    }
  });
  return AddressSet.unionAll(sets);
}

function readRoles(raw: SiteFile, matrix: Matrix, roleIndex: RoleIndex, fail: Fail, doc: Document, lines: LineCounter): Map<string, SiteRole> {
  const roles = new Map<string, SiteRole>();
  for (const [writtenAs, value] of Object.entries(raw.roles)) {
    const path: Path = ['roles', writtenAs];
    const role = roleIndex.resolve(writtenAs) ?? fail(path, unknownRole(writtenAs, matrix, roleIndex));
    if (role.kind === 'group') fail(path, `"${writtenAs}" is not listed by a site: it stands for every deployed WFOS server component`);
    const earlier = roles.get(role.name);
    if (earlier) fail(path, `"${writtenAs}" is the role ${role.name}, already given as "${earlier.writtenAs}" on line ${earlier.line}`);
    roles.set(role.name, { name: role.name, writtenAs, addresses: parseAddresses(value, path, fail), line: lineOfPath(doc, lines, path) });
  }
  return roles;
}

function readEphemeralPorts(value: SiteFile['ephemeralPorts'], fail: Fail): PortSet {
  try {
    const ports = PortSet.parse(Array.isArray(value) ? value.join(',') : String(value ?? DEFAULT_EPHEMERAL_PORTS));
    if (ports.isEmpty()) fail(['ephemeralPorts'], 'names no port');
    return ports;
  } catch (error) {
    return fail(['ephemeralPorts'], (error as Error).message);
  }
}

function readFirewalls(entries: SiteFirewallEntry[], file: string, fail: Fail, doc: Document, lines: LineCounter): SiteFirewall[] {
  const seen = new Map<string, number>();
  return entries.map((entry, index) => {
    const path: Path = ['firewalls', index];
    const line = lineOfPath(doc, lines, path);
    if (entry.name !== entry.name.trim()) fail([...path, 'name'], `"${entry.name}" starts or ends with spaces: the report would show two firewalls that look alike`);
    const key = entry.name.toLowerCase();
    if (seen.has(key)) fail([...path, 'name'], `"${entry.name}" is already the name of firewalls[${seen.get(key)}]`);
    seen.set(key, index);
    const firewall: SiteFirewall = { name: entry.name, line };
    if (entry.file !== undefined) {
      const absolute = isAbsolute(entry.file) ? entry.file : resolve(dirname(file), entry.file);
      const kind = fileKind(absolute);
      if (kind === 'missing') fail([...path, 'file'], `${entry.file} does not exist (looked for ${absolute})`);
      if (kind === 'folder') fail([...path, 'file'], `${entry.file} is a folder: name the config or rule export file in it`);
      firewall.file = absolute;
      firewall.fileAsWritten = entry.file;
    }
    if (entry.vendor !== undefined) firewall.vendor = knownVendor(entry.vendor, [...path, 'vendor'], fail);
    if (entry.host !== undefined) firewall.host = parseAddresses(entry.host, [...path, 'host'], fail);
    if (entry.ssh !== undefined) {
      firewall.ssh = { ...entry.ssh, port: entry.ssh.port ?? 22 };
      if (entry.ssh.vendor !== undefined) firewall.vendor ??= knownVendor(entry.ssh.vendor, [...path, 'ssh', 'vendor'], fail);
    }
    if (entry.zones !== undefined) {
      firewall.zones = Object.entries(entry.zones).map(([name, value]) => ({
        name,
        addresses: parseAddresses(value, [...path, 'zones', name], fail),
        line: lineOfPath(doc, lines, [...path, 'zones', name]),
      }));
    }
    if (entry.columns !== undefined) firewall.columns = entry.columns;
    return firewall;
  });
}

function fileKind(path: string): 'file' | 'folder' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * The vendor id as the registry spells it, or `spreadsheet` for a rule export; a misspelt one is
 * said here, at its line, not when the file is read.
 */
function knownVendor(written: string, path: Path, fail: Fail): string {
  if (written.toLowerCase() === SPREADSHEET_VENDOR_ID) return SPREADSHEET_VENDOR_ID;
  const vendor = vendorById(written);
  return vendor ? vendor.id : fail(path, `unknown vendor "${written}" (known: ${[...knownVendorIds(), SPREADSHEET_VENDOR_ID].join(', ')})`);
}
