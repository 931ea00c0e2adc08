import { describe, expect, it, vi } from 'vitest';
import { CollectError, targetLabel } from '../../../src-main/core/collect/errors';
import type { PullJobDevice } from '../../../src-main/core/collect/pull-job';
import { MAX_RUNNING_JOBS, PullJobs } from '../../../src-main/core/collect/pull-jobs';
import type { PullResult, PullTarget } from '../../../src-main/core/collect/pull';
import { askingDevice, FINGERPRINT, presentedKey, pulledResult, scriptedCollector, until, type DeviceScript } from './pull-fakes';

const PASSWORD = 'Sw0rdf1sh-Pa55';
const ENABLE = 'En4ble-S3cret';
const KNOWN_HOSTS = '/config/known_hosts';

function target(host: string, extra: Partial<PullTarget> = {}): PullTarget {
  return { host, port: 22, vendor: 'cisco-asa', credentials: { username: 'audit', password: PASSWORD }, enablePassword: ENABLE, ...extra };
}

function jobsPlaying(scripts: DeviceScript[]) {
  return new PullJobs({ hostKeys: { knownHostsFile: KNOWN_HOSTS }, concurrency: 4, run: scriptedCollector(scripts) });
}

function device(pullTarget: PullTarget, completed: (result: PullResult) => { id: string; name: string; note?: string } = () => ({ id: 'src-1', name: 'dal-dc-fw01' })): PullJobDevice {
  return { target: pullTarget, completed };
}

