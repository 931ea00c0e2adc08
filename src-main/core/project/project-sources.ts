import { randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import { parseSource, type ParsedSource } from '../engine/load-sources';
import { AddressSet } from '../net/index';
import type { SiteFirewall } from '../site/index';
import { columnsFromSite } from '../spreadsheet/index';
import { MAX_SOURCE_BYTES, type ProjectSource, type SourceOrigin } from './project-schema';
import type { FieldProblem } from './site-draft';
import { contentBytes, contentOf, sha256Of } from './source-content';

/** A source that cannot be added, said with the file name and why. */
export class SourceImportError extends Error {
  override name = 'SourceImportError';
}

// Parsing a large configuration takes seconds; a project's sources are parsed once per content.
const parsedCache = new Map<string, ParsedSource>();
const MAX_CACHED = 16;

function cacheKey(source: Pick<ProjectSource, 'sha256' | 'vendor' | 'columns'>): string {
  return `${source.sha256}\u0000${source.vendor}\u0000${JSON.stringify(source.columns ?? {})}`;
}

function parseBytes(bytes: Uint8Array, fileName: string, vendor: string | undefined, columns: Record<string, string> | undefined): ParsedSource {
  try {
    const explicit = columns === undefined ? undefined : columnsFromSite(columns, fileName);
    return parseSource(bytes, fileName, { ...(vendor !== undefined && { vendor }), ...(explicit && { columns: explicit }) });
  } catch (error) {
    throw new SourceImportError((error as Error).message);
  }
}

/**
 * A dropped or picked file as a project source: read by the spreadsheet reader or the vendor's
 * parser (named, or detected from the content), named after the device's hostname where the
 * configuration has one.
 */
export function sourceFromFile(fileName: string, bytes: Uint8Array, options: { vendor?: string; now: string; origin?: SourceOrigin }): { source: ProjectSource; parsed: ParsedSource } {
  const name = basename(fileName.replace(/\\/g, '/')).slice(0, 255) || 'configuration';
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    throw new SourceImportError(`${name}: ${bytes.byteLength} bytes is larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MiB a source can be`);
  }
  if (bytes.byteLength === 0) throw new SourceImportError(`${name}: the file is empty`);
  const parsed = parseBytes(bytes, name, options.vendor, undefined);
  const sha256 = sha256Of(bytes);
  const source: ProjectSource = {
    id: randomUUID(),
    name: (parsed.firewall.hostname ?? basename(name, extname(name))).slice(0, 200) || name,
    vendor: parsed.firewall.vendor,
    origin: options.origin ?? { kind: 'file', fileName: name, importedAt: options.now },
    content: contentOf(bytes),
    sha256,
    bytes: bytes.byteLength,
    zones: [],
  };
  remember(source, parsed);
  return { source, parsed };
}

/** The parsed firewall of a stored source, read again only when its content or reading changed. */
export function parsedSourceOf(source: ProjectSource): ParsedSource {
  const key = cacheKey(source);
  const cached = parsedCache.get(key);
  if (cached) return cached;
  const parsed = parseBytes(contentBytes(source.content), source.origin.fileName, source.vendor, source.columns);
  remember(source, parsed);
  return parsed;
}

function remember(source: ProjectSource, parsed: ParsedSource): void {
  const key = cacheKey(source);
  parsedCache.delete(key);
  parsedCache.set(key, parsed);
  while (parsedCache.size > MAX_CACHED) parsedCache.delete(parsedCache.keys().next().value!);
}

/** Problems with a source's zones as typed, for the Sources screen. */
export function zoneProblems(source: ProjectSource): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  source.zones.forEach((zone, index) => {
    const field = `sources.${source.id}.zones.${index}`;
    if (!zone.zone.trim() && !zone.addresses.trim()) return;
    if (!zone.zone.trim()) problems.push({ field: `${field}.zone`, message: 'name the zone or interface' });
    else if (seen.has(zone.zone.trim().toLowerCase())) problems.push({ field: `${field}.zone`, message: `zone ${zone.zone.trim()} is listed twice` });
    seen.add(zone.zone.trim().toLowerCase());
    try {
      AddressSet.parse(zone.addresses.split(/[;\n]/).join(','));
    } catch (error) {
      problems.push({ field: `${field}.addresses`, message: (error as Error).message });
    }
  });
  return problems;
}

/** The source as the site model's firewall entry: what the engine places flows with. */
export function siteFirewallOf(source: ProjectSource): SiteFirewall {
  const zones = source.zones
    .filter((zone) => zone.zone.trim() && zone.addresses.trim())
    .map((zone) => ({ name: zone.zone.trim(), addresses: AddressSet.parse(zone.addresses.split(/[;\n]/).join(',')), line: 0 }));
  return {
    name: source.name,
    line: 0,
    fileAsWritten: source.origin.fileName,
    vendor: source.vendor,
    ...(zones.length > 0 && { zones }),
    ...(source.columns !== undefined && { columns: source.columns }),
  };
}
