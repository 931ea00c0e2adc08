import { expect, test } from './workstation-fixture';

test('the first screen shows the 40 matrix rows and the filters narrow them', async ({ workstation: page }, testInfo) => {
  // The first run opens the demo audited on Results; the matrix is opened once it has, not raced against it.
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
  await page.getByTestId('view-matrix').click();
  const rows = page.getByTestId('matrix-row');
  await expect(rows).toHaveCount(40);
  await expect(page.getByTestId('row-count')).toHaveText('40 of 40 rows');
  // The session token moved out of the address bar.
  expect(page.url()).not.toContain('token=');

  await expect(page.getByRole('heading', { name: /Recorder/ }).first()).toBeVisible();
  await testInfo.attach('matrix-screen', { body: await page.screenshot({ fullPage: false }), contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath('matrix-screen.png') });

  await page.getByTestId('filter-text').fill('AES');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('450, 1050-1065, 4721, 4722');

  await page.getByTestId('filter-text').fill('');
  await page.getByTestId('filter-port').fill('443');
  // Rows 9, 10, 11, 12, 16, 20 and 21 list 443.
  await expect(rows).toHaveCount(7);
  await expect(page.getByTestId('row-count')).toHaveText('7 of 40 rows');

  await page.getByTestId('filter-port').fill('16384-16400');
  await expect(rows).toHaveCount(2);

  await page.getByTestId('filter-port').fill('4435-');
  await expect(page.getByText('Not a port or range')).toBeVisible();
  await expect(page.getByTestId('no-rows')).toBeVisible();

  await page.getByTestId('filter-port').fill('');
  await page.getByTestId('filter-role').selectOption('AES Server');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('filter-role').selectOption('SQL Server');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('All Components');
});