describe('SSH pull jobs', () => {
  it('shows each device on its way, waits for the host key answer, and one failure does not stop the rest', async () => {
    const failing: DeviceScript = async (pulled, options) => {
      options.onProgress?.({ target: pulled.name!, phase: 'connecting' });
      throw new CollectError('10.50.0.2:22', 'auth', 'auth-failed', 'authentication failed (tried password)');
    };
    const jobs = jobsPlaying([askingDevice, failing]);
    const completed = vi.fn(() => ({ id: 'src-1', name: 'dal-dc-fw01' }));
    const started = jobs.start([device(target('10.50.0.1'), completed), device(target('10.50.0.2', { credentials: { username: 'ops', password: PASSWORD } }))]);
    expect(started.running).toBe(true);
    expect(started.devices.map((item) => [item.host, item.username])).toEqual([
      ['10.50.0.1', 'audit'],
      ['10.50.0.2', 'ops'],
    ]);

    await until(() => jobs.status(started.id).devices[0]!.question !== undefined, 'the host key question');
    const asking = jobs.status(started.id);
    expect(asking.devices[0]).toMatchObject({ state: 'host-key', question: { host: '10.50.0.1', port: 22, keyType: 'ssh-ed25519', fingerprint: FINGERPRINT, jumpHost: false, knownHostsFile: KNOWN_HOSTS } });
    expect(asking.devices[1]).toMatchObject({ state: 'failed', failure: 'auth-failed', message: '10.50.0.2:22: authentication failed (tried password)' });
    expect(completed).not.toHaveBeenCalled();

    jobs.answerHostKey(started.id, 0, 'accept');
    const done = await jobs.finished(started.id);
    expect(done.running).toBe(false);
    expect(done.devices[0]).toMatchObject({
      state: 'done',
      bytes: 4096,
      source: { id: 'src-1', name: 'dal-dc-fw01', hostKey: `ssh-ed25519 ${FINGERPRINT}`, trust: 'recorded', lines: 390 },
    });
    expect(done.devices[0]!.question).toBeUndefined();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('records nothing and adds nothing when the user refuses the key, and says so plainly', async () => {
    const jobs = jobsPlaying([askingDevice]);
    const completed = vi.fn(() => ({ id: 'x', name: 'x' }));
    const { id } = jobs.start([device(target('10.50.0.1'), completed)]);
    await until(() => jobs.status(id).devices[0]!.question !== undefined, 'the host key question');
    jobs.answerHostKey(id, 0, 'refuse');
    const done = await jobs.finished(id);
    expect(done.devices[0]).toMatchObject({ state: 'failed', failure: 'host-key-unknown' });
    expect(done.devices[0]!.message).toBe(`10.50.0.1:22: you refused its host key ssh-ed25519 ${FINGERPRINT}; nothing was sent and nothing was added`);
    expect(completed).not.toHaveBeenCalled();
    expect(() => jobs.answerHostKey(id, 0, 'accept')).toThrow('not waiting for a host key decision');
  });

  it('cancels: a pending question is withdrawn, the device adds nothing, the job ends', async () => {
    const jobs = jobsPlaying([askingDevice, askingDevice]);
    const { id } = jobs.start([device(target('10.50.0.1')), device(target('10.50.0.3'))]);
    await until(() => jobs.status(id).devices.every((item) => item.question !== undefined), 'both questions');
    const cancelling = jobs.cancel(id);
    expect(cancelling.cancelled).toBe(true);
    expect(cancelling.devices.every((item) => item.question === undefined)).toBe(true);
    const done = await jobs.finished(id);
    expect(done.devices.map((item) => [item.state, item.message])).toEqual([
      ['cancelled', 'cancelled: nothing was added'],
      ['cancelled', 'cancelled: nothing was added'],
    ]);
  });

  it('cancels one device: its question is withdrawn or its session stopped, the others go on and are added', async () => {
    // Hangs until its own stop signal fires, as a device that never answers does.
    const silent: DeviceScript = async (pulled, options) => {
      options.onProgress?.({ target: pulled.name!, phase: 'connecting' });
      const signal = options.signalFor!(Number(pulled.name));
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      throw new CollectError(targetLabel(pulled.host, 22), 'connect', 'cancelled', 'cancelled while connecting and exchanging keys');
    };
    const completed = vi.fn(() => ({ id: 'src-1', name: 'dal-dc-fw01' }));
    const jobs = jobsPlaying([silent, askingDevice, askingDevice]);
    const { id } = jobs.start([device(target('10.50.0.1')), device(target('10.50.0.2')), device(target('10.50.0.3'), completed)]);
    await until(() => jobs.status(id).devices.slice(1).every((item) => item.question !== undefined), 'both questions');

    const afterFirst = jobs.cancel(id, 0);
    expect(afterFirst.cancelled).toBe(false);
    const afterSecond = jobs.cancel(id, 1);
    expect(afterSecond.devices[1]!.question).toBeUndefined();
    expect(afterSecond.devices[2]!.question).toBeDefined();
    jobs.answerHostKey(id, 2, 'accept');

    const done = await jobs.finished(id);
    expect(done.cancelled).toBe(false);
    expect(done.devices.map((item) => [item.state, item.message])).toEqual([
      ['cancelled', 'cancelled: nothing was added'],
      ['cancelled', 'cancelled: nothing was added'],
      ['done', undefined],
    ]);
    expect(completed).toHaveBeenCalledTimes(1);
    // A device that has ended cannot be cancelled again; one that does not exist is an error.
    expect(jobs.cancel(id, 2).devices[2]!.state).toBe('done');
    expect(() => jobs.cancel(id, 7)).toThrow('this pull has no device 7');
  });

  it('does not put a cancelled device\'s host key to the engineer when its question comes late', async () => {
    let answered: string | undefined;
    const late: DeviceScript = async (pulled, options) => {
      const signal = options.signalFor!(Number(pulled.name));
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      answered = await options.hostKeys.policy.unknownHostKey(presentedKey(pulled));
      throw new CollectError(targetLabel(pulled.host, 22), 'host-key', 'host-key-unknown', 'refused');
    };
    const jobs = jobsPlaying([late, askingDevice]);
    const { id } = jobs.start([device(target('10.50.0.1')), device(target('10.50.0.2'))]);
    await until(() => jobs.status(id).devices[1]!.question !== undefined, 'the second question');
    jobs.cancel(id, 0);
    await until(() => answered !== undefined, 'the late question answered');
    expect(answered).toBe('refuse');
    expect(jobs.status(id).devices[0]!.question).toBeUndefined();
    jobs.answerHostKey(id, 1, 'accept');
    expect((await jobs.finished(id)).devices.map((item) => item.state)).toEqual(['cancelled', 'done']);
  });

  it('never makes an incomplete capture a source', async () => {
    const cutShort: DeviceScript = async (pulled) => pulledResult(pulled, { incompleteReason: 'the connection closed before the output ended, after 120 lines' });
    const jobs = jobsPlaying([cutShort]);
    const completed = vi.fn(() => ({ id: 'x', name: 'x' }));
    const { id } = jobs.start([device(target('10.50.0.1'), completed)]);
    const done = await jobs.finished(id);
    expect(done.devices[0]).toMatchObject({ state: 'failed', failure: 'incomplete' });
    expect(done.devices[0]!.message).toBe('INCOMPLETE capture: the connection closed before the output ended, after 120 lines. Not added: a configuration cut short is never audited; pull it again');
    expect(completed).not.toHaveBeenCalled();
  });

  it('masks every credential in what it shows: progress, errors, failures to add', async () => {
    const leaky: DeviceScript = async (pulled, options) => {
      options.onProgress?.({ target: pulled.name!, phase: 'enable', detail: `enable ${ENABLE}` });
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw new CollectError('10.50.0.1:22', 'auth', 'auth-failed', `the device said "bad password ${PASSWORD}"`);
    };
    const addRefuses: DeviceScript = async (pulled) => pulledResult(pulled);
    const jobs = jobsPlaying([leaky, addRefuses]);
    const jumpTarget = target('10.50.0.4', { jump: { host: 'bastion', port: 2222, credentials: { username: 'j', privateKey: { key: 'k', passphrase: 'Jump-Phrase-9', source: 'id' } } } });
    const { id } = jobs.start([
      device(target('10.50.0.1')),
      device(jumpTarget, () => {
        throw new Error(`the project refused it: Jump-Phrase-9 and ${ENABLE}`);
      }),
    ]);
    const done = await jobs.finished(id);
    const text = JSON.stringify(done);
    for (const secret of [PASSWORD, ENABLE, 'Jump-Phrase-9']) expect(text).not.toContain(secret);
    expect(done.devices[0]!.message).toContain('bad password ********');
    expect(done.devices[1]).toMatchObject({ state: 'failed', failure: 'not-added', via: 'bastion:2222', message: 'pulled, but not added: the project refused it: ******** and ********' });
  });

  it('knows each pull by id, keeps a few running at most, and offers the latest to a reloaded window', async () => {
    const hanging: DeviceScript = () => new Promise(() => undefined);
    const jobs = new PullJobs({ hostKeys: { knownHostsFile: KNOWN_HOSTS }, concurrency: 2, run: scriptedCollector(Array.from({ length: 1 }, () => hanging)) });
    const started = Array.from({ length: MAX_RUNNING_JOBS }, () => jobs.start([device(target('10.50.0.9'))]));
    expect(() => jobs.start([device(target('10.50.0.9'))])).toThrow(`${MAX_RUNNING_JOBS} pulls are already running`);
    expect(jobs.latest()?.id).toBe(started.at(-1)!.id);
    expect(() => jobs.status('nope')).toThrow('that pull is no longer known');
    expect(() => jobs.start([])).toThrow('add at least one device');
  });
});
