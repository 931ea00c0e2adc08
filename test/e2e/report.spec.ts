import { readFileSync } from 'node:fs';
import { createAuditorCertificate } from '../../src-main/core/report/index';
import { expect, test } from './workstation-fixture';

test('the report screen: sign-off, a signed PDF, the workbook and the printable summary', async ({ workstation: page }, testInfo) => {
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
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

  const screen = testInfo.outputPath('report-screen.png');
  await page.screenshot({ path: screen, fullPage: true });
  await testInfo.attach('report-screen', { path: screen, contentType: 'image/png' });

  // Printing: the navigation and the controls are hidden, the summary and the sign-off shown.
  await expect(page.getByTestId('report-print')).toBeVisible();
  await expect(page.getByTestId('report-printout')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByTestId('report-print')).toBeHidden();
  const printout = page.getByTestId('report-printout');
  await expect(printout).toBeVisible();
  await expect(printout.locator('tbody tr')).toHaveCount(40);
  await expect(printout.locator('tr[data-status=partial]')).toHaveCount(2);
  await expect(printout).toContainText('Jörg Müller');
  await expect(printout).toContainText('Network manager');
  await expect(printout).toContainText('2026-11-24');
  const print = testInfo.outputPath('report-print.png');
  await page.screenshot({ path: print, fullPage: true });
  await testInfo.attach('report-print', { path: print, contentType: 'image/png' });
  await page.emulateMedia({ media: 'screen' });

  // The sign-off is kept in the project: it is there after leaving the screen and coming back.
  await page.getByTestId('step-results').click();
  await page.getByTestId('step-report').click();
  await expect(page.getByTestId('signoff-customer-role')).toHaveValue('Network manager');
  await expect(page.getByTestId('signoff-comments')).toHaveValue('Rows 27 and 31 to be fixed by the customer.');
});
