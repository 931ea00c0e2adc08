import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * Doyensec's Electronegativity, run offline. Its runner fetches fresh translations from the
 * network before every scan (and waits for the request to fail here); the stub below loads the
 * English messages it ships instead, so a scan never reaches for the network.
 */

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';

export interface ScannerFinding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Relative to the scanned folder, or "N/A" for a finding about the app as a whole. */
  file: string;
  line: number;
  column: number;
  sample: string;
  description: string;
  manualReview: boolean;
}

export interface ScannerRun {
  globalChecks: number;
  atomicChecks: number;
  /** Files the scanner could not read; `tolerable` ones were read in part. */
  parseErrors: { file: string; message: string; tolerable: boolean }[];
  findings: ScannerFinding[];
}

export interface ScanOptions {
  /** The folder to scan. */
  input: string;
  electronVersion: string;
  /** Checks left out, by class name (`AvailableSecurityFixesGlobalCheck`). */
  excludeChecks: readonly string[];
}

const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity');
const i18nPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');

interface I18n {
  configure(options: Record<string, unknown>): void;
  setLocale(locale: string): void;
}

function installOfflineMessages(): void {
  if (require.cache[i18nPath]) return;
  const i18n = createRequire(i18nPath)('i18n') as I18n;
  const stub = new Module(i18nPath);
  stub.filename = i18nPath;
  stub.loaded = true;
  // The same set-up as the scanner's own, minus the download; `register: global` defines the
  // `__()` its checks call for their messages.
  stub.exports = async (): Promise<void> => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nPath), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  require.cache[i18nPath] = stub;
}

interface RawIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  sample?: unknown;
  description?: unknown;
  manualReview?: boolean;
}

type RawRun = (options: Record<string, unknown>) => Promise<{ globalChecks: number; atomicChecks: number; errors: ScannerRun['parseErrors']; issues: RawIssue[] }>;

const severities: readonly Severity[] = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

function severityOf(name: string): Severity {
  const found = severities.find((severity) => severity === name);
  if (!found) throw new Error(`Electronegativity reported an unknown severity "${name}"`);
  return found;
}

export async function runElectronegativity(options: ScanOptions): Promise<ScannerRun> {
  installOfflineMessages();
  const run = require(runnerPath) as RawRun;
  const result = await run({
    input: options.input,
    isRelative: true,
    customScan: [],
    excludeFromScan: [...options.excludeChecks],
    electronVersionOverride: options.electronVersion,
    parserPlugins: [],
  });
  return {
    globalChecks: result.globalChecks,
    atomicChecks: result.atomicChecks,
    parseErrors: result.errors,
    findings: result.issues.map((issue) => ({
      check: issue.id,
      severity: severityOf(issue.severity.name),
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      sample: typeof issue.sample === 'string' ? issue.sample : '',
      description: typeof issue.description === 'string' ? issue.description : '',
      manualReview: issue.manualReview === true,
    })),
  };
}
