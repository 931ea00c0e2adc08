import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { evidencePathFor, readCaptureEvidence, type CaptureEvidence } from '../collect/evidence';
import type { Firewall } from '../model/index';
import type { SiteFirewall } from '../site/index';
import type { PulledFrom } from './audit-result';
import {
  columnsFromSite,
  importRuleSpreadsheet,
  isWorkbookContainer,
  looksLikeRuleTable,
  SPREADSHEET_EXTENSIONS,
  SPREADSHEET_VENDOR_ID,
  type ColumnMapping,
  type ExplicitColumns,
} from '../spreadsheet/index';
import { parserFor, VendorDetectionError, type VendorParser } from '../vendors/registry';

/** A firewall source read from disk, with the hash that ties the report to the evidence. */
export interface LoadedSource {
  entry: SiteFirewall;
  firewall: Firewall;
  sha256: string;
  /**
   * Where it was pulled from, when the file is a complete capture saved by a pull (with its
   * evidence beside it), or a project source the app pulled (its evidence is the project).
   */
  pulled?: Omit<PulledFrom, 'evidence'> & Partial<Pick<PulledFrom, 'evidence'>>;
}

/** A source that cannot be audited, said with the firewall, file and reason. */
export class SourceError extends Error {
  override name = 'SourceError';
}

const MAX_CONFIG_BYTES = 64 * 1024 * 1024;

/** Reads and parses one saved configuration or rule export named by the site file. */
export function loadSource(entry: SiteFirewall): LoadedSource {
  if (!entry.file) {
    throw new SourceError(
      `firewall ${entry.name} is pulled over SSH (ssh: in the site file): pull it first (or use --pull): ` +
        'wfos-audit audit --pull pulls it and audits it; wfos-audit pull saves it for a file: entry',
    );
  }
  const capture = completeCaptureOf(entry.file);
  const size = statSync(entry.file).size;
  if (size > MAX_CONFIG_BYTES) throw new SourceError(`${entry.file}: ${size} bytes is larger than the ${MAX_CONFIG_BYTES / 1024 / 1024} MiB a configuration can be`);
  const bytes = readFileSync(entry.file);
  const columns = entry.columns === undefined ? undefined : columnsFromSite(entry.columns, `firewall ${entry.name}`);
  const { firewall } = parseSource(bytes, basename(entry.file), { ...(entry.vendor !== undefined && { vendor: entry.vendor }), ...(columns && { columns }), path: entry.file });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const pulled = capture && pulledFrom(capture, sha256, entry.file, firewall);
  return { entry, firewall, sha256, ...(pulled && { pulled }) };
}

/**
 * The capture evidence beside a configuration pulled over SSH, if any. One whose capture did
 * not finish is never audited as if it were whole.
 */
function completeCaptureOf(file: string): CaptureEvidence | undefined {
  let evidence: CaptureEvidence | undefined;
  try {
    evidence = readCaptureEvidence(file);
  } catch (error) {
    throw new SourceError(`${file}: its pull evidence cannot be read (${(error as Error).message})`);
  }
  if (evidence && !evidence.complete) {
    throw new SourceError(`${file}: the pull that saved it did not finish (${evidence.incompleteReason ?? 'incomplete capture'}); pull it again before auditing`);
  }
  return evidence;
}

/**
 * Where the capture says the file came from, when the file is still the one it saved; a file
 * changed since is not called pulled, and gets a warning saying why.
 */
function pulledFrom(capture: CaptureEvidence, sha256: string, file: string, firewall: Firewall): LoadedSource['pulled'] {
  // Evidence that does not say where it came from (hand-written) vouches for nothing.
  if (!capture.target || !capture.hostKey) return undefined;
  if (capture.configuration?.sha256 !== sha256) {
    firewall.diagnostics.push({
      line: 0,
      severity: 'warning',
      message: `this is not the configuration the pull saved: its SHA-256 differs from the one in ${basename(evidencePathFor(file))}, so it was changed after it was pulled`,
    });
    return undefined;
  }
  return {
    host: capture.target.host,
    port: capture.target.port,
    ...(capture.target.username ? { username: capture.target.username } : {}),
    hostKey: `${capture.hostKey.keyType} ${capture.hostKey.fingerprint}`,
    hostKeyTrust: capture.hostKey.trust,
    capturedAt: capture.finishedAt,
  };
}

export interface ParsedSource {
  firewall: Firewall;
  /** For people: "Cisco ASA / FTD (LINA)", "rule export (spreadsheet)". */
  readBy: string;
  /** Rule exports: what each sheet's columns were taken to mean. */
  mappings?: ColumnMapping[];
}

/**
 * One source's bytes to the model: a rule export (.xlsx, .xls, .csv, a workbook whatever its
 * name, or text that is a rule table) goes to the spreadsheet reader, anything else to the
 * vendor's parser, named or detected. `fileName` is what references show; `path`, when given,
 * names the file in an error about its vendor.
 */
export function parseSource(bytes: Uint8Array, fileName: string, options: { vendor?: string; columns?: ExplicitColumns; path?: string } = {}): ParsedSource {
  const reader = readerFor(bytes, options.path ?? fileName, options.vendor);
  if (reader === 'spreadsheet') {
    const { firewall, mappings } = importRuleSpreadsheet(bytes, fileName, options.columns ? { columns: options.columns } : {});
    return { firewall, readBy: 'rule export (spreadsheet)', mappings };
  }
  return { firewall: reader.parser.parse(reader.text, fileName), readBy: reader.parser.name };
}

/** The spreadsheet reader, or the vendor parser with the text it detected the vendor from. */
function readerFor(bytes: Uint8Array, name: string, vendor: string | undefined): 'spreadsheet' | { parser: VendorParser; text: string } {
  if (vendor?.toLowerCase() === SPREADSHEET_VENDOR_ID) return 'spreadsheet';
  if (vendor === undefined && (isWorkbookContainer(bytes) || SPREADSHEET_EXTENSIONS.includes(extname(name).toLowerCase()))) return 'spreadsheet';
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  try {
    return { parser: parserFor(text, name, vendor), text };
  } catch (error) {
    if (vendor === undefined && error instanceof VendorDetectionError && looksLikeRuleTable(bytes)) return 'spreadsheet';
    throw error;
  }
}
