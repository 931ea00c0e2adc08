import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, startScreen, test } from './workstation-fixture';

const workbookPath = fileURLToPath(new URL('../fixtures/spreadsheets/files/handmade-rules.xlsx', import.meta.url));

/**
 * The source card, whole, kept with the test's results and attached to the report. The card is
 * taller than the window and the screen scrolls inside the app, so the window grows for it.
 */
async function screenshot(card: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const page = card.page();
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: 1600 });
  const path = testInfo.outputPath(`${name}.png`);
  await card.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  await page.setViewportSize(viewport);
}

/** Drops a file on the Sources screen's drop area, as the engineer drags it from the file manager. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], name));
      return transfer;
    },
    { name, base64: bytes.toString('base64') },
  );
  await page.getByRole('region', { name: 'Add configuration files' }).dispatchEvent('drop', { dataTransfer });
}

test('a dropped rule workbook shows how its columns were read; the engineer corrects them and the audit follows', async ({ workstation: page }, testInfo) => {
  await startScreen(page);
  await page.getByTestId('new-audit').click();
  await page.getByTestId('site-customer').fill('Acme Corp');
  await page.getByTestId('site-site').fill('Dallas DC contact center');
  await page.getByTestId('site-auditor').fill('Field Engineer');
  // Two roles are enough: the CTI link to the AES is the row the workbook's first rule decides.
  const roles = [['CTI Adapter', '10.10.20.11'], ['AES Server', '10.40.0.10']] as const;
  for (const [index, [role, addresses]] of roles.entries()) {
    await page.getByTestId('role-add').click();
    await page.getByTestId('role-row').nth(index).getByTestId('role-name').fill(role);
    await page.getByTestId('role-row').nth(index).getByTestId('role-addresses').fill(addresses);
  }
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  await page.getByTestId('to-sources').click();

  // The customer's hand-made workbook, dropped: its card opens the columns as read.
  await dropFile(page, 'handmade-rules.xlsx', readFileSync(workbookPath));
  const card = page.getByTestId('source-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('rule export (spreadsheet)');
  await expect(card.getByTestId('source-rules')).toHaveText('14');
  const panel = card.getByTestId('columns-panel');
  await expect(panel).toBeVisible();
  await expect(card.getByTestId('source-columns')).toContainText('Firewall Rules: 12 fields, header on row 4');

  // The preview: the sheet's first rows with its own row numbers, the mapped columns labelled.
  const column = (letter: string) => panel.locator(`[data-testid=preview-column][data-letter="${letter}"]`);
  await expect(column('E')).toContainText('Source');
  await expect(column('F')).toContainText('Destination');
  await expect(column('M')).toContainText('M (hidden)');
  await expect(column('M').locator('.tag')).toHaveCount(0);
  await expect(panel.getByTestId('preview-row')).toHaveCount(8);
  await expect(panel.getByTestId('preview-row').first()).toHaveAttribute('data-row', '5');
  await expect(panel.locator('[data-testid=preview-row][data-row="6"]')).toContainText('WFOS-APP');
  await expect(panel.locator('[data-testid=preview-row][data-row="6"]')).toContainText('AES-01');
  const select = (field: string) => panel.locator(`[data-testid=column-select][data-field="${field}"]`);
  const confidence = (field: string) => panel.locator(`[data-testid=column-field][data-field="${field}"]`).getByTestId('column-confidence');
  await expect(select('source')).toHaveValue('E');
  await expect(select('destination')).toHaveValue('F');
  await expect(select('application')).toHaveValue('');
  await expect(confidence('source')).toHaveText('95%');
  await expect(panel.getByTestId('columns-rules')).toHaveText('14');
  await expect(panel.getByTestId('columns-not-understood')).toHaveText('1 not understood');
  await expect(panel.getByTestId('columns-diagnostics')).toContainText(`'Firewall Rules'!G16: "52233-" is not a port or range`);
  await expect(panel.getByTestId('columns-apply')).toBeDisabled();
  await screenshot(card, testInfo, '1-columns-detected');

  // The rules are written for zones: the card says so and asks for their subnets, which the
  // engineer gives for the two the CTI link crosses.
  const zones = card.getByTestId('source-zones');
  await expect(zones.getByTestId('zones-needed')).toContainText('Its rules are written for zones (servers, avaya, agents');
  await zones.getByLabel('Zone 1 name').fill('servers');
  await zones.getByLabel('Zone 1 subnets').fill('10.10.20.0/24');
  await zones.getByLabel('Zone 1 subnets').press('Tab');
  await zones.getByRole('button', { name: 'Add a zone' }).click();
  await zones.getByLabel('Zone 2 name').fill('avaya');
  await zones.getByLabel('Zone 2 subnets').fill('10.40.0.0/24');
  await zones.getByLabel('Zone 2 subnets').press('Tab');
  await expect(zones.getByTestId('zones-needed')).toHaveCount(0);

  // Audited as detected: the CTI link to the AES is permitted by row 6. The zones left unmapped
  // are named above the results: rules written for them never apply.
  await page.getByTestId('run-audit').click();
  await expect(page.locator('[data-testid=flow-row][data-row="27"]')).toHaveAttribute('data-status', 'allowed');
  await expect(page.getByTestId('source-warning').filter({ hasText: 'zone "agents"' })).toContainText("is not one of the site's zones for handmade-rules (servers, avaya): rules written for it never apply");
  await expect(page.getByTestId('source-warning')).toHaveCount(4);

  // The engineer swaps source and destination; the preview labels follow before anything is applied.
  await page.getByTestId('step-sources').click();
  await expect(panel).toBeVisible();
  await select('source').focus();
  await select('source').selectOption('F');
  await expect(column('F')).toContainText('Source');
  await expect(column('F')).toContainText('Destination');
  await expect(panel.getByRole('alert')).toContainText('Source and Destination are both column F');
  await expect(panel.getByTestId('columns-apply')).toBeDisabled();
  // Keyboard: Tab goes on through the selects in the table's order.
  await page.keyboard.press('Tab');
  await expect(select('destinationZone')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(select('destination')).toBeFocused();
  await select('destination').selectOption('E');
  await expect(column('E')).toContainText('Destination');
  await expect(column('E')).not.toContainText('Source');
  await expect(panel.getByTestId('columns-apply')).toBeEnabled();
  await panel.getByTestId('columns-apply').click();

  // Read again with the engineer's columns: the same rules, now from the other ends, kept in the project.
  await expect(panel.getByTestId('columns-status')).toContainText('Read again with your columns: 14 rules.');
  await expect(confidence('source')).toHaveText('given');
  await expect(select('source')).toHaveValue('F');
  await expect(panel.getByTestId('columns-rules')).toHaveText('14');
  await expect(card.getByTestId('source-rules')).toHaveText('14');
  await expect(card.getByTestId('source-columns')).toContainText('given by you for Firewall Rules');
  await expect(panel.getByTestId('columns-apply')).toBeDisabled();
  await screenshot(card, testInfo, '2-columns-corrected');

  // The template is what `wfos-audit parse --save-columns` writes for this mapping.
  const download = page.waitForEvent('download');
  await panel.getByTestId('columns-template').click();
  const template = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { format: string; sheet: string; headerRow: number; columns: Record<string, string> };
  expect(template).toMatchObject({ format: 'wfos-audit/columns/1', sheet: 'Firewall Rules', headerRow: 4 });
  expect(template.columns).toMatchObject({ source: 'Destination', destination: 'Source', service: 'Port', action: 'Action' });

  // A field whose header names it cannot be left out, only moved: the panel says so rather than pretend.
  await select('comment').selectOption('');
  await panel.getByTestId('columns-apply').click();
  await expect(panel.getByTestId('columns-status')).toContainText('Left at — but found again by their header or cells: Comment (L "Comments")');
  await expect(select('comment')).toHaveValue('L');

  // The audit is run again on the corrected reading: the rule now permits the other direction only.
  await page.getByTestId('run-audit').click();
  await expect(page.locator('[data-testid=flow-row][data-row="27"]')).toHaveAttribute('data-status', 'blocked');
  await page.locator('[data-testid=flow-row][data-row="27"]').click();
  await expect(page.getByTestId('flow-detail')).toContainText('implicit deny at the end of Firewall Rules');

  // Back to the detected columns, in the dark theme: the audit goes stale, and allows the row again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('step-sources').click();
  await panel.getByTestId('columns-reset').click();
  await expect(panel.getByTestId('columns-status')).toContainText('Back to the detected columns: 14 rules.');
  await expect(select('source')).toHaveValue('E');
  await expect(card.getByTestId('source-columns')).toContainText('(detected)');
  await screenshot(card, testInfo, '3-columns-dark');
  await page.getByTestId('run-audit').click();
  await expect(page.locator('[data-testid=flow-row][data-row="27"]')).toHaveAttribute('data-status', 'allowed');
});
