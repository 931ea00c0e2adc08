import { fileURLToPath } from 'node:url';
import { createAuditorCertificate, buildReportModel, reportInputFor, signReportPdf, writeReportCsv, writeReportPdf, writeReportXlsx } from '../../src-main/core/report/index';
import { loadSource, runAudit } from '../../src-main/core/engine/index';
import { loadSiteFile } from '../../src-main/core/site/index';
import { createWorkspace } from './bench-workspace';

/**
 * How long the report takes for a large audit, and how much memory: `npx tsx
 * test/bench/report-bench.ts [SCALE]` generates the bench's ASA configuration at SCALE
 * (default 0.4, about 20,000 access-list entries), audits it with the demo site's roles and
 * times each report output. Prints figures; asserts nothing (tests never time things).
 */

const scale = Number(process.argv[2] ?? 0.4);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

async function timed<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label.padEnd(28)} ${(performance.now() - start).toFixed(0).padStart(7)} ms   peak RSS so far ${mib(peakRss())}`);
  return result;
}

async function main(): Promise<void> {
  const workspace = createWorkspace(repoRoot, scale);
  try {
    const { counts } = workspace.generated;
    console.log(`Config at scale ${scale}: ${counts.lines.toLocaleString('en')} lines, ${counts.accessListEntries.toLocaleString('en')} access-list entries`);
    const site = loadSiteFile(workspace.sitePath);
    const audit = await timed('audit (parse + analyse)', () => runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'bench' }));
    const kinds = new Map<string, number>();
    for (const finding of audit.findings) kinds.set(finding.kind, (kinds.get(finding.kind) ?? 0) + 1);
    console.log(`Audit: ${audit.sources[0]!.rules.toLocaleString('en')} rules, ${audit.findings.length} findings (${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')})`);
    const rssBeforeReport = peakRss();

    const model = await timed('report model', () => buildReportModel(reportInputFor(site, audit, { customer: { name: 'Müller' } })));
    const pdf = await timed('PDF', () => writeReportPdf(model, audit));
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    console.log(`  ${pages} pages, ${mib(pdf.length)} (${pdf.length.toLocaleString('en')} bytes)`);
    const p12 = createAuditorCertificate({ name: 'Bench Auditor', bits: 3072 }, 'bench passphrase').p12;
    await timed('sign (RSA 3072)', () => signReportPdf(pdf, { p12, passphrase: 'bench passphrase', file: 'bench.p12' }));
    const xlsx = await timed('XLSX', () => writeReportXlsx(model));
    console.log(`  ${mib(xlsx.length)}`);
    await timed('CSV', () => writeReportCsv(model));
    console.log(`Peak RSS: ${mib(rssBeforeReport)} after the audit, ${mib(peakRss())} after the reports`);
  } finally {
    workspace.remove();
  }
}

await main();
