import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHostKey, fingerprintOf, presentedHostKey, recordedKeyTypes } from '../../../src-main/core/collect/host-key';
import { entryMatchesHost, formatKnownHostsLine, knownHostName, parseKnownHosts } from '../../../src-main/core/collect/known-hosts';
import { appendKnownHostsLine, readKnownHostsFile } from '../../../src-main/core/collect/known-hosts-file';

const hasKeygen = existsSync('/usr/bin/ssh-keygen');

/** A fresh key pair's public half, as ssh-keygen writes it. */
function newPublicKey(dir: string, name: string, type = 'ed25519'): { line: string; blob: Buffer; path: string } {
  const path = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', 'x', '-f', path], { stdio: 'ignore' });
  const line = readFileSync(`${path}.pub`, 'utf8').trim();
  return { line, blob: Buffer.from(line.split(' ')[1]!, 'base64'), path: `${path}.pub` };
}

describe.runIf(hasKeygen)('known_hosts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'known-hosts-'));
  const ed = newPublicKey(dir, 'ed');
  const other = newPublicKey(dir, 'other');
  const ecdsa = newPublicKey(dir, 'ecdsa', 'ecdsa');
  const [, edBase64] = ed.line.split(' ');

  it('reads plain, bracketed-port, wildcard, negated, hashed and marked entries, and reports bad lines with their number', () => {
    const hashed = formatKnownHostsLine('10.50.0.1', 22, ed.blob, { hashed: true });
    const text = [
      '# a comment',
      '',
      `fw01.acme.example,10.50.0.2 ssh-ed25519 ${edBase64} fw01`,
      `[10.50.0.3]:2222 ssh-ed25519 ${edBase64}`,
      `10.60.*,!10.60.0.9 ssh-ed25519 ${edBase64}`,
      hashed,
      `@revoked * ${other.line.split(' ').slice(0, 2).join(' ')}`,
      '@weird host ssh-ed25519 AAAA',
      'host-without-key ssh-ed25519',
      `host ssh-rsa ${edBase64}`,
    ].join('\n');
    const { entries, problems } = parseKnownHosts(text);
    expect(entries.map((entry) => entry.line)).toEqual([3, 4, 5, 6, 7]);
    expect(entries[4]!.marker).toBe('revoked');
    expect(problems).toEqual([
      { line: 8, message: 'unknown marker @weird' },
      { line: 9, message: 'expected host patterns, key type and key' },
      { line: 10, message: 'the ssh-rsa key does not decode' },
    ]);
    const [plain, bracketed, wildcard, hashedEntry] = entries;
    expect(entryMatchesHost(plain!, '10.50.0.2', 22)).toBe(true);
    expect(entryMatchesHost(plain!, 'FW01.acme.example', 22)).toBe(true);
    expect(entryMatchesHost(plain!, '10.50.0.2', 2222)).toBe(false);
    expect(entryMatchesHost(bracketed!, '10.50.0.3', 2222)).toBe(true);
    expect(entryMatchesHost(bracketed!, '10.50.0.3', 22)).toBe(false);
    expect(entryMatchesHost(wildcard!, '10.60.1.1', 22)).toBe(true);
    expect(entryMatchesHost(wildcard!, '10.60.0.9', 22)).toBe(false);
    expect(entryMatchesHost(hashedEntry!, '10.50.0.1', 22)).toBe(true);
    expect(entryMatchesHost(hashedEntry!, '10.50.0.10', 22)).toBe(false);
  });

  it('writes hashed entries that OpenSSH itself finds (ssh-keygen -F), for port 22 and other ports', () => {
    const file = join(dir, 'hashed_known_hosts');
    writeFileSync(file, `${formatKnownHostsLine('10.50.0.1', 22, ed.blob, { hashed: true })}\n${formatKnownHostsLine('10.50.0.1', 2222, ecdsa.blob, { hashed: true })}\n`);
    expect(execFileSync('ssh-keygen', ['-F', '10.50.0.1', '-f', file], { encoding: 'utf8' })).toContain('ssh-ed25519');
    expect(execFileSync('ssh-keygen', ['-F', '[10.50.0.1]:2222', '-f', file], { encoding: 'utf8' })).toContain('ecdsa-sha2-nistp256');
    expect(() => execFileSync('ssh-keygen', ['-F', '10.50.0.9', '-f', file], { stdio: 'ignore' })).toThrow();
    expect(knownHostName('10.50.0.1', 2222)).toBe('[10.50.0.1]:2222');
  });

  it('reads entries that ssh-keygen hashed (-H), as Debian writes them', () => {
    const file = join(dir, 'keygen_hashed');
    writeFileSync(file, `[10.70.0.1]:2200 ${ed.line.split(' ').slice(0, 2).join(' ')}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const { entries } = parseKnownHosts(readFileSync(file, 'utf8'));
    expect(entries[0]!.hosts.kind).toBe('hashed');
    expect(entryMatchesHost(entries[0]!, '10.70.0.1', 2200)).toBe(true);
  });

  it('fingerprints keys exactly as ssh-keygen -l prints them', () => {
    for (const key of [ed, ecdsa]) {
      const expected = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', key.path], { encoding: 'utf8' }).split(' ')[1];
      expect(fingerprintOf(key.blob)).toBe(expected);
    }
  });

  it('classifies a presented key as known, unknown, changed (same or other type only) or revoked', () => {
    const presented = presentedHostKey('10.50.0.1', 22, ed.blob);
    const entriesFor = (lines: string[]) => parseKnownHosts(lines.join('\n')).entries;
    const bare = (key: { line: string }) => key.line.split(' ').slice(0, 2).join(' ');
    expect(checkHostKey(entriesFor([`10.50.0.1 ${bare(ed)}`]), presented).status).toBe('known');
    expect(checkHostKey(entriesFor([`10.50.0.2 ${bare(ed)}`]), presented).status).toBe('unknown');
    expect(checkHostKey(entriesFor([`10.50.0.1 ${bare(other)}`]), presented).status).toBe('changed');
    expect(checkHostKey(entriesFor([`10.50.0.1 ${bare(ecdsa)}`]), presented).status).toBe('changed');
    expect(checkHostKey(entriesFor([`10.50.0.1 ${bare(ed)}`, `@revoked 10.99.* ${bare(ed)}`]), presented).status).toBe('revoked');
    expect(recordedKeyTypes(entriesFor([`10.50.0.1 ${bare(ecdsa)}`, `10.50.0.1 ${bare(ed)}`]), '10.50.0.1', 22)).toEqual(['ecdsa-sha2-nistp256', 'ssh-ed25519']);
  });

  it('appends to a new file with owner-only permissions and to a file without a final newline', () => {
    const file = join(dir, 'sub', 'known_hosts');
    appendKnownHostsLine(file, 'first ssh-ed25519 AAAA');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'no-newline ssh-ed25519 AAAA');
    appendKnownHostsLine(file, 'second ssh-ed25519 BBBB');
    expect(readFileSync(file, 'utf8')).toBe('no-newline ssh-ed25519 AAAA\nsecond ssh-ed25519 BBBB\n');
    expect(readKnownHostsFile(join(dir, 'missing')).entries).toEqual([]);
  });
});
