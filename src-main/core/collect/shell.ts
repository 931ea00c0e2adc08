import { StringDecoder } from 'node:string_decoder';
import type { Client, ClientChannel } from 'ssh2';
import { CollectError, type CollectFailure, type CollectStep } from './errors';
import { checkReadOnly, normaliseCommand } from './guard';
import type { PromptMatch, SshVendorProfile } from './profile';
import type { Redactor } from './redact';
import { currentLine, renderTerminal } from './terminal';
import { formatDuration, type StepTimeouts } from './timeouts';

/** How a wait for the device ended: at a prompt, or not (and then the output is partial). */
export type OutputEnd = 'prompt' | 'timeout' | 'disconnected' | 'cancelled' | 'too-large';

/**
 * The most a session may send, banners and pagers included: far above any real configuration,
 * it stops a device (or something posing as one) that never stops talking before it fills memory.
 */
export const MAX_SESSION_BYTES = 256 * 1024 * 1024;

export interface CommandOutput {
  command: string;
  sentAt: string;
  /** The output as a terminal shows it, without the command's echo and the final prompt. */
  lines: string[];
  end: OutputEnd;
  /** What happened when the output did not end at a prompt. */
  detail?: string;
  /** Pager prompts answered while the output came. */
  pagesTurned: number;
}

/** Something sent on the wire, for the evidence; a secret is recorded by what it was, never by value. */
export interface SentRecord {
  sentAt: string;
  command?: string;
  secret?: string;
}

interface WaitLimits {
  step: CollectStep;
  /** No byte for this long ends the wait. */
  idleMs: number;
  /** The wait as a whole; defaults to no limit beyond idleMs. */
  totalMs?: number;
  /** A match must stand this long with nothing more arriving (a prompt-like banner line is not a prompt). */
  settleMs?: number;
  what: string;
}

interface WaitResult<T> {
  value?: T;
  end: OutputEnd;
  detail?: string;
}

/** How long a first prompt must stand before it is believed. */
const FIRST_PROMPT_SETTLE_MS = 250;

/**
 * The device's interactive CLI on a PTY. One state machine: `idle` between commands,
 * `waiting` for a prompt (answering pager prompts on the way), `closed` once the channel is
 * gone. Everything written to the device goes through send() (the read-only guard),
 * sendSecret() (only right after the device asked for a password) or the pager key.
 */
export class DeviceShell {
  private raw = '';
  /** Where the line being written now starts in `raw`. */
  private lineStart = 0;
  /** Where the current command's output starts in `raw`. */
  private mark = 0;
  /** Pager prompts before this point in `raw` have been answered. */
  private pagerMark = 0;
  private pagesTurned = 0;
  private state: 'idle' | 'waiting' | 'closed' = 'idle';
  private expectingSecret = false;
  private onChange: (() => void) | undefined;
  private receivedBytes = 0;
  /** Set once the device has sent more than the session may hold: nothing more is kept. */
  private overflowed = false;
  private readonly decoder = new StringDecoder('utf8');
  readonly sent: SentRecord[] = [];
  /** The prompt last seen: its base is how later prompts are recognised. */
  prompt: PromptMatch | undefined;

  private constructor(
    private readonly channel: ClientChannel,
    private readonly profile: SshVendorProfile,
    readonly label: string,
    private readonly redactor: Redactor,
    private readonly timeouts: StepTimeouts,
    private readonly signal: AbortSignal | undefined,
    private readonly onReceived: ((bytes: number) => void) | undefined,
    private readonly maxBytes: number,
  ) {
    channel.on('data', (data: Buffer) => this.receive(this.decoder.write(data), data.length));
    channel.stderr.on('data', (data: Buffer) => this.receive(data.toString('utf8'), data.length));
    channel.on('close', () => this.closeDown());
    channel.on('error', () => this.closeDown());
    signal?.addEventListener('abort', () => this.onChange?.(), { once: true });
  }

