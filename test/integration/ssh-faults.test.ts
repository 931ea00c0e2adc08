import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CollectError, pullConfiguration, refuseUnknownHostKeys, type PullOptions, type PullResult } from '../../src-main/core/collect/index';
import { FAULT_PASSWORD, FAULT_USER, FaultSshServer, newHostKey, type FaultServerOptions } from '../helpers/fault-ssh-server';
import { tempDir } from '../unit/project/helpers';

/*
 * The faults a device (or the network) can throw at a pull, each served on cue by an ssh2
 * Server: every one ends in a clear error or a capture marked incomplete, never in a
 * configuration taken as whole.
 */

let server: FaultSshServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function faulty(options: FaultServerOptions, knownKey?: string): Promise<{ options: PullOptions; pull: (extra?: Partial<PullOptions>) => Promise<PullResult> }> {
  server = await FaultSshServer.start(options);
  const knownHostsFile = join(tempDir('wfos-faults-'), 'known_hosts');
  writeFileSync(knownHostsFile, server.knownHostsLine(knownKey));
  const pullOptions: PullOptions = { hostKeys: { knownHostsFile, policy: refuseUnknownHostKeys }, timeouts: { connect: 5000, auth: 5000, prompt: 3000, command: 3000 } };
  const target = { host: '127.0.0.1', port: server.port, vendor: 'cisco-asa', credentials: { username: FAULT_USER, password: FAULT_PASSWORD } };
  return { options: pullOptions, pull: (extra = {}) => pullConfiguration(target, { ...pullOptions, ...extra, timeouts: { ...pullOptions.timeouts, ...extra.timeouts } }) };
}

async function failureOf(promise: Promise<unknown>): Promise<CollectError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CollectError);
  return error as CollectError;
}

describe('a pull facing a faulty device', () => {
  it('takes the whole configuration from a device that behaves (the control case)', async () => {
    const { pull } = await faulty({ mode: 'steady' });
    const result = await pull();
    expect(result.complete).toBe(true);
    expect(result.configuration.endsWith(': end\n')).toBe(true);
    expect(result.configuration).toContain('hostname fault-fw');
  });

  it('stops at a host key other than the one known_hosts holds, before logging in', async () => {
    const impostor = newHostKey().public;
    const { pull } = await faulty({ mode: 'steady' }, impostor);
    const error = await failureOf(pull());
    expect(error.failure).toBe('host-key-changed');
    expect(error.message).toMatch(/CHANGED|changed/);
  });

  it('says the login failed, without the password in the message', async () => {
    const { pull } = await faulty({ mode: 'auth-fail' });
    const error = await failureOf(pull());
    expect(error.failure).toBe('auth-failed');
    expect(error.message).not.toContain(FAULT_PASSWORD);
  });

  it('keeps reading slow but steady output to the end: silence, not slowness, ends a capture', async () => {
    const { pull } = await faulty({ mode: 'slow', lineDelayMs: 40 });
    const result = await pull({ timeouts: { command: 1000 } });
    expect(result.complete).toBe(true);
    expect(result.configuration.split('\n').filter(Boolean)).toHaveLength(71);
  });

  it('stops slow output at the command\'s total limit, as an incomplete capture', async () => {
    const { pull } = await faulty({ mode: 'slow', lineDelayMs: 100 });
    const result = await pull({ timeouts: { command: 1000, commandTotal: 1500 } });
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/^timed out after 1\.5 s in total, after \d+ lines$/);
  });

  it('marks a connection dropped in the middle of the configuration as incomplete', async () => {
    const { pull } = await faulty({ mode: 'drop' });
    const result = await pull();
    expect(result.complete).toBe(false);
    expect(result.evidence.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/^the connection closed before the output ended, after 3\d lines$/);
  });

  it('turns the pages of a pager that never ends until the limit, and calls the capture incomplete', async () => {
    const { pull } = await faulty({ mode: 'endless-pager' });
    const byTime = await pull({ timeouts: { commandTotal: 1500 } });
    expect(byTime.complete).toBe(false);
    expect(byTime.incompleteReason).toMatch(/^timed out after 1\.5 s in total, after \d+ lines$/);
    const configuration = byTime.evidence.commands.find((command) => command.command === 'show running-config')!;
    expect(configuration.pagesTurned).toBeGreaterThan(3);

    const bySize = await pull({ maxSessionBytes: 64 * 1024, timeouts: { commandTotal: 60_000 } });
    expect(bySize.complete).toBe(false);
    expect(bySize.incompleteReason).toMatch(/^the device sent more than 64 KiB; stopped reading, after \d+ lines$/);
  });

  it('reads past a large banner to the first prompt, and stops one larger than a session may hold', async () => {
    const { pull } = await faulty({ mode: 'huge-banner', bannerBytes: 512 * 1024 });
    expect((await pull()).complete).toBe(true);
    const error = await failureOf(pull({ maxSessionBytes: 256 * 1024 }));
    expect(error.failure).toBe('too-large');
    expect(error.step).toBe('prompt');
    expect(error.message).toMatch(/the device sent more than 256 KiB; stopped reading/);
  });
});
