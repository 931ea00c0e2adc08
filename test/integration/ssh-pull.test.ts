import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSsh } from '../../src-main/core/collect/connect';
import { CollectError, pullConfiguration, refuseUnknownHostKeys, type PullOptions, type PullProgress } from '../../src-main/core/collect/index';
import { Redactor } from '../../src-main/core/collect/redact';
import { DeviceShell } from '../../src-main/core/collect/shell';
import { resolveTimeouts } from '../../src-main/core/collect/timeouts';
import { ciscoAsaSshProfile } from '../../src-main/core/vendors/cisco-asa/ssh-profile';
import { ASA_FIXTURE, ENABLE_PASSWORD, sshdAvailable, TestSshd } from '../helpers/sshd';

const fixture = readFileSync(ASA_FIXTURE, 'utf8');
const ALL_COMMANDS = ['terminal pager 0', 'terminal width 511', 'show version', 'show running-config', 'show access-list', 'show route', 'show interface ip brief'];

/** Collection against a real OpenSSH server whose sessions run the ASA emulator. */
describe.runIf(sshdAvailable)('pulling an ASA over SSH', () => {
  let sshd: TestSshd;
  let options: PullOptions;

  beforeAll(async () => {
    sshd = await TestSshd.start();
    options = { hostKeys: { knownHostsFile: sshd.knownHostsFile(), policy: refuseUnknownHostKeys }, timeouts: { command: 5000 } };
  });
  afterAll(() => sshd?.stop());

  it('logs in with a key, enters enable, turns the pager off for the session and keeps the configuration byte for byte', async () => {
    const key = sshd.addClientKey('plain');
    const progress: string[] = [];
    const result = await pullConfiguration(sshd.keyTarget(key), { ...options, onProgress: (event) => progress.push(`${event.phase}${event.detail ? ` ${event.detail}` : ''}`) });

    expect(result.complete).toBe(true);
    expect(result.configuration).toBe(fixture);
    const { evidence } = result;
    expect(evidence.configuration).toEqual({ sha256: createHash('sha256').update(fixture).digest('hex'), bytes: Buffer.byteLength(fixture), lines: 390 });
    expect(evidence.transcript.sha256).toBe(createHash('sha256').update(result.transcript).digest('hex'));
    expect(evidence.device).toEqual({ hostname: 'dal-dc-fw01', version: '9.12(4)37', prompt: 'dal-dc-fw01#', loginBanner: 'Authorized users only. This system is monitored.\n' });
    expect(evidence.hostKey).toMatchObject({ keyType: 'ssh-ed25519', fingerprint: sshd.hostFingerprint(), trust: 'known', knownHostsLine: 1 });
    expect(evidence.authMethod).toBe('publickey');
    expect(evidence.complete).toBe(true);
    expect(Date.parse(evidence.startedAt)).toBeLessThanOrEqual(Date.parse(evidence.finishedAt));
    expect(evidence.sent.map((sent) => sent.command ?? `<${sent.secret}>`)).toEqual(['enable', '<enable password>', ...ALL_COMMANDS]);
    expect(evidence.commands.map((command) => [command.command, command.complete, command.pagesTurned])).toEqual(ALL_COMMANDS.map((command) => [command, true, 0]));
    expect(evidence.commands.find((command) => command.purpose === 'hit-counts')!.lines).toBeGreaterThan(40);
    expect(evidence.warnings).toEqual([]);
    // What the device received, line by line: the commands and nothing else.
    expect(sshd.received(key.log)).toEqual(['enable', '<password>', ...ALL_COMMANDS]);
    // The raw transcript keeps banners, ANSI sequences and CRLF; the configuration has none of them.
    expect(result.transcript).toContain('\x1b[1m*** Authorized access only.');
    expect(result.transcript).toContain('dal-dc-fw01# show running-config\r\n: Saved\r\n');
    for (const noise of ['\r', '\x1b', 'Authorized access', 'dal-dc-fw01#']) expect(result.configuration).not.toContain(noise);
    expect(progress).toEqual([
      'connecting',
      'host-key',
      'authenticating',
      `ready with publickey; host key ssh-ed25519 ${sshd.hostFingerprint()} known`,
      'prompt',
      'enable enable',
      'setup terminal pager 0',
      'setup terminal width 511',
      ...ALL_COMMANDS.slice(2).map((command) => `command ${command}`),
      'complete',
    ]);
  });

  it('answers <--- More ---> with a space when the pager cannot be turned off, and removes the prompt and its erasure', async () => {
    const key = sshd.addClientKey('pager', { modes: ['pager-stuck'] });
    const result = await pullConfiguration(sshd.keyTarget(key), options);
    expect(result.complete).toBe(true);
    expect(result.configuration).toBe(fixture);
    expect(result.transcript).toContain('<--- More --->\b\b\b');
    const running = result.evidence.commands.find((command) => command.command === 'show running-config')!;
    expect(running.pagesTurned).toBe(Math.ceil(390 / 24) - 1);
    expect(result.evidence.warnings).toEqual(['the device refused "terminal pager 0": pages were turned by answering <--- More ---> instead']);
    // Spaces turn pages; they are keystrokes, not lines the device logs as commands.
    expect(sshd.received(key.log)).toEqual(['enable', '<password>', ...ALL_COMMANDS]);
  });

  it('recognises a multi-context prompt and sends no enable when the session is already privileged', async () => {
    const key = sshd.addClientKey('context', { modes: ['context', 'privileged'] });
    const result = await pullConfiguration(sshd.keyTarget(key), options);
    expect(result.complete).toBe(true);
    expect(result.evidence.device.prompt).toBe('dal-dc-fw01/admin#');
    expect(sshd.received(key.log)).toEqual(ALL_COMMANDS);
  });

  it('leaves a session that starts in configuration mode without sending a single line', async () => {
    const key = sshd.addClientKey('config-mode', { modes: ['config-mode'] });
    const error = await pullConfiguration(sshd.keyTarget(key), options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollectError);
    expect((error as CollectError).message).toBe(`127.0.0.1:${sshd.port}: the device is in configuration mode (prompt "dal-dc-fw01(config)#"); stopped without sending anything more`);
    expect(sshd.received(key.log)).toEqual([]);
  });

  it('stops at the first refused enable password, and says when none was given', async () => {
    const key = sshd.addClientKey('wrong-enable');
    await expect(pullConfiguration(sshd.keyTarget(key, { enablePassword: 'not-it' }), options)).rejects.toThrow(
      `127.0.0.1:${sshd.port}: the enable password was refused (the device asked again); stopped without retrying`,
    );
    expect(sshd.received(key.log)).toEqual(['enable', '<password>']);

    const none = sshd.addClientKey('no-enable');
    await expect(pullConfiguration(sshd.keyTarget(none, { enablePassword: undefined }), options)).rejects.toMatchObject({ step: 'enable', failure: 'enable-failed' });
    expect(sshd.received(none.log)).toEqual(['enable']);
  });

  it('a connection dropped in the middle of show running-config is an incomplete capture, and nothing more is sent', async () => {
    const key = sshd.addClientKey('drop', { modes: ['drop'] });
    const result = await pullConfiguration(sshd.keyTarget(key), options);
    expect(result.complete).toBe(false);
    expect(result.evidence.complete).toBe(false);
    // The emulator kills the session a second after writing half the configuration (195 lines).
    expect(result.incompleteReason).toMatch(/^the connection closed before the output ended, after 19\d lines$/);
    expect(fixture.startsWith(result.configuration)).toBe(true);
    expect(result.evidence.commands.filter((command) => command.reason?.startsWith('not run')).map((command) => command.command)).toEqual(['show access-list', 'show route', 'show interface ip brief']);
    expect(sshd.received(key.log).at(-1)).toBe('show running-config');
  });

  it('a configuration without its final ": end" is incomplete', async () => {
    const key = sshd.addClientKey('no-end', { modes: ['no-end'] });
    const result = await pullConfiguration(sshd.keyTarget(key), options);
    expect(result).toMatchObject({ complete: false, incompleteReason: 'the output does not end with ": end" (it ends with "Cryptochecksum:3b6e3a9fd1a2c6a0b1c7d2e8f4a5b6c7")' });
    expect(result.configuration).toBe(fixture.replace(': end\n', ''));
  });

  it('output that stops coming times out as an incomplete capture', async () => {
    const key = sshd.addClientKey('stall', { modes: ['stall'] });
    const result = await pullConfiguration(sshd.keyTarget(key), { ...options, timeouts: { command: 2000 } });
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/^timed out: no output for 2 s, after 19\d lines$/);
  });

  it('cancels through an AbortSignal: while output arrives, and before connecting', async () => {
    const key = sshd.addClientKey('cancel', { modes: ['stall'] });
    const controller = new AbortController();
    const abortDuringConfiguration = (event: PullProgress) => event.detail === 'show running-config' && setTimeout(() => controller.abort(), 500);
    const pending = pullConfiguration(sshd.keyTarget(key), { ...options, signal: controller.signal, timeouts: { command: 30_000 }, onProgress: abortDuringConfiguration });
    await expect(pending).rejects.toMatchObject({ failure: 'cancelled', message: `127.0.0.1:${sshd.port}: cancelled during "show running-config"; nothing was saved` });

    await expect(pullConfiguration(sshd.keyTarget(key), { ...options, signal: AbortSignal.abort() })).rejects.toMatchObject({ step: 'connect', failure: 'cancelled' });
  });

  it('refuses state-changing commands on a live session before they reach the wire', async () => {
    const key = sshd.addClientKey('guard', { modes: ['privileged'] });
    const redactor = new Redactor();
    const timeouts = resolveTimeouts();
    const connection = await connectSsh({ host: sshd.host, port: sshd.port, credentials: sshd.keyTarget(key).credentials }, { hostKeys: options.hostKeys, timeouts, redactor });
    const shell = await DeviceShell.open(connection.client, ciscoAsaSshProfile, { label: connection.label, redactor, timeouts });
    try {
      await shell.waitForFirstPrompt();
      for (const command of ['configure terminal', 'conf t', 'write memory', 'copy running-config startup-config', 'reload', 'clear configure all', 'no access-list outside_in', 'pager lines 0', 'show version\nreload']) {
        await expect(shell.run(command)).rejects.toMatchObject({ step: 'guard', failure: 'refused-command' });
      }
      expect((await shell.run('show version')).end).toBe('prompt');
    } finally {
      shell.close();
      connection.close();
    }
    expect(sshd.received(key.log)).toEqual(['show version']);
  });

  it('refuses a profile that would configure the device before connecting to it', async () => {
    const key = sshd.addClientKey('bad-profile');
    const careless = { ...ciscoAsaSshProfile, setup: [{ command: 'configure terminal', ifRefused: '' }], allowlist: { exact: [...ciscoAsaSshProfile.allowlist.exact, 'configure terminal'] } };
    await expect(pullConfiguration(sshd.keyTarget(key), { ...options, profile: careless })).rejects.toThrow('refused: it enters configuration mode; nothing was sent');
    expect(existsSync(key.log)).toBe(false);
  });

  it('masks the enable password the device echoes and prints, in the transcript, the configuration, the evidence and errors', async () => {
    const key = sshd.addClientKey('leaky', { modes: ['echo-secret'], env: { ASA_ECHO_SECRET: ENABLE_PASSWORD } });
    const result = await pullConfiguration(sshd.keyTarget(key), options);
    expect(result.complete).toBe(true);
    for (const kept of [result.transcript, result.configuration, JSON.stringify(result.evidence)]) expect(kept).not.toContain(ENABLE_PASSWORD);
    expect(result.transcript).toContain('Last credential change: ********');
    expect(result.transcript).toContain('Password: ********');
    expect(result.evidence.redactions).toBe(2);

    const failing = sshd.addClientKey('leaky-wrong', { modes: ['echo-secret'], env: { ASA_ECHO_SECRET: 'Wrong-Enable-9' } });
    const progress: string[] = [];
    const error = (await pullConfiguration(sshd.keyTarget(failing, { enablePassword: 'Wrong-Enable-9' }), { ...options, onProgress: (event) => progress.push(JSON.stringify(event)) }).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('enable password was refused');
    expect(`${error.message}${error.stack}${progress.join('')}`).not.toContain('Wrong-Enable-9');
  });
});
