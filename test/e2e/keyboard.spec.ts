import type { Page } from '@playwright/test';
import { expect, test } from './workstation-fixture';

/** Presses Tab until the element with this test id has the focus, as a keyboard user would. */
async function tabTo(page: Page, testId: string, most = 80): Promise<void> {
  for (let press = 0; press < most; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
  }
  throw new Error(`${most} presses of Tab never reached ${testId}`);
}

test('the demo audit can be worked through with the keyboard alone', async ({ workstation: page }, testInfo) => {
  // The first run shows the demo; back to the Start screen and into the demo again, by keyboard.
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
  await tabTo(page, 'home');
  await page.keyboard.press('Enter');
  await tabTo(page, 'open-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flow-row')).toHaveCount(40);

  // The matrix rows: reached by Tab, walked with the arrow keys; the detail follows the selection.
  await tabTo(page, 'flow-row');
  const first = Number(await page.evaluate(() => document.activeElement?.getAttribute('data-row')));
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const selected = page.locator('[data-testid=flow-row][aria-selected=true]');
  await expect(selected).toBeFocused();
  const third = Number(await selected.getAttribute('data-row'));
  expect(third).not.toBe(first);
  await expect(page.getByTestId('flow-detail')).toHaveAttribute('aria-label', `Row ${third} detail`);

  // The findings tab, opened with Enter; a finding opens the same way.
  await tabTo(page, 'tab-findings');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await tabTo(page, 'finding-head');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=finding-head][aria-expanded=true]')).toHaveCount(1);

  const path = testInfo.outputPath('keyboard-findings.png');
  await page.screenshot({ path });
  await testInfo.attach('keyboard-findings', { path, contentType: 'image/png' });
});
