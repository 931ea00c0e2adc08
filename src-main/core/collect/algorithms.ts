import type { Algorithms } from 'ssh2';

export type AlgorithmKind = 'kex' | 'serverHostKey' | 'cipher' | 'hmac';

/** What a session offers by default: what OpenSSH 9 offers, and nothing that is broken. */
const MODERN: Record<AlgorithmKind, readonly string[]> = {
  kex: [
    'curve25519-sha256',
    'curve25519-sha256@libssh.org',
    'ecdh-sha2-nistp256',
    'ecdh-sha2-nistp384',
    'ecdh-sha2-nistp521',
    'diffie-hellman-group-exchange-sha256',
    'diffie-hellman-group16-sha512',
    'diffie-hellman-group18-sha512',
    'diffie-hellman-group14-sha256',
  ],
  serverHostKey: ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256'],
  // AES-GCM before ChaCha20-Poly1305: without ssh2's optional native binding (its build is not
  // run on install), its JavaScript ChaCha20-Poly1305 breaks a session tunnelled through a jump
  // host ("incomplete message" at the server); AES-GCM works either way.
  cipher: ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'chacha20-poly1305@openssh.com', 'aes128-ctr', 'aes192-ctr', 'aes256-ctr'],
  hmac: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha1-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1'],
};

/**
 * Algorithms old firewalls may need (ASA 8.x offers little else) and that are offered only
 * when the user names them: SHA-1 key exchanges, SHA-1 RSA signatures, CBC and RC4 ciphers.
 */
export const WEAK_ALGORITHMS: Record<AlgorithmKind, readonly string[]> = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa', 'ssh-dss'],
  cipher: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1-96', 'hmac-md5', 'hmac-md5-96'],
};

const KIND_NAMES: Record<AlgorithmKind, string> = { kex: 'key exchange', serverHostKey: 'host key', cipher: 'cipher', hmac: 'MAC' };

/** Sorts weak algorithm names the user allowed into their kinds; an unknown name is an error message. */
export function classifyWeakAlgorithms(names: readonly string[]): { allowed: Partial<Record<AlgorithmKind, string[]>> } | { error: string } {
  const allowed: Partial<Record<AlgorithmKind, string[]>> = {};
  for (const name of names) {
    const kind = (Object.keys(WEAK_ALGORITHMS) as AlgorithmKind[]).find((candidate) => WEAK_ALGORITHMS[candidate].includes(name));
    if (!kind) {
      const known = Object.values(WEAK_ALGORITHMS).flat().join(', ');
      return { error: `"${name}" is not a legacy algorithm this tool can enable (one of: ${known})` };
    }
    (allowed[kind] ??= []).push(name);
  }
  return { allowed };
}

/**
 * The offer for one session: the modern lists, then the weak algorithms the user allowed
 * (last, so they are used only when the device has nothing better), with host key types
 * known_hosts already holds first, so the device presents the key that is known.
 */
export function sessionAlgorithms(weak: Partial<Record<AlgorithmKind, readonly string[]>>, knownKeyTypes: readonly string[]): Algorithms {
  const list = (kind: AlgorithmKind) => [...MODERN[kind], ...(weak[kind] ?? [])];
  const hostKeys = list('serverHostKey');
  const preferred = hostKeys.filter((algorithm) => knownKeyTypes.some((type) => algorithmUsesKeyType(algorithm, type)));
  return {
    kex: list('kex'),
    serverHostKey: [...preferred, ...hostKeys.filter((algorithm) => !preferred.includes(algorithm))],
    cipher: list('cipher'),
    hmac: list('hmac'),
    compress: ['none'],
  } as Algorithms;
}

function algorithmUsesKeyType(algorithm: string, keyType: string): boolean {
  return algorithm === keyType || (keyType === 'ssh-rsa' && algorithm.startsWith('rsa-sha2-'));
}

/** What ssh2 reports as negotiated once the key exchange is done. */
export interface NegotiatedAlgorithms {
  kex: string;
  serverHostKey: string;
  cipher: string;
  hmac: string;
}

/** Warnings for weak algorithms a session actually uses. */
export function weakAlgorithmWarnings(negotiated: NegotiatedAlgorithms): string[] {
  return (Object.keys(KIND_NAMES) as AlgorithmKind[])
    .filter((kind) => WEAK_ALGORITHMS[kind].includes(negotiated[kind]))
    .map((kind) => `the session used the weak ${KIND_NAMES[kind]} algorithm ${negotiated[kind]}, allowed for this device only because it was asked for`);
}

/** "no common key exchange algorithm ...", from ssh2's "Handshake failed: no matching ..." and what the device offered. */
export function describeNegotiationFailure(message: string, offered: Partial<Record<AlgorithmKind, string>>): string | undefined {
  const kind: AlgorithmKind | undefined = /key exchange/.test(message)
    ? 'kex'
    : /host key/.test(message)
      ? 'serverHostKey'
      : /cipher/.test(message)
        ? 'cipher'
        : /MAC/.test(message)
          ? 'hmac'
          : undefined;
  if (!kind) return undefined;
  // Protocol markers (ext-info-s, kex-strict-s-v00@openssh.com) ride in the key exchange list but are no algorithms.
  const theirs = offered[kind]?.split(',').filter((name) => name !== '' && !/^(ext-info-|kex-strict-)/.test(name)) ?? [];
  const weakOffered = theirs.filter((name) => WEAK_ALGORITHMS[kind].includes(name));
  const hint = weakOffered.length > 0 ? `; it offers legacy ${weakOffered.join(', ')}, which can be allowed for this device (--allow-weak-algorithms)` : '';
  return `no ${KIND_NAMES[kind]} algorithm in common with the device${theirs.length > 0 ? ` (it offers ${theirs.join(', ')})` : ''}${hint}`;
}
