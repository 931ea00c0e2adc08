import { secretsOf } from './auth';
import { targetLabel, type CollectError } from './errors';
import type { PresentedHostKey, UnknownHostKeyDecision } from './host-key';
import type { HostKeyOptions } from './host-key-gate';
import type { PullDeviceState, PullDeviceView, PullJobView } from './pull-job-schema';
import { pullMany, type PullManyOptions, type PullOutcome } from './pull-many';
import type { PullPhase, PullProgress, PullResult, PullTarget } from './pull';
import { Redactor } from './redact';

/** What a complete capture became: the source the status shows, and a note (a login remembered or not). */
export interface CompletedSource {
  id: string;
  name: string;
  note?: string;
}

/** One device of a job: the pull target (with its secrets, for the run only) and the vendor the form named. */
export interface PullJobDevice {
  target: PullTarget;
  /** Makes a complete capture a source; throwing fails the device with the error's message. */
  completed(result: PullResult): CompletedSource | Promise<CompletedSource>;
}

export interface PullJobOptions {
  hostKeys: Omit<HostKeyOptions, 'policy'>;
  concurrency: number;
  pullOptions?: Pick<PullManyOptions, 'timeouts' | 'tool'>;
  /** The collector; tests give a scripted one. */
  run?: typeof pullMany;
  now?: () => Date;
}

type HostKeyAnswer = 'accept' | 'refuse';

interface DeviceRecord {
  view: PullDeviceView;
  /** Stops this device alone. */
  abort: AbortController;
  pendingAnswer?: (decision: UnknownHostKeyDecision) => void;
  refusedKey?: PresentedHostKey;
}

const STATE_OF_PHASE: Partial<Record<PullPhase, PullDeviceState>> = {
  connecting: 'connecting',
  'host-key': 'host-key',
  authenticating: 'authenticating',
  ready: 'authenticating',
  prompt: 'capturing',
  enable: 'capturing',
  setup: 'capturing',
  command: 'capturing',
  complete: 'adding',
};
const FINAL_STATES: readonly PullDeviceState[] = ['done', 'failed', 'cancelled'];

/**
 * One pull of several devices started from the app: a small state machine per device
 * (queued → connecting → host-key → authenticating → capturing → adding → done, or failed /
 * cancelled), fed by the collector's progress, that the window polls. An unknown host key
 * waits here for the user's answer; a changed one never reaches the question. Every text kept
 * passes the job's redactor, and the targets (with their secrets) are let go when it ends.
 */
export class PullJob {
  readonly startedAt: string;
  private readonly devices: DeviceRecord[];
  private readonly abort = new AbortController();
  private redactor: Redactor | undefined;
  private cancelled = false;
  private running = true;
  readonly finished: Promise<void>;

  constructor(
    readonly id: string,
    devices: readonly PullJobDevice[],
    options: PullJobOptions,
  ) {
    this.startedAt = (options.now?.() ?? new Date()).toISOString();
    this.redactor = new Redactor(devices.flatMap(({ target }) => [...secretsOf(target.credentials), target.enablePassword, ...(target.jump ? secretsOf(target.jump.credentials) : [])]));
    this.devices = devices.map(({ target }, index) => ({ view: initialView(target, index), abort: new AbortController() }));
    this.finished = this.run(devices, options);
  }

