import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { expect, startScreen, test } from './workstation-fixture';

const demoConfig = fileURLToPath(new URL('../../resources/demo/configs/dal-dc-fw01.txt', import.meta.url));

/** Each main screen, kept with the test's results (and attached to the report). */
async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function assignRole(page: Page, index: number, role: string, addresses: string): Promise<void> {
  await page.getByTestId('role-add').click();
  const row = page.getByTestId('role-row').nth(index);
  // The new row's role field takes the focus, so typing goes straight in.
  await expect(row.getByTestId('role-name')).toBeFocused();
  await page.keyboard.type(role);
  await row.getByTestId('role-addresses').fill(addresses);
}

test('a field engineer audits a site from scratch, saves, reopens it and re-audits after the fix', async ({ workstation: page }, testInfo) => {
  // The first run opens the demo; the Start screen has nothing saved yet.
  await startScreen(page);
  await expect(page.getByText('No audit saved yet.')).toBeVisible();
  await screenshot(page, testInfo, '1-start');
  await page.getByTestId('new-audit').click();

  // Site: who, and which roles live where, checked as it is typed.
  await page.getByTestId('site-customer').fill('Acme Corp');
  await page.getByTestId('site-site').fill('Dallas DC contact center');
  await page.getByTestId('site-auditor').fill('Field Engineer');
  await assignRole(page, 0, 'CTI Adapter', '10.10.20.11');
  await assignRole(page, 1, 'AES Server', '10.40.0.300');
  const aes = page.getByTestId('role-row').nth(1);
  await expect(aes.getByTestId('field-error')).toHaveText('"10.40.0.300" is not an IPv4 or IPv6 address');
  await expect(aes.getByTestId('role-addresses')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, testInfo, '2-site-invalid-address');
  await aes.getByTestId('role-addresses').fill('10.40.0.10');
  await expect(aes.getByTestId('field-error')).toHaveCount(0);
  await assignRole(page, 2, 'web', '10.10.20.12');
  await assignRole(page, 3, 'Browser', '10.30.0.0/16');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  await page.locator('[data-testid=not-deployed][data-role="Speech Middleware"]').check();
  await screenshot(page, testInfo, '3-site');
  await page.getByTestId('to-sources').click();

  // Sources: the demo firewall's configuration through the file input.
  await page.getByTestId('source-file-input').setInputFiles(demoConfig);
  const card = page.getByTestId('source-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Cisco ASA / FTD');
  await expect(card).toContainText('dal-dc-fw01.txt');
  await expect(card.getByTestId('source-rules')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('ssh-add')).toBeEnabled();
  await screenshot(page, testInfo, '4-sources');
  await page.getByTestId('run-audit').click();

  // Results: the partial row, its trace, and the deciding lines highlighted in the configuration.
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
  await expect(page.locator('[data-testid=flow-row][data-row="27"]')).toHaveAttribute('data-status', 'partial');
  const partial = await page.getByTestId('status-partial').textContent();
  const allowed = await page.getByTestId('status-allowed').textContent();
  await page.locator('[data-testid=flow-row][data-row="27"]').click();
  await expect(page.getByTestId('flow-detail')).toContainText('Row 27: CTI Adapter → AES Server');
  const trace = page.getByTestId('rule-trace');
  await expect(trace.locator('[data-testid=config-line][data-line="136"]')).toHaveAttribute('data-mark', 'deny');
  await expect(trace.locator('[data-testid=config-line][data-line="136"]')).toContainText('access-list servers_in extended deny ip any any log');
  await expect(trace.locator('[data-testid=config-line][data-line="129"]')).toHaveAttribute('data-mark', 'inactive');
  await expect(trace.locator('[data-testid=config-line][data-line="128"]')).toHaveAttribute('data-mark', 'permit');
  // The remark above the ACE is there to read, unmarked.
  await expect(trace.locator('[data-testid=config-line][data-line="127"]')).not.toHaveAttribute('data-mark');
  await trace.locator('[data-testid=config-line][data-line="136"]').scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, '5-results-trace');

  // Rows by component, findings by severity.
  await page.getByTestId('flow-grouping').selectOption('component');
  await expect(page.getByRole('group', { name: /CTI Adapter/ })).toBeVisible();
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('finding').first()).toHaveAttribute('data-severity', 'critical');
  await page.getByTestId('finding-order').selectOption('line');
  await screenshot(page, testInfo, '6-findings');

  // Packet query: a question that is not a matrix row, answered with the deciding line.
  await page.getByTestId('tab-query').click();
  await page.getByTestId('query-source').fill('10.10.20.11');
  await page.getByTestId('query-destination').fill('10.40.0.10');
  await page.getByTestId('query-service').fill('tcp/1055');
  await page.getByTestId('query-service').press('Enter');
  const answer = page.getByTestId('query-answer');
  await expect(answer).toHaveAttribute('data-verdict', 'denied');
  await expect(answer).toContainText('denied: dal-dc-fw01 denies it by servers_in#9 (line 136)');
  await expect(answer.locator('[data-testid=config-line][data-line="136"]')).toHaveAttribute('data-mark', 'deny');
  await screenshot(page, testInfo, '7-packet-query');
  await page.getByTestId('query-destination').fill('10.10.20.21');
  await page.getByTestId('query-source').fill('10.30.1.5');
  await page.getByTestId('query-service').fill('tcp/8443');
  await page.getByTestId('query-ask').click();
  await expect(answer).toHaveAttribute('data-verdict', 'allowed');
  await expect(answer).toContainText('permits it by inside_in#3 (line 123)');

  // Save: the first save asks for a name; Escape closes the dialog without saving.
  await page.getByTestId('save-project').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByTestId('save-project').click();
  await page.getByTestId('save-name').fill('Acme Dallas');
  await page.getByTestId('save-name').press('Enter');
  await expect(page.getByTestId('save-state')).toContainText('Acme Dallas · Saved');

  // Reload the page: back at the start, the audit is in the recent list; reopen it.
  await page.reload();
  const recent = page.getByTestId('recent-audit');
  await expect(recent).toHaveCount(1);
  await expect(recent).toContainText('Acme Corp · Dallas DC contact center');
  await screenshot(page, testInfo, '8-start-recent');
  await recent.click();
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
  await expect(page.getByTestId('status-partial')).toHaveText(partial!);
  await expect(page.getByTestId('status-allowed')).toHaveText(allowed!);
  await expect(page.locator('[data-testid=flow-row][data-row="27"]')).toHaveAttribute('data-status', 'partial');
  await expect(page.getByTestId('save-state')).toContainText('Saved');

  // The customer activates the TSAPI line; the engineer re-imports the configuration and audits again.
  await page.getByTestId('step-sources').click();
  const fixed = readFileSync(demoConfig, 'utf8').replace('object-group AES-TSAPI-LEGACY inactive', 'object-group AES-TSAPI-LEGACY');
  await page.getByTestId('source-reimport-input').setInputFiles({ name: 'dal-dc-fw01.txt', mimeType: 'text/plain', buffer: Buffer.from(fixed) });
  await expect(page.getByTestId('source-card')).toHaveCount(1);
  await page.getByTestId('step-results').click();
  await expect(page.getByTestId('audit-stale')).toBeVisible();
  await page.getByTestId('rerun-audit').click();
  await expect(page.locator('[data-testid=flow-row][data-row="27"]')).toHaveAttribute('data-status', 'allowed');

  await page.getByTestId('tab-changes').click();
  await expect(page.locator('[data-testid=change-row][data-row="27"]')).toHaveAttribute('data-change', 'fixed');
  await expect(page.getByTestId('findings-fixed')).toContainText('coverage-gap');
  await expect(page.getByTestId('findings-fixed')).toContainText('disabled');
  await screenshot(page, testInfo, '9-comparison');
  // Autosave keeps the saved project in step.
  await expect(page.getByTestId('save-state')).toContainText('Saved', { timeout: 10_000 });

  // The same screen in the dark theme, and the report screen.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('tab-coverage').click();
  await page.locator('[data-testid=flow-row][data-row="27"]').click();
  await screenshot(page, testInfo, '10-results-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('step-report').click();
  await expect(page.getByTestId('report-pdf')).toBeEnabled();
  await screenshot(page, testInfo, '11-report');
  const download = page.waitForEvent('download');
  await page.getByTestId('report-pdf').click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^Acme Corp - Dallas DC contact center - \d{4}-\d{2}-\d{2}\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
});
