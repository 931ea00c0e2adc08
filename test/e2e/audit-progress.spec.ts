import { demoWithSecondFirewall, withGeneratedFirewall } from './generated-firewall';
import { expect, test } from './workstation-fixture';

test('a long audit says where it is, can be cancelled without losing the last audit, and then runs to the end', async ({ workstation: page }, testInfo) => {
  test.setTimeout(300_000);
  // The bench's 50,000-entry firewall: long enough to audit that its progress shows.
  await withGeneratedFirewall(1, async (configPath) => {
    await demoWithSecondFirewall(page, configPath);

    await page.getByTestId('run-audit').click();
    const busy = page.getByTestId('app-busy');
    const progress = /Starting the audit…|Reading|Placing firewall|Checking matrix row|Looking for/;
    await expect(busy).toContainText(progress);
    // At once: the audit of 50,000 entries takes a few seconds, and Cancel must reach it while it runs.
    await page.getByTestId('audit-cancel').click();
    await expect(page.getByTestId('app-error')).toHaveText(/The audit was cancelled; the last audit stays as it was\./);
    // Still on the Sources screen, with both firewalls; the demo's audit is what Results shows, now out of date.
    await expect(page.getByTestId('source-card')).toHaveCount(2);
    await page.getByTestId('step-results').click();
    await expect(page.getByTestId('flow-row')).toHaveCount(40);
    await expect(page.getByTestId('rerun-audit')).toHaveClass(/primary/);

    // Run again to the end: the status line follows it through the matrix rows, then Results show the new audit.
    const messages = new Set<string>();
    page.on('response', async (response) => {
      if (!response.url().endsWith('/api/auditStatus')) return;
      const body = (await response.json().catch(() => null)) as { ok: boolean; value?: { message: string } | null } | null;
      if (body?.value?.message) messages.add(body.value.message);
    });
    await page.getByTestId('rerun-audit').click();
    await expect(busy).toContainText(progress);
    const path = testInfo.outputPath('audit-progress.png');
    await page.screenshot({ path });
    await testInfo.attach('audit-progress', { path, contentType: 'image/png' });
    await expect(page.getByTestId('rerun-audit')).not.toHaveClass(/primary/, { timeout: 180_000 });
    await expect(page.getByTestId('app-busy')).toHaveCount(0);
    await expect(page.getByTestId('flow-row')).toHaveCount(40);
    expect([...messages].some((message) => message.startsWith('Looking for over-permissive, shadowed and redundant rules'))).toBe(true);
  });
});
