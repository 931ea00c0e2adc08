import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { currentUser, ENABLE_PASSWORD, type ClientKey, type TestSshd } from '../helpers/sshd';
import { expect, test } from './sshd-fixture';
import { openDemo } from './workstation-fixture';

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The demo site with its firewall file removed, on the Sources screen: the firewall is to come over SSH. */
async function demoSiteWithoutSources(page: Page): Promise<void> {
  await openDemo(page);
  await page.getByTestId('step-sources').click();
  await page.getByTestId('source-card').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('source-card')).toHaveCount(0);
}

/** Opens the SSH form and fills it for the test server, logging in with a private key file. */
async function fillSshForm(page: Page, sshd: TestSshd, key: ClientKey): Promise<void> {
  await page.getByTestId('ssh-add').click();
  await fillDevice(page, sshd.host, sshd.port, key);
}

/** Fills the open SSH form for one device, logging in with a private key file. */
async function fillDevice(page: Page, host: string, port: number, key: ClientKey): Promise<void> {
  await page.getByTestId('ssh-host').fill(host);
  await page.getByTestId('ssh-port').fill(String(port));
  await page.getByTestId('ssh-username').fill(currentUser);
  await page.getByTestId('ssh-auth-key').check();
  await page.getByTestId('ssh-key').setInputFiles(key.privateKeyPath);
  await page.getByTestId('ssh-enable').fill(ENABLE_PASSWORD);
}

test('a firewall added by SSH: the host key question with its fingerprint, progress, the source card, and its audit', async ({ workstation: page, sshd }, testInfo) => {
  await demoSiteWithoutSources(page);
  await fillSshForm(page, sshd, sshd.addClientKey('e2e'));
  // Serve mode has no OS keychain: nothing can be remembered, and the form says why.
  await expect(page.getByTestId('ssh-remember')).toBeDisabled();
  await expect(page.getByTestId('ssh-remember-why')).toContainText('serve mode');
  await screenshot(page, testInfo, 'ssh-1-form');
  await page.getByTestId('ssh-pull').click();

  // The device waits on the user's word about its unknown key.
  const question = page.getByTestId('ssh-hostkey');
  await expect(question).toBeVisible();
  await expect(question).toContainText(`${sshd.host}:${sshd.port}`);
  await expect(page.getByTestId('ssh-hostkey-fingerprint')).toHaveText(sshd.hostFingerprint());
  await expect(question).toContainText('ssh-ed25519');
  await expect(page.getByTestId('ssh-device')).toHaveAttribute('data-state', 'host-key');
  await screenshot(page, testInfo, 'ssh-2-host-key');
  await page.getByTestId('ssh-hostkey-accept').click();

  const device = page.getByTestId('ssh-device');
  await expect(device).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(device.getByTestId('ssh-device-progress')).toContainText(/Added as dal-dc-fw01: 390 lines, [\d.]+ KiB received/);
  await expect(page.getByTestId('ssh-progress')).toHaveAttribute('data-running', 'false');
  await expect(page.getByTestId('ssh-progress')).toContainText('Pull finished: 1 of 1 added');

  const card = page.locator('[data-testid=source-card][data-source="dal-dc-fw01"]');
  await expect(card).toContainText(`pulled over SSH from ${currentUser}@${sshd.host}:${sshd.port}`);
  await expect(card.getByTestId('source-host-key')).toHaveText(`ssh-ed25519 ${sshd.hostFingerprint()}`);
  await expect(card.getByTestId('source-rules')).toHaveText(/^\d+$/);
  await expect(card.getByTestId('source-repull')).toBeEnabled();
  await screenshot(page, testInfo, 'ssh-3-source');

  await page.getByTestId('run-audit').click();
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
  await screenshot(page, testInfo, 'ssh-4-audited');
});

test('a changed host key stops the pull plainly, with nothing to accept', async ({ workstation: page, sshd, dirs }, testInfo) => {
  // The app's known_hosts (in its settings folder) holds another key for this server.
  mkdirSync(dirs.config, { recursive: true });
  writeFileSync(join(dirs.config, 'known_hosts'), `${sshd.changedKnownHostsLine()}\n`);
  await demoSiteWithoutSources(page);
  await fillSshForm(page, sshd, sshd.addClientKey('e2e-changed'));
  await page.getByTestId('ssh-pull').click();

  const stop = page.getByTestId('ssh-hard-stop');
  await expect(stop).toContainText('Stopped: the host key has changed.');
  await expect(stop).toContainText(`the device now presents ssh-ed25519 ${sshd.hostFingerprint()}`);
  await expect(page.getByTestId('ssh-hostkey-accept')).toHaveCount(0);
  await expect(page.getByTestId('source-card')).toHaveCount(0);
  await screenshot(page, testInfo, 'ssh-changed-host-key');
});

test('one device of a pull is cancelled on its own; the other is added', async ({ workstation: page, sshd }, testInfo) => {
  // A device that takes the connection and never says a word, as a wedged SSH daemon does.
  const held: Socket[] = [];
  const silent = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    await demoSiteWithoutSources(page);
    const key = sshd.addClientKey('e2e-one-of-two');
    await page.getByTestId('ssh-add').click();
    await fillDevice(page, '127.0.0.1', (silent.address() as AddressInfo).port, key);
    await page.getByTestId('ssh-add-another').click();
    await expect(page.getByTestId('ssh-listed')).toHaveCount(1);
    await fillDevice(page, sshd.host, sshd.port, key);
    await page.getByTestId('ssh-pull').click();

    const devices = page.getByTestId('ssh-device');
    await expect(devices).toHaveCount(2);
    await expect(devices.nth(0)).toHaveAttribute('data-state', 'connecting');
    await expect(page.getByTestId('ssh-hostkey')).toBeVisible();
    await screenshot(page, testInfo, 'ssh-one-of-two-waiting');

    await devices.nth(0).getByTestId('ssh-device-cancel').click();
    await expect(devices.nth(0)).toHaveAttribute('data-state', 'cancelled');
    await expect(devices.nth(0).getByTestId('ssh-device-message')).toHaveText('cancelled: nothing was added');
    // The other device is still waiting on its host key, and goes on once it is accepted.
    await expect(devices.nth(1)).toHaveAttribute('data-state', 'host-key');
    await page.getByTestId('ssh-hostkey-accept').click();
    await expect(devices.nth(1)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('ssh-progress')).toContainText('Pull finished: 1 of 2 added');
    await expect(page.getByTestId('ssh-device-cancel')).toHaveCount(0);
    await expect(page.locator('[data-testid=source-card][data-source="dal-dc-fw01"]')).toHaveCount(1);
  } finally {
    for (const socket of held) socket.destroy();
    silent.close();
  }
});
