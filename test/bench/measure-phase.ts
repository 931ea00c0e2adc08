import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tuneV8ForAudits } from '../../src-main/v8-tuning';

/**
 * One measured phase in a process of its own, so its RSS high-water mark belongs to it alone.
 * Usage: node --expose-gc --import tsx measure-phase.ts baseline|words|parse|audit|report CONFIG SITE [REPEATS]
 * Prints one JSON line (a PhaseReport) on stdout.
 */

export type PhaseName = 'baseline' | 'words' | 'parse' | 'audit' | 'report';

export interface PhaseReport {
  phase: PhaseName;
  /** Wall time of each repetition, in order: the first one is the cold one. */
  timesMs: number[];
  /** For the audit: how one end-to-end run divides up. */
  /** How one run divides up: the audit's loading and analysis, the report's model, PDF, signature and tables. */
  stagesMs?: Record<string, number>;
  maxRssBytes: number;
  /** Heap still in use after a full collection, with the phase's result kept alive. */
  retainedHeapBytes: number;
  lines?: number;
  flows?: Record<string, number>;
  findings?: number;
  /** The report: rules audited and PDF pages. */
  rules?: number;
  pages?: number;
  error?: string;
}

/** What a phase hands back before its memory is weighed: `keep` stays referenced until then. */
type PhaseRun = Omit<PhaseReport, 'maxRssBytes' | 'retainedHeapBytes'> & { keep: unknown };

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

function retainedHeap(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function baseline(configPath: string, repeats: number): PhaseRun {
  const timesMs: number[] = [];
  let lines: string[] = [];
  for (let run = 0; run < repeats; run += 1) {
    const [result, ms] = timed(() => readFileSync(configPath, 'utf8').split('\n'));
    lines = result;
    timesMs.push(ms);
  }
  return { phase: 'baseline', timesMs, lines: lines.length, keep: lines };
}

/**
 * The first step of the parse on its own: the ASA reader's line reader cutting the text (already
 * read, as the parse phase has it) into lines and every line into its words, keeping nothing.
 * No parser that reads words can take less, so it shows how much of the parse target is left
 * for everything else on this machine.
 */
async function words(configPath: string, repeats: number): Promise<PhaseRun> {
  const { forEachLine } = await import('../../src-main/core/vendors/cisco-asa/lines');
  const text = readFileSync(configPath, 'utf8');
  const timesMs: number[] = [];
  let count = 0;
  for (let run = 0; run < repeats; run += 1) {
    const [total, ms] = timed(() => {
      let wordCount = 0;
      forEachLine(text, (line) => (wordCount += line.tokens.length));
      return wordCount;
    });
    count = total;
    timesMs.push(ms);
  }
  return { phase: 'words', timesMs, keep: count };
}

async function parse(configPath: string, repeats: number): Promise<PhaseRun> {
  const { parseAsaConfig } = await import('../../src-main/core/vendors/cisco-asa/index');
  const text = readFileSync(configPath, 'utf8');
  const timesMs: number[] = [];
  let firewall: unknown;
  for (let run = 0; run < repeats; run += 1) {
    firewall = undefined;
    const [result, ms] = timed(() => parseAsaConfig(text, basename(configPath)));
    firewall = result;
    timesMs.push(ms);
  }
  return { phase: 'parse', timesMs, keep: firewall };
}

/** One cold end-to-end audit, as `wfos-audit audit --site` runs it. */
async function audit(sitePath: string): Promise<PhaseRun> {
  const { loadSiteFile } = await import('../../src-main/core/site/index');
  const { loadSource, runAudit } = await import('../../src-main/core/engine/index');
  const [site, loadSite] = timed(() => loadSiteFile(sitePath));
  const [sources, loadSources] = timed(() => site.firewalls.map((entry) => loadSource(entry)));
  const [result, auditMs] = timed(() => runAudit(site, sources, { toolVersion: 'bench' }));
  return {
    phase: 'audit',
    timesMs: [loadSite + loadSources + auditMs],
    stagesMs: { loadSite, loadSources, runAudit: auditMs },
    flows: result.summary.flows,
    findings: result.findings.length,
    keep: [sources, result],
  };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** The report of one audit (not timed): model, signed PDF, and the XLSX workbook, as the CLI writes them. */
async function reportPhase(sitePath: string): Promise<PhaseRun> {
  const { loadSiteFile } = await import('../../src-main/core/site/index');
  const { loadSource, runAudit } = await import('../../src-main/core/engine/index');
  const reports = await import('../../src-main/core/report/index');
  const site = loadSiteFile(sitePath);
  const audit = runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'bench' });
  // The bundled script runs from a temporary folder: the fonts are named where they ship.
  const fontDirectory = join(process.cwd(), 'resources', 'fonts');
  const p12 = reports.createAuditorCertificate({ name: 'Bench Auditor' }, 'bench passphrase').p12;
  const [model, modelMs] = timed(() => reports.buildReportModel(reports.reportInputFor(site, audit, { customer: { name: 'Bench' } })));
  const [pdf, pdfMs] = await timedAsync(() => reports.writeReportPdf(model, audit, { fontDirectory }));
  const [signed, signMs] = await timedAsync(() => reports.signReportPdf(pdf, { p12, passphrase: 'bench passphrase', file: 'bench.p12' }));
  const [xlsx, xlsxMs] = timed(() => reports.writeReportXlsx(model));
  return {
    phase: 'report',
    timesMs: [modelMs + pdfMs + signMs],
    stagesMs: { model: modelMs, pdf: pdfMs, sign: signMs, xlsx: xlsxMs },
    findings: audit.findings.length,
    rules: audit.sources.reduce((total, source) => total + source.rules, 0),
    pages: (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length,
    keep: [signed, xlsx],
  };
}

async function measure(phase: string, configPath: string, sitePath: string, repeats: number): Promise<PhaseReport> {
  const phases: Record<PhaseName, () => Promise<PhaseRun>> = {
    baseline: async () => baseline(configPath, repeats),
    words: () => words(configPath, repeats),
    parse: () => parse(configPath, repeats),
    audit: () => audit(sitePath),
    report: () => reportPhase(sitePath),
  };
  const run = await phases[phase as PhaseName]();
  const { keep, ...report } = run;
  const retainedHeapBytes = retainedHeap();
  // Read after the collection so `keep` is visibly still referenced until here.
  if (keep === undefined) throw new Error(`${phase} produced nothing`);
  return { ...report, maxRssBytes: process.resourceUsage().maxRSS * 1024, retainedHeapBytes };
}

// Every phase, the baseline included, runs with the V8 settings the CLI and the app use.
tuneV8ForAudits();
const [phase = '', configPath = '', sitePath = '', repeats = '1'] = process.argv.slice(2);
try {
  if (!['baseline', 'words', 'parse', 'audit', 'report'].includes(phase)) throw new Error(`unknown phase "${phase}"`);
  process.stdout.write(`${JSON.stringify(await measure(phase, configPath, sitePath, Number(repeats)))}\n`);
} catch (error) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stdout.write(`${JSON.stringify({ phase, timesMs: [], maxRssBytes: 0, retainedHeapBytes: 0, error: message })}\n`);
}
