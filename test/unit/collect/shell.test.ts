import { EventEmitter } from 'node:events';
import type { Client } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { captureDevice } from '../../../src-main/core/collect/capture';
import { CollectError } from '../../../src-main/core/collect/errors';
import { Redactor } from '../../../src-main/core/collect/redact';
import { DeviceShell } from '../../../src-main/core/collect/shell';
import { resolveTimeouts } from '../../../src-main/core/collect/timeouts';
import { ciscoAsaSshProfile } from '../../../src-main/core/vendors/cisco-asa/ssh-profile';

/**
 * A scripted device behind a fake ssh2 channel: every write is recorded, and `reply` decides
 * what the device sends back, chunk by chunk, as a real PTY would deliver it.
 */
class FakeChannel extends EventEmitter {
  readonly stderr = new EventEmitter();
  readonly written: string[] = [];
  reply: (data: string) => string[] = () => [];

  write(data: string): boolean {
    this.written.push(data);
    const chunks = this.reply(data);
    chunks.forEach((chunk, index) => setTimeout(() => this.emit('data', Buffer.from(chunk)), 5 * (index + 1)));
    return true;
  }

  end(): void {
    setImmediate(() => this.emit('close'));
  }

  send(...chunks: string[]): void {
    chunks.forEach((chunk, index) => setTimeout(() => this.emit('data', Buffer.from(chunk)), 5 * (index + 1)));
  }
}

const MORE = '<--- More --->';
const ERASE = '\b'.repeat(MORE.length) + ' '.repeat(MORE.length) + '\b'.repeat(MORE.length);