  /** Opens the interactive shell with a wide PTY; `onReceived` hears how many bytes the device has sent so far. */
  static open(
    client: Client,
    profile: SshVendorProfile,
    options: { label: string; redactor: Redactor; timeouts: StepTimeouts; signal?: AbortSignal; onReceived?: (bytes: number) => void; maxBytes?: number },
  ): Promise<DeviceShell> {
    const { label, timeouts } = options;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new CollectError(label, 'shell', 'timeout', `timed out after ${formatDuration(timeouts.prompt)} opening the interactive shell`)), timeouts.prompt);
      client.shell({ term: 'vt100', cols: profile.terminal.cols, rows: profile.terminal.rows }, (error, channel) => {
        clearTimeout(timer);
        if (error) return reject(new CollectError(label, 'shell', 'protocol', `the device refused an interactive shell: ${options.redactor.redact(error.message)}`));
        resolve(new DeviceShell(channel, profile, label, options.redactor, timeouts, options.signal, options.onReceived, options.maxBytes ?? MAX_SESSION_BYTES));
      });
      client.once('close', () => reject(new CollectError(label, 'shell', 'disconnected', 'the device closed the connection before the shell opened')));
    });
  }

  /** Everything the device sent, redacted. */
  transcript(): string {
    return this.redactor.redact(this.raw);
  }

  /** How many times a credential occurs in what the device sent (each one masked in the transcript). */
  secretsSeen(): number {
    return this.redactor.count(this.raw);
  }

  /** Waits for the first prompt after login (banners and MOTD come before it). */
  async waitForFirstPrompt(): Promise<PromptMatch> {
    const result = await this.waitUntil(() => this.promptNow(undefined), {
      step: 'prompt',
      idleMs: this.timeouts.prompt,
      totalMs: this.timeouts.prompt,
      settleMs: FIRST_PROMPT_SETTLE_MS,
      what: 'for the first prompt',
    });
    return this.requirePrompt(result, 'prompt', 'for the first prompt');
  }

  /**
   * Sends a command the read-only guard allows and waits for the prompt. A timeout, a
   * disconnect or a cancellation do not throw: the output so far comes back with how it ended.
   */
  async run(command: string, step: CollectStep = 'command'): Promise<CommandOutput> {
    const sentAt = this.send(command);
    const pagesBefore = this.pagesTurned;
    const limits = step === 'command' ? { idleMs: this.timeouts.command, totalMs: this.timeouts.commandTotal } : { idleMs: this.timeouts.prompt, totalMs: this.timeouts.prompt };
    const result = await this.waitUntil(() => this.promptNow(this.prompt?.base), { step, ...limits, what: `for the output of "${command}"` });
    if (result.value) this.enteredPrompt(result.value);
    const lines = this.outputLines(command, result.value !== undefined);
    return {
      command,
      sentAt,
      lines,
      end: result.end,
      ...(result.detail ? { detail: result.detail } : {}),
      pagesTurned: this.pagesTurned - pagesBefore,
    };
  }

  /**
   * From user to privileged mode: the profile's command, then the password when the device
   * asks for one. Fails at the first refusal (no second guess that could lock an account).
   */
  async elevate(password: string | undefined): Promise<void> {
    const privilege = this.profile.privilege;
    if (!privilege) return;
    this.send(privilege.command);
    const asked = await this.waitForPromptOrPassword('enable', `after "${privilege.command}"`);
    if (asked === 'password') {
      if (password === undefined) {
        throw this.error('enable', 'enable-failed', `privileged mode needs a password and none was given (the device asked "${this.currentText()}")`);
      }
      this.expectingSecret = true;
      this.sendSecret(password, 'enable password');
      const answer = await this.waitForPromptOrPassword('enable', 'after the enable password');
      if (answer === 'password') throw this.error('enable', 'enable-failed', 'the enable password was refused (the device asked again); stopped without retrying');
    }
    if (this.prompt?.mode !== 'privileged') {
      throw this.error('enable', 'enable-failed', `the enable password was refused: still at "${this.prompt?.text ?? this.currentText()}"`);
    }
  }

  close(): void {
    if (this.state === 'closed') return;
    this.channel.end();
    this.closeDown();
  }

  /** Every failure of the shell goes through here, so no credential ends up in a message. */
  private error(step: CollectStep, failure: CollectFailure, detail: string): CollectError {
    return new CollectError(this.label, step, failure, this.redactor.redact(detail));
  }

  private async waitForPromptOrPassword(step: CollectStep, what: string): Promise<'password' | 'prompt'> {
    const passwordPrompt = this.profile.privilege?.passwordPrompt;
    const result = await this.waitUntil<PromptMatch | 'password'>(
      () => (passwordPrompt?.test(this.currentText()) ? 'password' : this.promptNow(this.prompt?.base)),
      { step, idleMs: this.timeouts.prompt, totalMs: this.timeouts.prompt, what },
    );
    if (result.value === 'password') return 'password';
    this.requirePrompt(result as WaitResult<PromptMatch>, step, what);
    return 'prompt';
  }

  private requirePrompt(result: WaitResult<PromptMatch>, step: CollectStep, what: string): PromptMatch {
    if (!result.value) {
      throw this.error(step, result.end === 'prompt' ? 'protocol' : result.end, `${result.detail ?? result.end} (waiting ${what}; the device last showed "${this.currentText().slice(0, 80)}")`);
    }
    this.enteredPrompt(result.value);
    return result.value;
  }

  /** Remembers the prompt; configuration mode stops the session before anything more is sent. */
  private enteredPrompt(prompt: PromptMatch): void {
    this.prompt = prompt;
    if (prompt.mode === 'config') {
      throw this.error('prompt', 'config-mode', `the device is in configuration mode (prompt "${prompt.text}"); stopped without sending anything more`);
    }
  }

  private send(command: string): string {
    const verdict = checkReadOnly(command, this.profile.allowlist);
    if (!verdict.allowed) {
      throw this.error('guard', 'refused-command', `refused to send "${verdict.command}": ${verdict.reason}; nothing was sent`);
    }
    return this.write(verdict.command + this.profile.newline, { command: verdict.command });
  }

  private sendSecret(secret: string, what: string): void {
    if (!this.expectingSecret) throw this.error('enable', 'protocol', `the ${what} was about to be sent without the device asking for it; nothing was sent`);
    this.expectingSecret = false;
    this.write(secret + this.profile.newline, { secret: what });
  }

  private write(data: string, record: Omit<SentRecord, 'sentAt'>): string {
    if (this.state === 'closed') throw this.error('command', 'disconnected', 'the session is closed');
    const sentAt = new Date().toISOString();
    this.sent.push({ sentAt, ...record });
    this.mark = this.raw.length;
    this.pagerMark = this.raw.length;
    this.channel.write(data);
    return sentAt;
  }

  private receive(text: string, bytes: number): void {
    if (this.overflowed) return;
    this.receivedBytes += bytes;
    this.onReceived?.(this.receivedBytes);
    if (this.receivedBytes > this.maxBytes) {
      this.overflowed = true;
      this.onChange?.();
      return;
    }
    if (text === '') return;
    const newline = text.lastIndexOf('\n');
    if (newline >= 0) this.lineStart = this.raw.length + newline + 1;
    this.raw += text;
    this.turnPage();
    this.onChange?.();
  }

  /** Answers a pager prompt once: the device stops on it, so it is the line being written. */
  private turnPage(): void {
    if (this.state !== 'waiting') return;
    const line = currentLine(this.raw.slice(Math.max(this.lineStart, this.pagerMark)));
    if (!this.profile.pager.prompt.test(line)) return;
    this.pagerMark = this.raw.length;
    this.pagesTurned += 1;
    this.channel.write(this.profile.pager.nextPage);
  }

  private currentText(): string {
    return currentLine(this.raw.slice(Math.max(this.lineStart, this.mark))).trim();
  }

  /** The prompt the device is showing now, if any; with a known base, only a prompt of the same device. */
  private promptNow(base: string | undefined): PromptMatch | undefined {
    const prompt = this.profile.matchPrompt(this.currentText());
    if (!prompt || (base !== undefined && prompt.base !== base)) return undefined;
    return prompt;
  }

  private outputLines(command: string, endsAtPrompt: boolean): string[] {
    const lines = renderTerminal(this.raw.slice(this.mark));
    // The last line is the prompt, or (output cut short) the line being written, kept unless empty.
    if (endsAtPrompt || lines.at(-1) === '') lines.pop();
    if (lines.length > 0 && normaliseCommand(lines[0]!) === command) lines.shift();
    return lines;
  }

  private closeDown(): void {
    if (this.state === 'closed') return;
    const tail = this.decoder.end();
    if (tail) this.raw += tail;
    this.state = 'closed';
    this.onChange?.();
  }

  /**
   * Waits until check() finds what it looks for in what the device sent, re-checking on
   * every chunk; ends early on silence, the total limit, the channel closing, or the signal.
   */
  private waitUntil<T>(check: () => T | undefined, limits: WaitLimits): Promise<WaitResult<T>> {
    this.state = this.state === 'closed' ? 'closed' : 'waiting';
    return new Promise((resolve) => {
      let idle: NodeJS.Timeout | undefined;
      let settle: NodeJS.Timeout | undefined;
      const total = limits.totalMs !== undefined ? setTimeout(() => finish({ end: 'timeout', detail: `timed out after ${formatDuration(limits.totalMs!)} in total` }), limits.totalMs) : undefined;
      const finish = (result: WaitResult<T>) => {
        clearTimeout(idle);
        clearTimeout(settle);
        clearTimeout(total);
        this.onChange = undefined;
        if (this.state !== 'closed') this.state = 'idle';
        resolve(result);
      };
      const armIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(() => finish({ end: 'timeout', detail: `timed out: no output for ${formatDuration(limits.idleMs)}` }), limits.idleMs);
      };
      const evaluate = () => {
        if (this.signal?.aborted) return finish({ end: 'cancelled', detail: 'cancelled' });
        if (this.overflowed) return finish({ end: 'too-large', detail: `the device sent more than ${formatBytes(this.maxBytes)}; stopped reading` });
        const value = check();
        if (value !== undefined) {
          if (!limits.settleMs) return finish({ value, end: 'prompt' });
          clearTimeout(settle);
          settle = setTimeout(() => {
            const still = check();
            if (still !== undefined) finish({ value: still, end: 'prompt' });
          }, limits.settleMs);
          return;
        }
        clearTimeout(settle);
        if (this.state === 'closed') return finish({ end: 'disconnected', detail: 'the connection closed before the output ended' });
        armIdle();
      };
      this.onChange = evaluate;
      evaluate();
    });
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
