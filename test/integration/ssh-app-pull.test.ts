import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { PullJobView } from '../../src-main/core/collect/pull-job-schema';
import { apiWorkstation, newProjectWithDemoSite, pollPullToEnd } from '../helpers/api-workstation';
import { ASA_FIXTURE, closedPort, currentUser, ENABLE_PASSWORD, isRoot, PASSWORD_USER, PASSWORD_USER_PASSWORD, sshdAvailable, TestSshd, type ClientKey } from '../helpers/sshd';

const fixture = readFileSync(ASA_FIXTURE, 'utf8');

/**
 * The app's "add a firewall by SSH" through the API handlers, as the window drives it, against
 * a real OpenSSH server whose sessions run the ASA emulator: the host key question with the
 * server's real fingerprint, the capture as a project source, and the audit of it.
 */
describe.runIf(sshdAvailable)('adding a firewall by SSH in the app', () => {
  let sshd: TestSshd;
  beforeAll(async () => {
    sshd = await TestSshd.start();
  });
  afterAll(() => sshd?.stop());

  const keyDevice = (key: ClientKey, port = sshd.port) => ({
    device: {
      kind: 'typed',
      host: sshd.host,
      port,
      vendor: 'cisco-asa',
      login: { username: currentUser, auth: { method: 'key', keyFileName: 'id_ed25519', keyBase64: key.privateKey.toString('base64') } },
      enablePassword: ENABLE_PASSWORD,
      remember: false,
    },
  });

  it('asks about the unknown host key with its real fingerprint, records it when accepted, adds the configuration as a source and audits it', async () => {
    const { call, dirs } = apiWorkstation();
    await newProjectWithDemoSite(call);
    const key = sshd.addClientKey('app-accept');
    const seen: PullJobView[] = [];
    const job = await call('sshPullStart', { devices: [keyDevice(key), keyDevice(sshd.addClientKey('app-unreachable'), await closedPort())] });
    const done = await pollPullToEnd(call, job, 'accept', seen);

    const knownHosts = join(dirs.config, 'known_hosts');
    const question = seen.flatMap((view) => view.devices).find((device) => device.question)!.question!;
    expect(question).toEqual({ host: sshd.host, port: sshd.port, keyType: 'ssh-ed25519', fingerprint: sshd.hostFingerprint(), jumpHost: false, knownHostsFile: knownHosts });
    // Nothing reached the device while the question was open.
    expect(seen.some((view) => view.devices[0]!.state === 'capturing' && view.devices[0]!.question)).toBe(false);
    expect(seen.some((view) => view.devices[0]!.state === 'capturing' && view.devices[0]!.bytes > 0)).toBe(true);

    // One device that cannot be reached does not stop the other.
    expect(done.devices[1]).toMatchObject({ state: 'failed', failure: 'network', message: expect.stringMatching(/^127\.0\.0\.1:\d+: connection refused/) });
    expect(done.devices[0]).toMatchObject({
      state: 'done',
      bytes: expect.any(Number),
      source: { name: 'dal-dc-fw01', lines: 390, sha256: createHash('sha256').update(fixture).digest('hex'), hostKey: `ssh-ed25519 ${sshd.hostFingerprint()}`, trust: 'recorded' },
    });
    expect(done.devices[0]!.bytes).toBeGreaterThan(Buffer.byteLength(fixture));
    // Recorded hashed, as Debian's ssh writes new entries.
    expect(readFileSync(knownHosts, 'utf8')).toMatch(/^\|1\|[^ ]+ ssh-ed25519 /);

    const project = (await call('projectCurrent', {}))!;
    expect(project.sources).toEqual([
      expect.objectContaining({
        name: 'dal-dc-fw01',
        readBy: 'Cisco ASA / FTD (LINA)',
        sha256: createHash('sha256').update(fixture).digest('hex'),
        origin: { kind: 'ssh', fileName: 'dal-dc-fw01.txt', host: sshd.host, port: sshd.port, username: currentUser, fingerprint: `ssh-ed25519 ${sshd.hostFingerprint()}`, capturedAt: expect.any(String) },
      }),
    ]);
    const audited = await call('auditRun', {});
    expect(audited.audit!.result.sources[0]).toMatchObject({
      name: 'dal-dc-fw01',
      sha256: project.sources[0]!.sha256,
      pulled: { host: sshd.host, port: sshd.port, username: currentUser, hostKey: `ssh-ed25519 ${sshd.hostFingerprint()}`, evidence: 'the audit project (the source and its SHA-256)' },
    });
    expect(audited.audit!.result.flows).toHaveLength(40);
    // The report's evidence says how the configuration was obtained.
    const { contentBase64 } = await call('reportXlsx', {});
    const evidence = XLSX.utils.sheet_to_csv(XLSX.read(Buffer.from(contentBase64, 'base64')).Sheets['Evidence']!);
    expect(evidence).toContain(`pulled over SSH from ${currentUser}@${sshd.host}:${sshd.port}`);
    expect(evidence).toContain(`host key ssh-ed25519 ${sshd.hostFingerprint()}`);

    // Known now: pulled again without a question, replacing the same source.
    const again = await pollPullToEnd(call, await call('sshPullStart', { devices: [{ ...keyDevice(key), replaceId: project.sources[0]!.id }] }), 'refuse');
    expect(again.devices[0]).toMatchObject({ state: 'done', source: { id: project.sources[0]!.id, trust: 'known' } });
    expect((await call('projectCurrent', {}))!.sources).toHaveLength(1);
  });

  it('adds nothing, records nothing and sends nothing when the host key is refused', async () => {
    const { call, dirs } = apiWorkstation();
    await newProjectWithDemoSite(call);
    const key = sshd.addClientKey('app-refuse');
    const done = await pollPullToEnd(call, await call('sshPullStart', { devices: [keyDevice(key)] }), 'refuse');
    expect(done.devices[0]).toMatchObject({
      state: 'failed',
      failure: 'host-key-unknown',
      message: `${sshd.host}:${sshd.port}: you refused its host key ssh-ed25519 ${sshd.hostFingerprint()}; nothing was sent and nothing was added`,
    });
    expect((await call('projectCurrent', {}))!.sources).toEqual([]);
    expect(existsSync(join(dirs.config, 'known_hosts'))).toBe(false);
    expect(sshd.received(key.log)).toEqual([]);
  });

  it('stops hard on a changed host key: no question, nothing sent, the message says so plainly', async () => {
    const { call, dirs } = apiWorkstation();
    await newProjectWithDemoSite(call);
    mkdirSync(dirs.config, { recursive: true });
    writeFileSync(join(dirs.config, 'known_hosts'), `${sshd.changedKnownHostsLine()}\n`);
    const key = sshd.addClientKey('app-changed');
    const seen: PullJobView[] = [];
    const done = await pollPullToEnd(call, await call('sshPullStart', { devices: [keyDevice(key)] }), 'accept', seen);
    expect(seen.some((view) => view.devices.some((device) => device.question))).toBe(false);
    expect(done.devices[0]).toMatchObject({ state: 'failed', failure: 'host-key-changed' });
    expect(done.devices[0]!.message).toContain('the host key has CHANGED');
    expect(done.devices[0]!.message).toContain(`the device now presents ssh-ed25519 ${sshd.hostFingerprint()}`);
    expect((await call('projectCurrent', {}))!.sources).toEqual([]);
    expect(sshd.received(key.log)).toEqual([]);
  });

  it.runIf(isRoot)('logs in with a password the device echoes back, and no status ever shows it', async () => {
    const { call } = apiWorkstation();
    await newProjectWithDemoSite(call);
    const seen: PullJobView[] = [];
    const device = {
      kind: 'typed',
      host: sshd.host,
      port: sshd.port,
      vendor: 'cisco-asa',
      login: { username: PASSWORD_USER, auth: { method: 'password', password: PASSWORD_USER_PASSWORD } },
      enablePassword: ENABLE_PASSWORD,
      remember: false,
    };
    const done = await pollPullToEnd(call, await call('sshPullStart', { devices: [{ device }] }), 'accept', seen);
    expect(done.devices[0]).toMatchObject({ state: 'done' });
    const project = await call('projectCurrent', {});
    const everything = JSON.stringify([seen, project]);
    for (const secret of [PASSWORD_USER_PASSWORD, ENABLE_PASSWORD]) expect(everything).not.toContain(secret);
  });
});
