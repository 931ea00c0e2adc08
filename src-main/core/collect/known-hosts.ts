import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * OpenSSH known_hosts, read and written as `ssh` does (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"):
 * `[@marker] hostpatterns keytype base64key [comment]`, where host patterns are a
 * comma-separated list with `*`/`?` wildcards and `!` negation, `[host]:port` for ports other
 * than 22, or one hashed name `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`.
 */
export interface KnownHostEntry {
  /** 1-based line in the file, for messages ("known_hosts:12"). */
  line: number;
  marker?: 'revoked' | 'cert-authority';
  hosts: { kind: 'patterns'; patterns: string[] } | { kind: 'hashed'; salt: Buffer; hash: Buffer };
  keyType: string;
  key: Buffer;
}

export interface KnownHostsProblem {
  line: number;
  message: string;
}

/** The name OpenSSH looks up for a host: the host itself on port 22, `[host]:port` otherwise. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function parseKnownHosts(text: string): { entries: KnownHostEntry[]; problems: KnownHostsProblem[] } {
  const entries: KnownHostEntry[] = [];
  const problems: KnownHostsProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0]?.startsWith('@')) {
      const name = fields.shift();
      if (name === '@revoked') marker = 'revoked';
      else if (name === '@cert-authority') marker = 'cert-authority';
      else return void problems.push({ line, message: `unknown marker ${name}` });
    }
    const [hostField, keyType, keyText] = fields;
    if (!hostField || !keyType || !keyText) return void problems.push({ line, message: 'expected host patterns, key type and key' });
    const key = Buffer.from(keyText, 'base64');
    if (key.length === 0 || keyTypeOf(key) !== keyType) return void problems.push({ line, message: `the ${keyType} key does not decode` });
    const hosts = parseHostField(hostField);
    if (!hosts) return void problems.push({ line, message: `hashed host name does not decode` });
    entries.push({ line, ...(marker ? { marker } : {}), hosts, keyType, key });
  });
  return { entries, problems };
}

function parseHostField(field: string): KnownHostEntry['hosts'] | undefined {
  if (!field.startsWith('|1|')) return { kind: 'patterns', patterns: field.split(',').filter(Boolean) };
  const [, , salt, hash] = field.split('|');
  if (!salt || !hash) return undefined;
  const saltBytes = Buffer.from(salt, 'base64');
  const hashBytes = Buffer.from(hash, 'base64');
  return saltBytes.length === 20 && hashBytes.length === 20 ? { kind: 'hashed', salt: saltBytes, hash: hashBytes } : undefined;
}

/** Whether an entry names this host and port. */
export function entryMatchesHost(entry: KnownHostEntry, host: string, port: number): boolean {
  const name = knownHostName(host.toLowerCase(), port);
  if (entry.hosts.kind === 'hashed') {
    const digest = createHmac('sha1', entry.hosts.salt).update(name).digest();
    return timingSafeEqual(digest, entry.hosts.hash);
  }
  let matched = false;
  for (const pattern of entry.hosts.patterns) {
    const negated = pattern.startsWith('!');
    if (!wildcardMatch(negated ? pattern.slice(1) : pattern, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** OpenSSH match_pattern: `*` any run, `?` one character, case-insensitive. */
function wildcardMatch(pattern: string, name: string): boolean {
  const source = pattern
    .toLowerCase()
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(name);
}

/** The algorithm name a key blob starts with (`ssh-ed25519`, `ssh-rsa`, ...). */
export function keyTypeOf(key: Buffer): string | undefined {
  if (key.length < 4) return undefined;
  const length = key.readUInt32BE(0);
  if (length === 0 || length > 64 || key.length < 4 + length) return undefined;
  return key.subarray(4, 4 + length).toString('latin1');
}

/** One known_hosts line for a host's key; hashed (as Debian's ssh does by default) unless asked not to. */
export function formatKnownHostsLine(host: string, port: number, key: Buffer, options: { hashed: boolean; salt?: Buffer }): string {
  const name = knownHostName(host.toLowerCase(), port);
  const keyType = keyTypeOf(key) ?? 'unknown';
  if (!options.hashed) return `${name} ${keyType} ${key.toString('base64')}`;
  const salt = options.salt ?? randomBytes(20);
  const hash = createHmac('sha1', salt).update(name).digest();
  return `|1|${salt.toString('base64')}|${hash.toString('base64')} ${keyType} ${key.toString('base64')}`;
}
