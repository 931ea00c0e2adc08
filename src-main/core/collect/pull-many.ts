import { CollectError, targetLabel } from './errors';
import type { HostKeyPolicy } from './host-key';
import { pullConfiguration, type PullOptions, type PullResult, type PullTarget } from './pull';

export type DeviceStatus = 'queued' | 'running' | 'complete' | 'incomplete' | 'failed';

export interface PullOutcome {
  target: string;
  status: 'complete' | 'incomplete' | 'failed';
  result?: PullResult;
  error?: CollectError;
}

export interface PullManyOptions extends PullOptions {
  /** How many devices at once (default 4). */
  concurrency?: number;
  onStatus?: (target: string, status: DeviceStatus, detail?: string) => void;
  /** Each device's outcome as soon as it is known, with its index among the targets. */
  onOutcome?: (outcome: PullOutcome, index: number) => void;
  /** A device's own stop signal, so one device can be cancelled and the others go on; `signal` stops all. */
  signalFor?: (index: number) => AbortSignal;
}

/**
 * Pulls many devices, at most `concurrency` at a time. One device failing does not stop the
 * others; outcomes come back in the order of the targets. Questions about unknown host keys
 * are put to the policy one at a time, as a person answers them.
 */
export async function pullMany(targets: readonly PullTarget[], options: PullManyOptions): Promise<PullOutcome[]> {
  const names = targets.map((target) => target.name ?? targetLabel(target.host, target.port ?? 22));
  const outcomes: PullOutcome[] = new Array(targets.length);
  const hostKeys = { ...options.hostKeys, policy: oneQuestionAtATime(options.hostKeys.policy) };
  names.forEach((name) => options.onStatus?.(name, 'queued'));
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < targets.length; index = next++) {
      const name = names[index]!;
      options.onStatus?.(name, 'running');
      const own = options.signalFor?.(index);
      const signal = own && options.signal ? AbortSignal.any([options.signal, own]) : (own ?? options.signal);
      outcomes[index] = await pullOne(targets[index]!, name, { ...options, hostKeys, ...(signal && { signal }) });
      const outcome = outcomes[index]!;
      options.onOutcome?.(outcome, index);
      options.onStatus?.(name, outcome.status, outcome.error?.message ?? outcome.result?.incompleteReason);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, targets.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}

async function pullOne(target: PullTarget, name: string, options: PullOptions): Promise<PullOutcome> {
  try {
    const result = await pullConfiguration({ ...target, name }, options);
    return { target: name, status: result.complete ? 'complete' : 'incomplete', result };
  } catch (error) {
    const failure = error instanceof CollectError ? error : new CollectError(name, 'connect', 'protocol', String(error));
    return { target: name, status: 'failed', error: failure };
  }
}

function oneQuestionAtATime(policy: HostKeyPolicy): HostKeyPolicy {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    unknownHostKey(key) {
      const answer = queue.then(() => policy.unknownHostKey(key));
      queue = answer.catch(() => undefined);
      return answer;
    },
  };
}
