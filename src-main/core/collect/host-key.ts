import { createHash } from 'node:crypto';
import { entryMatchesHost, keyTypeOf, type KnownHostEntry } from './known-hosts';

/** A host key as the device presented it. */
export interface PresentedHostKey {
  host: string;
  port: number;
  keyType: string;
  key: Buffer;
  /** As OpenSSH prints it: `SHA256:` and unpadded base64 of the key blob's SHA-256. */
  fingerprint: string;
  /** The name of the pull that met the key (its target, or the device behind a jump host). */
  target?: string;
}

/** What known_hosts says about a presented key. */
export type HostKeyCheck =
  | { status: 'known'; entry: KnownHostEntry }
  | { status: 'unknown' }
  | { status: 'changed'; recorded: KnownHostEntry[] }
  | { status: 'revoked'; entry: KnownHostEntry };

/** How the key of a session came to be trusted, for the evidence. */
export type HostKeyTrust = 'known' | 'recorded' | 'accepted-once';

/**
 * What to do with a key known_hosts has never seen. `accept-and-record` appends it to the
 * known_hosts file (after the key exchange has proved the device holds it); `accept-once`
 * trusts it for this session only. A changed or revoked key is never put to the policy.
 */
export type UnknownHostKeyDecision = 'refuse' | 'accept-once' | 'accept-and-record';

export interface HostKeyPolicy {
  unknownHostKey(key: PresentedHostKey): UnknownHostKeyDecision | Promise<UnknownHostKeyDecision>;
}

/** The command line's default: an unknown host is refused. */
export const refuseUnknownHostKeys: HostKeyPolicy = { unknownHostKey: () => 'refuse' };

/** `--accept-new`: an unknown host's key is recorded (OpenSSH's StrictHostKeyChecking=accept-new). */
export const acceptNewHostKeys: HostKeyPolicy = { unknownHostKey: () => 'accept-and-record' };

export function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

export function presentedHostKey(host: string, port: number, key: Buffer): PresentedHostKey {
  return { host, port, keyType: keyTypeOf(key) ?? 'unknown', key, fingerprint: fingerprintOf(key) };
}

/**
 * Checks a key against known_hosts entries. A revoked key stops everything; a recorded key of
 * the same type that differs, or recorded keys only of other types, is a changed key: the
 * session prefers the recorded types, so a device that no longer offers them is not one we
 * know (OpenSSH would ask; a collector on a customer network stops).
 */
export function checkHostKey(entries: readonly KnownHostEntry[], presented: PresentedHostKey): HostKeyCheck {
  const revoked = entries.find((entry) => entry.marker === 'revoked' && entry.key.equals(presented.key));
  if (revoked) return { status: 'revoked', entry: revoked };
  const recorded = entries.filter((entry) => entry.marker === undefined && entryMatchesHost(entry, presented.host, presented.port));
  const same = recorded.find((entry) => entry.key.equals(presented.key));
  if (same) return { status: 'known', entry: same };
  return recorded.length === 0 ? { status: 'unknown' } : { status: 'changed', recorded };
}

/** The key types known_hosts records for a host, to offer them first in the key exchange. */
export function recordedKeyTypes(entries: readonly KnownHostEntry[], host: string, port: number): string[] {
  const types = entries.filter((entry) => entry.marker === undefined && entryMatchesHost(entry, host, port)).map((entry) => entry.keyType);
  return [...new Set(types)];
}
