import { CollectError } from './errors';
import { checkHostKey, presentedHostKey, recordedKeyTypes, type HostKeyPolicy, type HostKeyTrust, type PresentedHostKey } from './host-key';
import { formatKnownHostsLine, knownHostName } from './known-hosts';
import { appendKnownHostsLine, readKnownHostsFile, type KnownHostsFile } from './known-hosts-file';

export interface HostKeyOptions {
  /** The known_hosts file to check and, for accepted new keys, append to. */
  knownHostsFile: string;
  policy: HostKeyPolicy;
  /** Write new entries hashed (`|1|salt|hash`), as Debian's ssh does; default true. */
  hashNewEntries?: boolean;
}

/** The key a session was opened with, for the evidence. */
export interface TrustedHostKey {
  keyType: string;
  fingerprint: string;
  trust: HostKeyTrust;
  knownHostsFile: string;
  /** The known_hosts line that vouched for it, when it was already known. */
  knownHostsLine?: number;
}

/**
 * The host-key step of one connection: checks what the device presents against known_hosts,
 * puts an unknown key to the policy, stops hard on a changed or revoked one, and records an
 * accepted new key only once the key exchange has proved the device holds it.
 */
export class HostKeyGate {
  private readonly known: KnownHostsFile;
  private presented: PresentedHostKey | undefined;
  private pendingRecord = false;
  trusted: TrustedHostKey | undefined;

  constructor(
    private readonly options: HostKeyOptions,
    private readonly host: string,
    private readonly port: number,
    private readonly label: string,
  ) {
    this.known = readKnownHostsFile(options.knownHostsFile);
  }

  /** Key types known_hosts already holds for the host: offered first, so the device shows the key we know. */
  preferredKeyTypes(): string[] {
    return recordedKeyTypes(this.known.entries, this.host, this.port);
  }

  async verify(key: Buffer): Promise<CollectError | undefined> {
    const presented = presentedHostKey(this.host, this.port, key);
    if (this.presented) {
      // A re-key mid-session must present the same key.
      return this.presented.key.equals(key) ? undefined : this.changedError(presented, `the key presented at the start of this session (${this.presented.keyType} ${this.presented.fingerprint})`);
    }
    this.presented = presented;
    const check = checkHostKey(this.known.entries, presented);
    const file = this.options.knownHostsFile;
    switch (check.status) {
      case 'known':
        this.trusted = { keyType: presented.keyType, fingerprint: presented.fingerprint, trust: 'known', knownHostsFile: file, knownHostsLine: check.entry.line };
        return undefined;
      case 'revoked':
        return new CollectError(this.label, 'host-key', 'host-key-revoked', `the host key ${presented.keyType} ${presented.fingerprint} is REVOKED (${file}:${check.entry.line}); refusing to connect, nothing was sent`);
      case 'changed':
        return this.changedError(presented, check.recorded.map((entry) => `${file}:${entry.line} ${entry.keyType} ${presentedHostKey(this.host, this.port, entry.key).fingerprint}`).join(', '));
      case 'unknown':
        return this.decideUnknown(presented);
    }
  }

  /** Called once the key exchange has completed: the device has proved it holds the key. */
  keyExchangeVerified(): void {
    if (!this.pendingRecord || !this.presented) return;
    this.pendingRecord = false;
    const line = formatKnownHostsLine(this.host, this.port, this.presented.key, { hashed: this.options.hashNewEntries ?? true });
    appendKnownHostsLine(this.options.knownHostsFile, line);
  }

  private async decideUnknown(presented: PresentedHostKey): Promise<CollectError | undefined> {
    const decision = await this.options.policy.unknownHostKey(presented);
    const file = this.options.knownHostsFile;
    if (decision === 'refuse') {
      return new CollectError(
        this.label,
        'host-key',
        'host-key-unknown',
        `unknown host key ${presented.keyType} ${presented.fingerprint}: ${file} has no entry for ${knownHostName(this.host, this.port)}; ` +
          'refused, nothing was sent. Check the fingerprint with the device owner, then trust it explicitly (wfos-audit pull --accept-new records it)',
      );
    }
    this.pendingRecord = decision === 'accept-and-record';
    this.trusted = { keyType: presented.keyType, fingerprint: presented.fingerprint, trust: decision === 'accept-and-record' ? 'recorded' : 'accepted-once', knownHostsFile: file };
    return undefined;
  }

  private changedError(presented: PresentedHostKey, recorded: string): CollectError {
    const name = knownHostName(this.host, this.port);
    return new CollectError(
      this.label,
      'host-key',
      'host-key-changed',
      `the host key has CHANGED: recorded ${recorded}; the device now presents ${presented.keyType} ${presented.fingerprint}. ` +
        'Someone may be intercepting the connection, or the device was replaced or re-keyed. Refused, nothing was sent. ' +
        `Confirm the new key with the device owner, then remove the old entry (ssh-keygen -R '${name}' -f ${this.options.knownHostsFile}) before trying again`,
    );
  }
}