async function openShell(channel: FakeChannel, options: { secrets?: string[]; signal?: AbortSignal; commandMs?: number } = {}) {
  const client = { shell: (_pty: unknown, callback: (error: undefined, channel: FakeChannel) => void) => callback(undefined, channel), once: () => client };
  return DeviceShell.open(client as unknown as Client, ciscoAsaSshProfile, {
    label: 'fw:22',
    redactor: new Redactor(options.secrets ?? []),
    timeouts: resolveTimeouts({ prompt: 2000, command: options.commandMs ?? 2000 }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** A shell on a fake device that has shown its first prompt. */
async function shellAtPrompt(firstPrompt: string, options: Parameters<typeof openShell>[1] = {}) {
  const channel = new FakeChannel();
  const shell = await openShell(channel, options);
  channel.send(firstPrompt);
  await shell.waitForFirstPrompt();
  return { channel, shell };
}

describe('device shell', () => {
  it('finds the first prompt after a banner whose lines look like prompts while they arrive', async () => {
    const channel = new FakeChannel();
    const shell = await openShell(channel);
    channel.send('\r\nWelcome>', '\r\n\x1b[1mfw01#\x1b[0m is monitored\r\n', 'fw01> ');
    expect(await shell.waitForFirstPrompt()).toEqual({ base: 'fw01', mode: 'user', text: 'fw01>' });
    expect(channel.written).toEqual([]);
  });

  it('turns each pager page once, however the prompt is split into chunks, and keeps the output whole', async () => {
    const { channel, shell } = await shellAtPrompt('fw01# ');
    let page = 0;
    channel.reply = (data) => {
      if (data === 'show route\n') return ['show route\r\n', 'line 1\r\nline 2\r\n<--- Mo', 're --->'];
      if (data === ' ' && page++ === 0) return [`${ERASE}line 3\r\n${MORE}`];
      if (data === ' ') return [ERASE, 'line 4\r\nfw01# '];
      return [];
    };
    const output = await shell.run('show route');
    expect(output).toMatchObject({ end: 'prompt', lines: ['line 1', 'line 2', 'line 3', 'line 4'], pagesTurned: 2 });
    expect(channel.written).toEqual(['show route\n', ' ', ' ']);
  });

  it('never writes a refused command, and says why', async () => {
    const { channel, shell } = await shellAtPrompt('fw01# ');
    for (const command of ['configure terminal', 'write memory', 'show version\nreload', 'show ip bgp']) {
      await expect(shell.run(command)).rejects.toMatchObject({ step: 'guard', failure: 'refused-command' });
    }
    expect(channel.written).toEqual([]);
  });

  it('sends the enable password only when asked, once, and stops when it is refused', async () => {
    const { channel, shell } = await shellAtPrompt('fw01> ', { secrets: ['Wrong-Enable'] });
    channel.reply = (data) => (data === 'enable\n' ? ['enable\r\nPassword: '] : ['**********\r\nInvalid password\r\nPassword: ']);
    const error = await shell.elevate('Wrong-Enable').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollectError);
    expect((error as CollectError).message).toBe('fw:22: the enable password was refused (the device asked again); stopped without retrying');
    expect(channel.written).toEqual(['enable\n', 'Wrong-Enable\n']);
    expect(shell.sent.map((sent) => sent.command ?? `<${sent.secret}>`)).toEqual(['enable', '<enable password>']);
  });

  it('does not send a password the device did not ask for', async () => {
    const { channel, shell } = await shellAtPrompt('fw01> ');
    channel.reply = () => ['enable\r\nfw01# '];
    await shell.elevate('Enable-S3cret!');
    expect(channel.written).toEqual(['enable\n']);
    expect(shell.prompt?.mode).toBe('privileged');
  });

  it('stops at a configuration-mode prompt', async () => {
    const { channel, shell } = await shellAtPrompt('fw01# ');
    channel.reply = () => ['show version\r\nfw01(config)# '];
    await expect(shell.run('show version')).rejects.toThrow('fw:22: the device is in configuration mode (prompt "fw01(config)#"); stopped without sending anything more');
  });

  it('ends a silent output by timeout, a closed channel as disconnected, and the signal as cancelled, keeping the partial lines', async () => {
    const { channel: silent, shell } = await shellAtPrompt('fw01# ', { commandMs: 100 });
    silent.reply = () => ['show version\r\nCisco Adaptive Security Appliance Software Version 9.12(4)37\r\n'];
    expect(await shell.run('show version')).toMatchObject({ end: 'timeout', detail: 'timed out: no output for 100 ms', lines: ['Cisco Adaptive Security Appliance Software Version 9.12(4)37'] });

    const { channel: dropping, shell: dropped } = await shellAtPrompt('fw01# ');
    dropping.reply = () => ['show version\r\npartial'];
    setTimeout(() => dropping.emit('close'), 50);
    expect(await dropped.run('show version')).toMatchObject({ end: 'disconnected', lines: ['partial'] });

    const controller = new AbortController();
    const { shell: cancelledShell } = await shellAtPrompt('fw01# ', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect(await cancelledShell.run('show version')).toMatchObject({ end: 'cancelled' });
  });

  it('a capture marks an ASA configuration without ": end" incomplete and masks credentials the device echoes', async () => {
    const channel = new FakeChannel();
    const shell = await openShell(channel, { secrets: ['Enable-S3cret!'] });
    channel.send('Last password: Enable-S3cret!\r\nfw01> ');
    channel.reply = (data) => {
      if (data === 'enable\n') return ['enable\r\nPassword: '];
      if (data === 'Enable-S3cret!\n') return ['Enable-S3cret!\r\nfw01# '];
      if (data === 'show running-config\n') return ['show running-config\r\nASA Version 9.12(4)37\r\nhostname fw01\r\nusername admin password Enable-S3cret!\r\nfw01# '];
      return [`${data.trim()}\r\nfw01# `];
    };
    const capture = await captureDevice(shell, ciscoAsaSshProfile, { enablePassword: 'Enable-S3cret!', redactor: new Redactor(['Enable-S3cret!']) });
    expect(capture.configuration).toEqual({
      lines: ['ASA Version 9.12(4)37', 'hostname fw01', 'username admin password ********'],
      complete: false,
      reason: 'the output does not end with ": end" (it ends with "username admin password ********")',
    });
    expect(shell.transcript()).not.toContain('Enable-S3cret!');
    expect(shell.secretsSeen()).toBe(3);
  });
});
