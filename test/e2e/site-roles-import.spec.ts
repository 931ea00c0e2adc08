import { workbookBytes } from '../fixtures/spreadsheets/workbook-builder';
import { expect, startScreen, test } from './workstation-fixture';

test('the customer server list fills the Site screen: roles by alias, not deployed, skipped rows named by cell', async ({ workstation: page }, testInfo) => {
  await startScreen(page);
  await page.getByTestId('new-audit').click();
  await page.getByTestId('site-customer').fill('Acme Corp');
  await page.getByTestId('site-site').fill('Dallas DC contact center');
  // Typed before the import: the list gives Web new addresses, the typed SQL Server stays.
  for (const [index, [role, addresses]] of [['Web', '10.0.0.99'], ['SQL Server', '10.10.30.15']].entries()) {
    await page.getByTestId('role-add').click();
    await page.getByTestId('role-row').nth(index).getByTestId('role-name').fill(role!);
    await page.getByTestId('role-row').nth(index).getByTestId('role-addresses').fill(addresses!);
  }

  const inventory = workbookBytes([
    {
      name: 'Servers',
      rows: [
        ['Acme Corp WFOS inventory'],
        ['Hostname', 'Component', 'IP addresses', 'Deployed'],
        ['wfos-app01', 'MediaManager', '10.10.20.11', 'yes'],
        ['wfos-app01', 'Recorder', '10.10.20.11', 'yes'],
        ['wfos-web01', 'Web', '10.10.20.12', 'yes'],
        ['', 'Analytics', '', 'no'],
        ['printer', 'Label Printer', '10.9.9.9', 'yes'],
      ],
    },
  ]);
  await page.getByTestId('roles-file-input').setInputFiles({ name: 'acme-servers.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: inventory });

  const result = page.getByTestId('roles-import-result');
  await expect(result).toContainText('acme-servers.xlsx, sheet Servers: 3 roles from 5 rows, 1 marked not deployed.');
  await expect(result).toContainText('Servers!B7: "Label Printer" is not a role of the matrix; skipped');

  const rows = page.getByTestId('role-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).getByTestId('role-name')).toHaveValue('Web');
  await expect(rows.nth(0).getByTestId('role-addresses')).toHaveValue('10.10.20.12');
  await expect(rows.nth(1).getByTestId('role-addresses')).toHaveValue('10.10.30.15');
  await expect(rows.nth(2).getByTestId('role-name')).toHaveValue('Media Manager');
  await expect(rows.nth(3).getByTestId('role-name')).toHaveValue('Recorder');
  await expect(page.locator('[data-testid="not-deployed"][data-role="Analytics"]')).toBeChecked();
  await expect(page.getByTestId('field-error')).toHaveCount(0);

  const path = testInfo.outputPath('site-roles-imported.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('site-roles-imported', { path, contentType: 'image/png' });

  // Not a server list: said plainly, and what was typed stays.
  await page.getByTestId('roles-file-input').setInputFiles({ name: 'rules.csv', mimeType: 'text/csv', buffer: Buffer.from('Source,Destination,Service\n10.1.1.1,10.2.2.2,tcp/443\n') });
  await expect(page.getByRole('alert')).toContainText('rules.csv: no sheet has a role column and an address column');
  await expect(rows).toHaveCount(4);
});
