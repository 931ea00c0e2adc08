import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { loadSource, runAudit, type AuditResult } from '../../src-main/core/engine/index';
import { buildReportModel, reportInputFor, writeReportPdf } from '../../src-main/core/report/index';
import { loadSiteFile } from '../../src-main/core/site/index';
import { recordingIo } from '../helpers/cli-io';
import { flatten, hasTool, inkPerPage, pdfText } from '../helpers/pdf';

const demo = fileURLToPath(new URL('../../resources/demo', import.meta.url));
const env = { REPORT_P12_PASSPHRASE: 'correct horse battery staple' };
const SECTIONS = ['Contents', 'Executive summary', 'Port-usage diagram', 'Flows across the WFOS boundary', 'Flows between WFOS components', 'Coverage by matrix row', 'Coverage gaps', 'Over-permissive rules', 'Hygiene findings', 'Remediation by firewall', 'Evidence', 'Sign-off'];

let dir: string;
let audit: AuditResult;
let text: string;

async function cli(args: string[]) {
  const io = recordingIo(dir, env);
  const code = await main(args, io.cli);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

beforeAll(async () => {
  // The demo site, renamed so that the report has a CJK name to set in the fallback font.
  dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  cpSync(demo, dir, { recursive: true });
  const site = readFileSync(join(dir, 'site.yaml'), 'utf8').replace('site: Dallas DC contact center', 'site: Tokyo 東京 contact center');
  writeFileSync(join(dir, 'site.yaml'), site);
  const people = ['--auditor', 'Zoë Łukasik', '--customer-rep', 'Müller'];
  expect((await cli(['cert', '--name', 'Zoë Łukasik', '--email', 'zoe@example.com', '--bits', '2048', '--out', 'auditor.p12', '--passphrase-env', 'REPORT_P12_PASSPHRASE'])).code).toBe(0);
  const unsigned = await cli(['audit', '--site', 'site.yaml', '--json', 'audit.json', '--pdf', 'report.pdf', ...people]);
  expect(unsigned.code, unsigned.stderr).toBe(0);
  const signed = await cli(['audit', '--site', 'site.yaml', '--pdf', 'signed.pdf', '--sign', 'auditor.p12', '--sign-passphrase-env', 'REPORT_P12_PASSPHRASE', ...people]);
  expect(signed.code, signed.stderr).toBe(0);
  expect(signed.stdout).toMatch(/Report written to signed\.pdf, signed by Zoë Łukasik <zoe@example\.com> \(self-signed certificate/);
  audit = JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')) as AuditResult;
  text = flatten(pdfText(join(dir, 'report.pdf')));
});

describe('the report PDF of the demo audit', () => {
  it('has every section, every matrix row and every finding', () => {
    for (const heading of SECTIONS) expect(text, heading).toContain(heading);
    expect(audit.flows).toHaveLength(40);
    const compact = text.replace(/\s+/g, '');
    for (const flow of audit.flows) {
      expect(text, `row ${flow.row}`).toContain(`${flow.source} → ${flow.destination}`);
      expect(compact, `row ${flow.row} ports`).toContain(`${flow.ports}/${flow.transport}`);
    }
    for (const finding of audit.findings) {
      expect(text, finding.id).toContain(finding.id);
      expect(text, finding.id).toContain(flatten(finding.title));
    }
    expect(text).toContain('FAIL: the audited firewalls do not meet the criterion.');
    expect(text).toContain('2 critical findings (F-0001, F-0002)');
  });

  it('sets the auditor, the customer representative and the CJK site name in the embedded fonts', () => {
    expect(text).toContain('Zoë Łukasik');
    expect(text).toContain('Müller');
    expect(text).toContain('Tokyo 東京 contact center');
    const fonts = execFileSync('pdffonts', [join(dir, 'report.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s/);
    expect(fonts).toMatch(/DroidSansFallback/);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line, line).toMatch(/\syes\s+yes\s/);
  });

  it('prints the remediation commands, the deciding rule lines and the evidence hashes', () => {
    const gapsAndTightening = audit.findings.filter((finding) => finding.kind !== 'unused-object');
    for (const finding of gapsAndTightening) {
      for (const line of finding.remediation.split('\n').map((item) => item.trim()).filter(Boolean)) expect(text, `${finding.id}: ${line}`).toContain(flatten(line));
    }
    expect(text).toContain('access-list servers_in line 13 extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161');
    expect(text).toContain('access-list servers_in extended deny ip any any log');
    expect(text).toContain(audit.sources[0]!.sha256);
    expect(text).toContain('imported as a saved file');
  });

  it('numbers every page "Page N of M" and leaves none blank', () => {
    const pages = execFileSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' });
    const count = Number(/Pages:\s+(\d+)/.exec(pages)![1]);
    expect(count).toBeGreaterThan(10);
    for (let page = 1; page <= count; page++) expect(text).toContain(`Page ${page} of ${count}`);
    const ink = inkPerPage(join(dir, 'report.pdf'));
    expect(ink).toHaveLength(count);
    ink.forEach((pixels, index) => expect(pixels, `page ${index + 1}`).toBeGreaterThan(300));
  });

  it('gives the same bytes for the same audit and date (no random IDs, no clock)', async () => {
    const site = loadSiteFile(join(dir, 'site.yaml'));
    const render = () => {
      const result = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
      return writeReportPdf(buildReportModel(reportInputFor(site, result, { auditor: { name: 'Zoë Łukasik' } })), result);
    };
    const [first, second] = [await render(), await render()];
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain('/CreationDate (D:20261124100000Z)');
  });
});

describe('signing and verifying the report', () => {
  const signedPdf = () => readFileSync(join(dir, 'signed.pdf'));

  it('verifies a freshly signed report: exit 0, the signer, and plainly that the certificate is self-signed', async () => {
    const result = await cli(['verify', 'signed.pdf']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Signature: valid (adbe.pkcs7.detached, sha256)');
    expect(result.stdout).toContain('Signed by: Zoë Łukasik <zoe@example.com>');
    expect(result.stdout).toContain('the certificate is self-signed');
    expect(result.stdout).toContain('This is not a sign of tampering.');
    expect(result.stdout).toContain('Covers: the whole file');
    expect(result.stdout).toContain('matches the report\'s evidence');
    expect(result.stdout).toContain('VALID: the report has not changed since it was signed');
  });

  it('fails with exit 1 when one byte inside the signed content is changed', async () => {
    const pdf = signedPdf();
    const [, firstLength] = /\/ByteRange \[(\d+) (\d+)/.exec(pdf.toString('latin1'))!.slice(1).map(Number) as [number, number];
    const changed = Buffer.from(pdf);
    const at = Math.floor(firstLength / 2);
    changed[at] = changed[at]! ^ 0x01;
    writeFileSync(join(dir, 'changed.pdf'), changed);
    const result = await cli(['verify', 'changed.pdf']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('INVALID: the report was changed after it was signed');
  });

  it('fails with exit 1 when anything is appended after the signature', async () => {
    writeFileSync(join(dir, 'appended.pdf'), Buffer.concat([signedPdf(), Buffer.from('\n1 0 obj\n<< >>\nendobj\n%%EOF\n')]));
    const result = await cli(['verify', 'appended.pdf']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the report was changed after it was signed: 28 bytes were added after the signed part');
  });

  it('says which when the input is truncated, not a PDF, or not signed: exit 2', async () => {
    writeFileSync(join(dir, 'truncated.pdf'), signedPdf().subarray(0, 40_000));
    writeFileSync(join(dir, 'notes.pdf'), 'these are my notes\n');
    const cases: [string, string][] = [
      ['truncated.pdf', 'truncated.pdf: the PDF is truncated (no %%EOF at its end)'],
      ['notes.pdf', 'notes.pdf: not a PDF'],
      ['report.pdf', 'report.pdf: has no digital signature'],
      ['missing.pdf', 'missing.pdf: cannot read it (ENOENT)'],
    ];
    for (const [file, message] of cases) {
      const result = await cli(['verify', file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toContain(message);
      expect(result.stderr.trim().split('\n'), file).toHaveLength(1);
    }
  });

  it('--evidence DIR hashes the source files: the audited config matches, an edited one does not', async () => {
    expect((await cli(['verify', 'signed.pdf', '--evidence', '.'])).stdout).toContain('the file given matches');
    const edited = mkdtempSync(join(tmpdir(), 'evidence-'));
    cpSync(join(dir, 'configs'), join(edited, 'configs'), { recursive: true });
    writeFileSync(join(edited, 'configs/dal-dc-fw01.txt'), readFileSync(join(dir, 'configs/dal-dc-fw01.txt'), 'utf8').replace('eq 3389', 'eq 3390'));
    const result = await cli(['verify', 'signed.pdf', '--evidence', edited]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('configs/dal-dc-fw01.txt is not the file that was audited');
    const empty = mkdtempSync(join(tmpdir(), 'evidence-'));
    const missing = await cli(['verify', 'signed.pdf', '--evidence', empty]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('evidence files not found: configs/dal-dc-fw01.txt');
  });

  it('is accepted by Poppler\'s pdfsig where it is installed', () => {
    if (!hasTool('pdfsig')) return;
    const output = execFileSync('pdfsig', [join(dir, 'signed.pdf')], { encoding: 'utf8' });
    expect(output).toContain('Signer Certificate Common Name: Zoë Łukasik');
    expect(output).toContain('Signature Validation: Signature is Valid.');
    expect(output).toContain('Total document signed');
  });

  it('refuses a wrong passphrase and --sign without --pdf, one line each, exit 2', async () => {
    const wrong = recordingIo(dir, { BAD: 'not the passphrase' });
    expect(await main(['audit', '--site', 'site.yaml', '--pdf', 'x.pdf', '--sign', 'auditor.p12', '--sign-passphrase-env', 'BAD'], wrong.cli)).toBe(2);
    expect(wrong.stderr).toContain('auditor.p12: wrong passphrase');
    const noPdf = await cli(['audit', '--site', 'site.yaml', '--sign', 'auditor.p12', '--sign-passphrase-env', 'REPORT_P12_PASSPHRASE']);
    expect(noPdf.code).toBe(2);
    expect(noPdf.stderr).toContain('--sign signs the PDF report: give --pdf OUT too');
  });
});
