import { CollectError } from './errors';
import type { HostKeyPolicy, PresentedHostKey, UnknownHostKeyDecision } from './host-key';

/**
 * A host-key policy that puts each unknown key to the one it wraps once per pull: when the
 * device drops the connection while a person is still comparing fingerprints (its login grace
 * time runs from the first packet), the pull connects again and the same key gets the answer
 * already given, without asking twice. A different key on the new connection is asked about.
 */
export class HostKeyDecisions implements HostKeyPolicy {
  private readonly decided = new Map<string, UnknownHostKeyDecision>();

  constructor(private readonly policy: HostKeyPolicy) {}

  async unknownHostKey(key: PresentedHostKey): Promise<UnknownHostKeyDecision> {
    const known = this.decided.get(keyId(key));
    if (known !== undefined) return known;
    const decision = await this.policy.unknownHostKey(key);
    this.decided.set(keyId(key), decision);
    return decision;
  }

  /**
   * Whether `error` is the device closing the connection while its key was put to a person who
   * then accepted it: the one failure a second connection mends.
   */
  acceptedAfterDisconnect(error: unknown): boolean {
    if (!(error instanceof CollectError) || error.step !== 'host-key' || error.failure !== 'disconnected') return false;
    return [...this.decided.values()].some((decision) => decision !== 'refuse');
  }
}

function keyId(key: PresentedHostKey): string {
  return `${key.host}\u0000${key.port}\u0000${key.fingerprint}`;
}

/**
 * Connects; when the device hung up while its new host key was being decided and the key was
 * accepted, connects once more, where the same key is taken as decided.
 */
export async function connectAgainIfDecidedLate<T>(decisions: HostKeyDecisions, connect: () => Promise<T>, onRetry: () => void): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    if (!decisions.acceptedAfterDisconnect(error)) throw error;
    onRetry();
    return connect();
  }
}
