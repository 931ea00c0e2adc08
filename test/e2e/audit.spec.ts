import { expect, test } from './workstation-fixture';

test('on the first run the demo site opens audited: coverage, a partial row\'s trace, and the findings', async ({ workstation: page }, testInfo) => {
  // Nothing clicked: a first run (no recent audit, no project file) opens the demo, on the results.
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
  await expect(page.getByTestId('project-title')).toContainText('Acme Corp');
  await expect(page.getByTestId('status-allowed')).toContainText('23');
  await expect(page.getByTestId('status-partial')).toContainText('2');
  await expect(page.getByTestId('status-blocked')).toContainText('1');
  // Rows needing attention come first.
  await expect(page.getByTestId('flow-row').first()).toHaveAttribute('data-status', 'blocked');
  await page.screenshot({ path: testInfo.outputPath('audit-coverage.png') });

  await page.getByTestId('status-partial').click();
  await expect(page.getByTestId('flow-row')).toHaveCount(2);
  await page.locator('[data-testid=flow-row][data-row="27"]').click();
  const detail = page.getByTestId('flow-detail');
  await expect(detail).toContainText('Row 27: CTI Adapter → AES Server');
  await expect(detail).toContainText('only permitted by an inactive line (servers_in#4, line 129)');
  await expect(detail.locator('li.deny')).toContainText('access-list servers_in extended deny ip any any log');
  await expect(detail.locator('.missing')).toContainText('1050-1065/tcp from 10.10.20.11 to 10.40.0.10');
  await page.keyboard.press('ArrowDown');
  await expect(detail).toContainText('Row 40');
  await testInfo.attach('audit-row-trace', { body: await page.screenshot(), contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath('audit-row-trace.png') });

  await page.getByTestId('tab-findings').click();
  const critical = page.locator('[data-testid=finding][data-severity=critical]');
  await expect(critical).toHaveCount(2);
  await critical.filter({ hasText: 'RDP to a WFOS server is open from anywhere' }).getByRole('button').click();
  await expect(page.getByText('access-list outside_in extended permit tcp any object WFOS-WEB01 eq 3389')).toBeVisible();
  // The inactive line, and the gap of row 27 that names it as what would have let it through.
  await page.getByTestId('finding-search').fill('inactive');
  await expect(page.getByTestId('finding')).toHaveCount(2);
  await expect(page.getByTestId('finding').filter({ hasText: 'Row 27' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('audit-findings.png') });
});
