import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CollectError } from '../../../src-main/core/collect/errors';
import { acceptNewHostKeys, fingerprintOf, refuseUnknownHostKeys, type HostKeyPolicy, type PresentedHostKey } from '../../../src-main/core/collect/host-key';
import { HostKeyGate } from '../../../src-main/core/collect/host-key-gate';

/** An ed25519 public key blob as SSH carries it (string "ssh-ed25519", string key). */
function ed25519Blob(): Buffer {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const name = Buffer.from('ssh-ed25519');
  const length = (n: number) => Buffer.from([0, 0, 0, n]);
  return Buffer.concat([length(name.length), name, length(raw.length), raw]);
}

const host = '10.50.0.1';
const label = '10.50.0.1:22';

function gateWith(knownHosts: string, policy: HostKeyPolicy) {
  const file = join(mkdtempSync(join(tmpdir(), 'gate-')), 'known_hosts');
  if (knownHosts) writeFileSync(file, knownHosts);
  return { file, gate: new HostKeyGate({ knownHostsFile: file, policy }, host, 22, label) };
}

describe('host key gate', () => {
  const key = ed25519Blob();
  const otherKey = ed25519Blob();
  const line = (blob: Buffer) => `${host} ssh-ed25519 ${blob.toString('base64')}\n`;

  it('lets a known key through and says which line vouched for it', async () => {
    const { gate } = gateWith(`# header\n${line(key)}`, refuseUnknownHostKeys);
    expect(await gate.verify(key)).toBeUndefined();
    expect(gate.trusted).toMatchObject({ trust: 'known', knownHostsLine: 2, fingerprint: fingerprintOf(key), keyType: 'ssh-ed25519' });
  });

  it('refuses an unknown key by default, with its fingerprint, and records nothing', async () => {
    const { gate, file } = gateWith('', refuseUnknownHostKeys);
    const error = await gate.verify(key);
    expect(error).toBeInstanceOf(CollectError);
    expect(error).toMatchObject({ step: 'host-key', failure: 'host-key-unknown' });
    expect(error!.message).toBe(
      `${label}: unknown host key ssh-ed25519 ${fingerprintOf(key)}: ${file} has no entry for ${host}; refused, nothing was sent. ` +
        'Check the fingerprint with the device owner, then trust it explicitly (wfos-audit pull --accept-new records it)',
    );
    gate.keyExchangeVerified();
    expect(existsSync(file)).toBe(false);
  });

  it('accept-new records the key hashed, and only once the key exchange has proved the device holds it', async () => {
    const { gate, file } = gateWith('', acceptNewHostKeys);
    expect(await gate.verify(key)).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    gate.keyExchangeVerified();
    const written = readFileSync(file, 'utf8');
    expect(written).toMatch(/^\|1\|[A-Za-z0-9+/=]{28}\|[A-Za-z0-9+/=]{28} ssh-ed25519 \S+\n$/);
    expect(written).not.toContain(host);
    expect(gate.trusted?.trust).toBe('recorded');
    const again = gateWith(written, refuseUnknownHostKeys);
    expect(await again.gate.verify(key)).toBeUndefined();
  });

  it('asks the policy (an app dialog) with the presented key and honours accept-once', async () => {
    const asked: PresentedHostKey[] = [];
    const { gate, file } = gateWith('', { unknownHostKey: async (presented) => (asked.push(presented), 'accept-once' as const) });
    expect(await gate.verify(key)).toBeUndefined();
    gate.keyExchangeVerified();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ host, port: 22, keyType: 'ssh-ed25519', fingerprint: fingerprintOf(key) });
    expect(gate.trusted?.trust).toBe('accepted-once');
    expect(existsSync(file)).toBe(false);
  });

  it('a changed key is a hard stop that names both fingerprints, whatever the policy says', async () => {
    let asked = false;
    const { gate, file } = gateWith(line(otherKey), { unknownHostKey: () => ((asked = true), 'accept-and-record') });
    const error = await gate.verify(key);
    expect(asked).toBe(false);
    expect(error).toMatchObject({ failure: 'host-key-changed' });
    expect(error!.message).toContain('the host key has CHANGED');
    expect(error!.message).toContain(`${file}:1 ssh-ed25519 ${fingerprintOf(otherKey)}`);
    expect(error!.message).toContain(`the device now presents ssh-ed25519 ${fingerprintOf(key)}`);
    expect(error!.message).toContain(`ssh-keygen -R '${host}' -f ${file}`);
    gate.keyExchangeVerified();
    expect(readFileSync(file, 'utf8')).toBe(line(otherKey));
  });

  it('a revoked key stops even when the host also has it recorded', async () => {
    const { gate } = gateWith(`${line(key)}@revoked * ssh-ed25519 ${key.toString('base64')}\n`, acceptNewHostKeys);
    expect((await gate.verify(key))?.message).toContain('is REVOKED');
  });

  it('a re-key in the middle of a session must present the same key', async () => {
    const { gate } = gateWith(line(key), refuseUnknownHostKeys);
    expect(await gate.verify(key)).toBeUndefined();
    expect(await gate.verify(key)).toBeUndefined();
    expect((await gate.verify(otherKey))?.failure).toBe('host-key-changed');
  });
});
