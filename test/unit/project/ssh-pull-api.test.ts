import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PullJobView } from '../../../src-main/core/collect/pull-job-schema';
import type { pullMany } from '../../../src-main/core/collect/pull-many';
import { apiWorkstation, newProjectWithDemoSite, pollPullToEnd } from '../../helpers/api-workstation';
import { ASA_CONFIG, askingDevice, fakeKeychain, FINGERPRINT, pulledResult, scriptedCollector, type DeviceScript } from '../collect/pull-fakes';

const PASSWORD = 'Pa55-w0rd-for-the-ASA';
const ENABLE = 'Enable-S3cret!';

function typed(host: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'typed',
    host,
    port: 22,
    vendor: 'cisco-asa',
    login: { username: 'audit', auth: { method: 'password', password: PASSWORD } },
    enablePassword: ENABLE,
    remember: false,
    ...extra,
  };
}

describe('the SSH pull through the API (scripted devices)', () => {
  let scripts: DeviceScript[];
  const run: typeof pullMany = (targets, options) => scriptedCollector(scripts)(targets, options);
  beforeEach(() => {
    scripts = [askingDevice];
  });

  it('in serve mode: a pulled configuration becomes a source with its evidence, re-pulling replaces it, and no secret comes back', async () => {
    const { call } = apiWorkstation({ ssh: { agentSocket: undefined, jobs: { run } } });
    await newProjectWithDemoSite(call);
    const setup = await call('sshPullSetup', {});
    expect(setup).toMatchObject({
      vendors: [{ id: 'cisco-asa', name: 'Cisco ASA / FTD (LINA)' }],
      agent: { available: false, why: 'no ssh-agent: SSH_AUTH_SOCK is not set where the app was started' },
      remember: { available: false, why: expect.stringContaining('serve mode') },
      remembered: [],
      job: null,
    });
    await expect(call('sshPullStart', { devices: [{ device: typed('10.50.0.1', { remember: true }) }] })).rejects.toThrow(/the login cannot be remembered \(the app runs in a browser \(serve mode\)/);
    await expect(call('sshPullStart', { devices: [{ device: typed('10.50.0.1', { login: { username: 'audit', auth: { method: 'agent' } } }) }] })).rejects.toThrow('the ssh-agent was chosen, but the app sees none');

    const seen: PullJobView[] = [];
    const done = await pollPullToEnd(call, await call('sshPullStart', { devices: [{ device: typed('10.50.0.1') }] }), 'accept', seen);
    expect(seen.some((view) => view.devices[0]!.question?.fingerprint === FINGERPRINT)).toBe(true);
    expect(done.devices[0]).toMatchObject({ state: 'done', source: { name: 'dal-dc-fw01', hostKey: `ssh-ed25519 ${FINGERPRINT}` } });
    const project = (await call('projectCurrent', {}))!;
    expect(project.dirty).toBe(true);
    expect(project.sources).toHaveLength(1);
    const source = project.sources[0]!;
    expect(source).toMatchObject({
      id: done.devices[0]!.source!.id,
      name: 'dal-dc-fw01',
      vendor: 'cisco-asa',
      sha256: done.devices[0]!.source!.sha256,
      origin: { kind: 'ssh', fileName: 'dal-dc-fw01.txt', host: '10.50.0.1', port: 22, username: 'audit', fingerprint: `ssh-ed25519 ${FINGERPRINT}`, capturedAt: '2026-11-24T10:00:05.000Z' },
    });
    expect((await call('auditRun', {})).audit!.result.sources[0]!.sha256).toBe(source.sha256);

    // Pull again from its card: the same source, the new capture.
    scripts = [async (target) => pulledResult(target, { configuration: ASA_CONFIG.replace('hostname dal-dc-fw01', 'hostname dal-dc-fw01\n! pulled again') })];
    const again = await pollPullToEnd(call, await call('sshPullStart', { devices: [{ device: typed('10.50.0.1'), replaceId: source.id }] }));
    expect(again.devices[0]!.source!.id).toBe(source.id);
    const replaced = (await call('projectCurrent', {}))!;
    expect(replaced.sources.map((item) => item.id)).toEqual([source.id]);
    expect(replaced.sources[0]!.sha256).not.toBe(source.sha256);
    expect(replaced.audit!.stale).toBe(true);

    const everything = JSON.stringify([setup, seen, again, replaced]);
    for (const secret of [PASSWORD, ENABLE]) expect(everything).not.toContain(secret);
  });

  it('adds nothing from an incomplete capture, nor to an audit opened while the pull ran', async () => {
    const { call } = apiWorkstation({ ssh: { jobs: { run } } });
    await newProjectWithDemoSite(call);
    scripts = [async (target) => pulledResult(target, { incompleteReason: 'timed out: no output for 60 s, after 200 lines' })];
    const cut = await pollPullToEnd(call, await call('sshPullStart', { devices: [{ device: typed('10.50.0.1') }] }));
    expect(cut.devices[0]).toMatchObject({ state: 'failed', failure: 'incomplete', message: expect.stringMatching(/^INCOMPLETE capture: timed out: no output for 60 s, after 200 lines\. Not added/) });
    expect((await call('projectCurrent', {}))!.sources).toEqual([]);

    scripts = [askingDevice];
    const job = await call('sshPullStart', { devices: [{ device: typed('10.50.0.1') }] });
    await call('projectNew', {});
    const done = await pollPullToEnd(call, job);
    expect(done.devices[0]).toMatchObject({ state: 'failed', failure: 'not-added', message: 'pulled, but not added: the audit this pull was started from is no longer open: the configuration was not added' });
    expect((await call('projectCurrent', {}))!.sources).toEqual([]);
  });

  it('with the OS keychain: remembers a login that worked, pulls with it again, forgets it', async () => {
    const keychain = fakeKeychain();
    const { call, dirs } = apiWorkstation({ mode: 'electron', ssh: { secretEncryption: keychain, agentSocket: '/run/agent.sock', jobs: { run } } });
    await newProjectWithDemoSite(call);
    expect((await call('sshPullSetup', {})).remember).toEqual({ available: true });

    const first = await pollPullToEnd(call, await call('sshPullStart', { devices: [{ device: typed('10.50.0.1', { remember: true }) }] }));
    expect(first.devices[0]).toMatchObject({ state: 'done', note: 'login remembered (sealed by the OS keychain)' });
    const { remembered, agent } = await call('sshPullSetup', {});
    expect(agent).toEqual({ available: true });
    expect(remembered).toEqual([expect.objectContaining({ host: '10.50.0.1', port: 22, username: 'audit', auth: 'password', enable: true })]);
    const stored = readFileSync(join(dirs.config, 'ssh-logins.json'), 'utf8');
    for (const secret of [PASSWORD, ENABLE]) expect(stored).not.toContain(secret);

    let used: unknown;
    scripts = [async (target) => ((used = target.credentials), pulledResult(target))];
    const second = await pollPullToEnd(call, await call('sshPullStart', { devices: [{ device: { kind: 'remembered', id: remembered[0]!.id } }] }));
    expect(second.devices[0]).toMatchObject({ state: 'done', host: '10.50.0.1', username: 'audit' });
    expect(used).toEqual({ username: 'audit', password: PASSWORD });
    expect(await call('sshLoginForget', { id: remembered[0]!.id })).toEqual([]);
  });

  it('refuses what the form must not send: a line break in a secret, a host with a user in it, a key file too large', async () => {
    const { call } = apiWorkstation({ ssh: { jobs: { run } } });
    await newProjectWithDemoSite(call);
    await expect(call('sshPullStart', { devices: [{ device: typed('10.50.0.1', { enablePassword: 'x\nconfigure terminal' }) }] })).rejects.toThrow('a line break cannot be part of it');
    await expect(call('sshPullStart', { devices: [{ device: typed('root@10.50.0.1') }] })).rejects.toThrow('a host name or an IP address');
    const huge = Buffer.alloc(70 * 1024, 1).toString('base64');
    await expect(call('sshPullStart', { devices: [{ device: typed('10.50.0.1', { login: { username: 'a', auth: { method: 'key', keyFileName: 'id', keyBase64: huge } } }) }] })).rejects.toThrow('larger than the 64 KiB');
  });
});