  view(): PullJobView {
    return { id: this.id, startedAt: this.startedAt, running: this.running, cancelled: this.cancelled, devices: this.devices.map((device) => structuredClone(device.view)) };
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** The user's word on the unknown host key a device is showing: accept records it in known_hosts. */
  answer(index: number, answer: HostKeyAnswer): void {
    const device = this.devices[index];
    if (!device?.pendingAnswer || !device.view.question) throw new Error('that device is not waiting for a host key decision (it may have moved on or been cancelled)');
    const reply = device.pendingAnswer;
    delete device.pendingAnswer;
    delete device.view.question;
    device.view.state = 'host-key';
    reply(answer === 'accept' ? 'accept-and-record' : 'refuse');
  }

  /** Stops every device still pulling; what was added stays added, what was not is not. */
  cancel(): void {
    if (!this.running) return;
    this.cancelled = true;
    this.abort.abort();
    for (const device of this.devices) withdrawQuestion(device);
  }

  /**
   * Stops one device, queued or on its way (a device that does not answer, one the engineer
   * picked by mistake); the others go on. A device already adding its source, or finished, is
   * left as it is.
   */
  cancelDevice(index: number): void {
    const device = this.devices[index];
    if (!device) throw new Error(`this pull has no device ${index}`);
    if (!this.running || device.view.state === 'adding' || FINAL_STATES.includes(device.view.state)) return;
    device.abort.abort();
    withdrawQuestion(device);
  }

  private async run(devices: readonly PullJobDevice[], options: PullJobOptions): Promise<void> {
    const completions: Promise<void>[] = [];
    try {
      await (options.run ?? pullMany)(
        devices.map(({ target }, index) => ({ ...target, name: String(index) })),
        {
          ...options.pullOptions,
          concurrency: options.concurrency,
          signal: this.abort.signal,
          signalFor: (index) => this.devices[index]!.abort.signal,
          hostKeys: { ...options.hostKeys, policy: { unknownHostKey: (key) => this.ask(key, options.hostKeys.knownHostsFile) } },
          onProgress: (event) => this.progress(event),
          onReceived: ({ target, bytes }) => {
            const device = this.device(target);
            if (device) device.view.bytes = bytes;
          },
          onOutcome: (outcome, index) => completions.push(this.settle(outcome, index, devices[index]!)),
        },
      );
      await Promise.all(completions);
    } catch (error) {
      // The collector itself broke (not one device): every device not yet settled says so.
      for (const device of this.devices.filter((item) => !FINAL_STATES.includes(item.view.state))) this.fail(device, 'protocol', `the pull stopped: ${(error as Error).message}`);
    } finally {
      this.running = false;
      this.redactor = undefined;
    }
  }

  private device(name: string): DeviceRecord | undefined {
    return this.devices[Number(name)];
  }

  private redact(text: string): string {
    return this.redactor ? this.redactor.redact(text) : text;
  }

  private progress(event: PullProgress): void {
    const device = this.device(event.target);
    const state = STATE_OF_PHASE[event.phase];
    if (!device || !state || FINAL_STATES.includes(device.view.state)) return;
    device.view.state = state;
    if (event.detail && event.phase !== 'ready') device.view.detail = this.redact(event.detail);
    else delete device.view.detail;
  }

  private ask(key: PresentedHostKey, knownHostsFile: string): Promise<UnknownHostKeyDecision> {
    const device = key.target === undefined ? undefined : this.device(key.target);
    if (!device || this.abort.signal.aborted || device.abort.signal.aborted) return Promise.resolve('refuse');
    return new Promise((resolve) => {
      device.view.state = 'host-key';
      device.view.question = { host: key.host, port: key.port, keyType: key.keyType, fingerprint: key.fingerprint, jumpHost: device.view.via === targetLabel(key.host, key.port), knownHostsFile };
      device.pendingAnswer = (decision) => {
        if (decision === 'refuse') device.refusedKey = key;
        resolve(decision);
      };
    });
  }

  private async settle(outcome: PullOutcome, index: number, job: PullJobDevice): Promise<void> {
    const device = this.devices[index]!;
    const result = outcome.result;
    device.view.warnings = (result?.evidence.warnings ?? []).map((warning) => this.redact(warning));
    if (outcome.status === 'failed' || !result) return this.failed(device, outcome.error);
    if (outcome.status === 'incomplete' || !result.complete) {
      const why = result.incompleteReason ?? 'the capture was cut short';
      return this.fail(device, 'incomplete', `INCOMPLETE capture: ${why}. Not added: a configuration cut short is never audited; pull it again`);
    }
    device.view.state = 'adding';
    try {
      const source = await job.completed(result);
      const { evidence } = result;
      device.view.state = 'done';
      delete device.view.detail;
      device.view.source = {
        id: source.id,
        name: source.name,
        lines: evidence.configuration.lines,
        sha256: evidence.configuration.sha256,
        hostKey: `${evidence.hostKey.keyType} ${evidence.hostKey.fingerprint}`,
        trust: evidence.hostKey.trust,
      };
      if (source.note) device.view.note = this.redact(source.note);
    } catch (error) {
      this.fail(device, 'not-added', `pulled, but not added: ${(error as Error).message}`);
    }
  }

  private failed(device: DeviceRecord, error: CollectError | undefined): void {
    const failure = error?.failure ?? 'protocol';
    const stopped = this.cancelled || device.abort.signal.aborted;
    if (failure === 'cancelled' || (stopped && failure !== 'host-key-changed' && failure !== 'host-key-revoked')) {
      device.view.state = 'cancelled';
      device.view.message = 'cancelled: nothing was added';
      return;
    }
    const refused = device.refusedKey;
    const message =
      failure === 'host-key-unknown' && refused
        ? `${targetLabel(refused.host, refused.port)}: you refused its host key ${refused.keyType} ${refused.fingerprint}; nothing was sent and nothing was added`
        : (error?.message ?? 'the pull failed');
    this.fail(device, failure, message);
  }

  private fail(device: DeviceRecord, failure: string, message: string): void {
    device.view.state = 'failed';
    device.view.failure = failure;
    device.view.message = this.redact(message);
    delete device.view.detail;
    delete device.view.question;
  }
}

/** A question the device no longer needs answered: the pull takes it as refused. */
function withdrawQuestion(device: DeviceRecord): void {
  const reply = device.pendingAnswer;
  delete device.pendingAnswer;
  delete device.view.question;
  reply?.('refuse');
}

function initialView(target: PullTarget, index: number): PullDeviceView {
  const port = target.port ?? 22;
  return {
    index,
    host: target.host,
    port,
    username: target.credentials.username,
    vendor: target.vendor,
    ...(target.jump ? { via: targetLabel(target.jump.host, target.jump.port ?? 22) } : {}),
    state: 'queued',
    bytes: 0,
    warnings: [],
  };
}
