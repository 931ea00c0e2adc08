import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import type { AuditResult } from '../../src-main/core/engine/audit-result';
import { createAuditorCertificate } from '../../src-main/core/report/index';
import { STATUS_COLOURS } from '../../src-main/core/report/palette';
import { flatten, pdfText } from '../helpers/pdf';
import { expect, openDemo, test } from './workstation-fixture';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The demo audited by the command line, with the text of the PDF report it writes: what the
 * app's printout must say too. (A separate process: the engine's modules load the embedded
 * matrix as JSON, which Playwright's loader does not take.)
 */
function demoByCli(): { audit: AuditResult; pdf: string } {
  const dir = mkdtempSync(join(tmpdir(), 'report-e2e-'));
  execFileSync(process.execPath, ['src-main/cli/wfos-audit.mjs', 'audit', '--site', 'resources/demo/site.yaml', '--json', join(dir, 'audit.json'), '--pdf', join(dir, 'report.pdf')], { cwd: root });
  return { audit: JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')) as AuditResult, pdf: flatten(pdfText(join(dir, 'report.pdf'))) };
}

/** What the gaps say is missing: "161/udp from 10.10.20.12 to 10.50.0.20", per partial or blocked row. */
function missingParts(audit: AuditResult): { row: number; parts: { firewall: string; text: string }[] }[] {
  return audit.flows
    .filter((flow) => flow.status === 'partial' || flow.status === 'blocked')
    .map((flow) => ({
      row: flow.row,
      parts: flow.paths.flatMap((path) => path.missing.map((part) => ({ firewall: path.firewall, text: `${part.ports}/${flow.transport} from ${part.sources} to ${part.destinations}` }))),
    }));
}

/** Every command of every remediation, as the firewall takes it (the lines after the opening sentence). */
function commandLines(audit: AuditResult): string[] {
  return audit.findings.flatMap((finding) => finding.remediation.split('\n').slice(1).filter((line) => line.trim()));
}

/** The PDF report's sections, in its order: the printout prints every one. */
const PDF_SECTIONS = ['Contents', 'Executive summary', 'Port-usage diagram', 'Flows across the WFOS boundary', 'Flows between WFOS components', 'Coverage by matrix row', 'Coverage gaps', 'Over-permissive rules', 'Hygiene findings', 'Remediation by firewall', 'Evidence', 'Sign-off'];

async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * The diagram's arrows on screen: each row's arrow carries the audit's verdict for the row and
 * is drawn in that status's colour from the report palette. Answers the rows drawn.
 */
async function expectFlowsColoured(page: Page, audit: AuditResult): Promise<number[]> {
  const flows = await page.getByTestId('diagram-flow').evaluateAll((groups) =>
    groups.map((group) => {
      const line = group.querySelector('[data-testid=diagram-flow-line]');
      return {
        row: Number(group.getAttribute('data-row')),
        status: group.getAttribute('data-status'),
        // What the browser paints: an SVG path of some length, in this stroke colour.
        length: line instanceof SVGPathElement ? line.getTotalLength() : 0,
        stroke: line ? getComputedStyle(line).stroke : undefined,
      };
    }),
  );
  expect(flows.length).toBeGreaterThan(0);
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
  for (const flow of flows) {
    const status = audit.flows.find((item) => item.row === flow.row)!.status;
    expect(flow.status, `row ${flow.row}`).toBe(status);
    expect(flow.length, `row ${flow.row} is drawn`).toBeGreaterThan(10);
    expect(flow.stroke, `row ${flow.row} (${status})`).toBe(rgb(STATUS_COLOURS[status]));
  }
  return flows.map((flow) => flow.row);
}

const allRows = (audit: AuditResult) => audit.flows.map((flow) => flow.row).sort((a, b) => a - b);

test('the report screen: sign-off, a signed PDF, the workbook and the printout with the sign-off', async ({ workstation: page }, testInfo) => {
  await openDemo(page);
  await page.getByTestId('step-report').click();

  // Sign-off: the date defaults to today; the rest is typed.
  await expect(page.getByTestId('signoff-date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByTestId('signoff-auditor-name').fill('Zoë Łukasik');
  await page.getByTestId('signoff-auditor-role').fill('Field engineer');
  await page.getByTestId('signoff-customer-name').fill('Jörg Müller');
  await page.getByTestId('signoff-customer-role').fill('Network manager');
  await page.getByTestId('signoff-date').fill('2026-11-24');
  await page.getByTestId('signoff-comments').fill('Rows 27 and 31 to be fixed by the customer.');

  // A wrong passphrase is said inline, and the passphrase field is cleared after each try.
  const passphrase = 'correct horse battery';
  const { p12 } = createAuditorCertificate({ name: 'Zoë Łukasik', email: 'zoe@example.com', bits: 2048 }, passphrase);
  await page.getByTestId('sign-certificate').setInputFiles({ name: 'zoe.p12', mimeType: 'application/x-pkcs12', buffer: p12 });
  await page.getByTestId('sign-passphrase').fill('not the passphrase');
  await page.getByTestId('report-signed-pdf').click();
  await expect(page.getByTestId('sign-error')).toHaveText('zoe.p12: wrong passphrase (the .p12 could not be decrypted with it)');
  await expect(page.getByTestId('sign-passphrase')).toHaveValue('');

  await page.getByTestId('sign-passphrase').fill(passphrase);
  const signedDownload = page.waitForEvent('download');
  await page.getByTestId('report-signed-pdf').click();
  const signed = readFileSync(await (await signedDownload).path());
  expect(signed.subarray(0, 5).toString()).toBe('%PDF-');
  expect(signed.includes('/ByteRange')).toBe(true);
  expect(signed.includes('adbe.pkcs7.detached')).toBe(true);
  await expect(page.getByTestId('sign-result')).toContainText('Signed by Zoë Łukasik');
  await expect(page.getByTestId('sign-self-signed')).toBeVisible();
  await expect(page.getByTestId('sign-passphrase')).toHaveValue('');
  await expect(page.getByTestId('sign-error')).toHaveCount(0);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('report-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');

  await screenshot(page, testInfo, 'report-screen', true);

  // Printing: the navigation and the controls are hidden, the printout with the sign-off as typed shown.
  await expect(page.getByTestId('report-print')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByTestId('report-print')).toBeHidden();
  const printout = page.getByTestId('report-printout');
  await expect(printout).toBeVisible();
  await expect(printout.getByTestId('print-coverage-row')).toHaveCount(40);
  await expect(printout.locator('tr[data-status=partial]')).toHaveCount(2);
  const signOff = printout.getByTestId('print-sign-off');
  await expect(signOff).toContainText('Jörg Müller');
  await expect(signOff).toContainText('Network manager');
  await expect(signOff).toContainText('2026-11-24');
  await expect(signOff).toContainText('Rows 27 and 31 to be fixed by the customer.');
  await screenshot(page, testInfo, 'report-print', true);
  await page.emulateMedia({ media: 'screen' });

  // The sign-off is kept in the project: it is there after leaving the screen and coming back.
  await page.getByTestId('step-results').click();
  await page.getByTestId('step-report').click();
  await expect(page.getByTestId('signoff-customer-role')).toHaveValue('Network manager');
  await expect(page.getByTestId('signoff-comments')).toHaveValue('Rows 27 and 31 to be fixed by the customer.');
});

test('the printable report has the PDF\'s content: remediation, gaps, evidence hashes and the diagram, and prints every section', async ({ workstation: page }, testInfo) => {
  const { audit, pdf } = demoByCli();
  await openDemo(page);
  await page.getByTestId('step-report').click();
  await page.getByTestId('signoff-customer-name').fill('Jörg Müller');
  const printout = page.getByTestId('report-printout');
  await expect(printout.getByTestId('print-sign-off')).toContainText('Jörg Müller');

  // The cover and the summary: the verdict against its stated criterion.
  await expect(printout.getByTestId('print-verdict')).toHaveText('FAIL: the audited firewalls do not meet the criterion.');
  await expect(printout.getByTestId('print-summary')).toContainText('2 critical findings (F-0001, F-0002)');

  // Gaps: each partial or blocked row with exactly what does not get through, as the PDF says it.
  const gaps = missingParts(audit);
  await expect(printout.getByTestId('print-gap')).toHaveCount(gaps.length);
  for (const { row, parts } of gaps) {
    const entry = printout.locator(`[data-testid=print-gap][data-row="${row}"]`);
    await expect(entry.locator('h2')).toHaveText(new RegExp(`^Row ${row}: `));
    for (const part of parts) {
      expect(pdf, `row ${row} in the PDF`).toContain(part.text);
      await expect(entry).toContainText(`Missing on ${part.firewall}: ${part.text}`);
    }
  }

  // Remediation per firewall in ASA syntax: every command line of every step, as in the PDF.
  const remediation = printout.getByTestId('print-remediation');
  await expect(remediation.getByTestId('print-remediation-step')).toHaveCount(audit.findings.filter((finding) => finding.remediation.trim()).length);
  const commands = (await remediation.getByTestId('print-commands').allTextContents()).join('\n');
  expect(commands).toContain('access-list servers_in line 13 extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161');
  for (const line of commandLines(audit)) {
    expect(pdf, line).toContain(flatten(line.trim()));
    expect(commands, line).toContain(line);
  }
  await expect(printout.getByTestId('print-over-permissive')).toContainText('Remove inside_in#3, or document the business need it serves: no WFOS flow deployed at this site needs it.');

  // Evidence: the SHA-256 of every source, and of the audit result.
  const evidence = printout.getByTestId('print-evidence');
  await expect(evidence.getByTestId('print-evidence-source')).toHaveCount(audit.sources.length);
  for (const source of audit.sources) await expect(evidence).toContainText(source.sha256);
  expect((await evidence.innerText()).match(/\b[0-9a-f]{64}\b/g), 'one hash per source and the audit result\'s').toHaveLength(audit.sources.length + 1);

  // The diagram: both views as SVG, every matrix row once, in its status's colour.
  await expect(printout.getByTestId('diagram-svg')).toHaveCount(2);
  expect((await expectFlowsColoured(page, audit)).sort((a, b) => a - b)).toEqual(allRows(audit));
  await expect(printout.getByTestId('diagram-legend')).toHaveCount(2);
  await screenshot(page, testInfo, 'report-printout-screen', true);

  // *Print* stores the sign-off as typed a moment ago, redraws the printout with it, then prints.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', String(document.querySelector('[data-testid=print-sign-off]')?.textContent?.includes('Typed just before printing')));
  });
  await page.getByTestId('signoff-comments').fill('Typed just before printing.');
  await page.getByTestId('report-print').click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'true');

  // Printed: the browser's PDF of the page has every section of the report's PDF, in order, with
  // page numbers, the running header, and the diagram on landscape pages.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-pdf')).toBeHidden();
  await screenshot(page, testInfo, 'report-printout-print', true);
  // page.pdf() is Chromium's headless printing; the Electron project prints through the same stylesheet.
  if (testInfo.project.name !== 'electron') {
    const file = testInfo.outputPath('printout.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await testInfo.attach('printout.pdf', { path: file, contentType: 'application/pdf' });
    const text = flatten(pdfText(file));
    let at = -1;
    for (const heading of PDF_SECTIONS) {
      expect(pdf, heading).toContain(heading);
      const next = text.indexOf(heading, at + 1);
      expect(next, `${heading}, after the section before it`).toBeGreaterThan(at);
      at = next;
    }
    expect(text).toContain('FAIL: the audited firewalls do not meet the criterion.');
    // Long commands wrap (at a hyphen too), so lines are compared without their whitespace.
    const compact = text.replace(/\s+/g, '');
    for (const line of commandLines(audit)) expect(compact, line).toContain(line.replace(/\s+/g, ''));
    for (const { parts } of gaps) for (const part of parts) expect(text).toContain(part.text);
    for (const source of audit.sources) expect(text).toContain(source.sha256);
    expect(text).toContain('Jörg Müller');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(10);
    for (const number of [1, 2, pages]) expect(text).toContain(`Page ${number} of ${pages}`);
    expect(text).toContain(`WFOS firewall audit report · ${audit.site.customer} · ${audit.site.site}`);
    // The coverage table runs over several pages, its header row repeated on each.
    expect(text.split('Row Flow Status Firewalls and deciding rules').length - 1).toBeGreaterThan(1);
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
    const landscape = [...sizes.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].filter((match) => Number(match[2]) > Number(match[3])).map((match) => Number(match[1]));
    expect(landscape, 'the diagram\'s two pages, after the cover, contents and summary').toEqual([4, 5]);
  }
  await page.emulateMedia({ media: 'screen' });
});

test('the Results screen draws the port-usage diagram, and an arrow opens its matrix row', async ({ workstation: page }, testInfo) => {
  const { audit } = demoByCli();
  await openDemo(page);
  await page.getByTestId('tab-diagram').click();

  // Two views that together draw every matrix row once, each arrow in its status's colour.
  const panel = page.getByTestId('diagram-panel');
  await expect(panel.getByTestId('diagram-svg')).toHaveAttribute('data-view', 'boundary');
  const boundary = await expectFlowsColoured(page, audit);
  const blocked = boundary.filter((row) => audit.flows.find((flow) => flow.row === row)!.status === 'blocked').length;
  await expect(panel.getByTestId('diagram-legend')).toContainText(`blocked (${blocked})`);
  await screenshot(page, testInfo, 'results-diagram-boundary');
  await panel.getByTestId('diagram-view-internal').click();
  await expect(panel.getByTestId('diagram-svg')).toHaveAttribute('data-view', 'internal');
  const internal = await expectFlowsColoured(page, audit);
  expect([...boundary, ...internal].sort((a, b) => a - b)).toEqual(allRows(audit));
  await screenshot(page, testInfo, 'results-diagram-internal');

  // Clicking row 40's arrow opens it in the coverage list with its detail.
  await panel.getByTestId(`diagram-view-${internal.includes(40) ? 'internal' : 'boundary'}`).click();
  const start = await startOf(page, 40);
  await page.mouse.click(start.x, start.y);
  await expect(page.getByTestId('tab-coverage')).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-testid=flow-row][data-row="40"]')).toHaveAttribute('aria-selected', 'true');

  // And by keyboard: row 25's arrow, focused, opens with Enter; back on the diagram it is marked.
  await page.getByTestId('tab-diagram').click();
  await panel.getByTestId(`diagram-view-${internal.includes(25) ? 'internal' : 'boundary'}`).click();
  await panel.locator('[data-testid=diagram-flow][data-row="25"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=flow-row][data-row="25"]')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('tab-diagram').click();
  await expect(panel.locator('[data-testid=diagram-flow][data-row="25"]')).toHaveClass(/selected/);
  await screenshot(page, testInfo, 'results-diagram-selected');
});

/**
 * Where on the window a mouse can take a row's arrow: a little way along it from its box, the
 * arrow's own line being the topmost thing there (checked, so the click is a fair one).
 */
async function startOf(page: Page, row: number): Promise<{ x: number; y: number }> {
  const line = page.locator(`[data-testid=diagram-flow][data-row="${row}"] path.hit`);
  await line.scrollIntoViewIfNeeded();
  const point = await line.evaluate((path: SVGPathElement) => {
    const along = path.getPointAtLength(Math.min(30, path.getTotalLength() / 3));
    const matrix = path.getScreenCTM()!;
    const x = along.x * matrix.a + along.y * matrix.c + matrix.e;
    const y = along.x * matrix.b + along.y * matrix.d + matrix.f;
    return { x, y, topmost: document.elementFromPoint(x, y)?.closest('[data-testid=diagram-flow]') === path.parentElement };
  });
  expect(point.topmost, `row ${row}'s arrow is what a click there reaches`).toBe(true);
  return point;
}
