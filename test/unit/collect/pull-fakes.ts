import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SecretEncryption } from '../../../src-main/core/collect/credential-vault';
import { CollectError, targetLabel } from '../../../src-main/core/collect/errors';
import { EVIDENCE_SCHEMA } from '../../../src-main/core/collect/evidence';
import type { PresentedHostKey } from '../../../src-main/core/collect/host-key';
import type { PullResult, PullTarget } from '../../../src-main/core/collect/pull';
import type { PullManyOptions, PullOutcome } from '../../../src-main/core/collect/pull-many';
import type { pullMany } from '../../../src-main/core/collect/pull-many';

/** The configuration the ASA emulator serves: a real ASA's `show running-config`. */
export const ASA_CONFIG = readFileSync(fileURLToPath(new URL('../../fixtures/asa/dal-dc-fw01.txt', import.meta.url)), 'utf8');
export const FINGERPRINT = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';

/** What pullConfiguration returns for a device that answered well (or, with `incompleteReason`, one cut short). */
export function pulledResult(target: PullTarget, options: { configuration?: string; incompleteReason?: string; hostname?: string } = {}): PullResult {
  const configuration = options.configuration ?? ASA_CONFIG;
  const complete = options.incompleteReason === undefined;
  const port = target.port ?? 22;
  return {
    target: target.name ?? targetLabel(target.host, port),
    complete,
    ...(complete ? {} : { incompleteReason: options.incompleteReason }),
    configuration,
    transcript: configuration,
    evidence: {
      schema: EVIDENCE_SCHEMA,
      complete,
      ...(complete ? {} : { incompleteReason: options.incompleteReason }),
      target: { host: target.host, port, username: target.credentials.username, vendor: target.vendor },
      device: { hostname: options.hostname ?? 'dal-dc-fw01', version: '9.12(4)37', prompt: 'dal-dc-fw01#' },
      hostKey: { keyType: 'ssh-ed25519', fingerprint: FINGERPRINT, trust: 'recorded', knownHostsFile: '/tmp/known_hosts' },
      algorithms: { kex: 'curve25519-sha256', serverHostKey: 'ssh-ed25519', cipher: 'aes128-gcm@openssh.com', hmac: 'implicit (AEAD cipher)' },
      authMethod: 'password',
      startedAt: '2026-11-24T10:00:00.000Z',
      finishedAt: '2026-11-24T10:00:05.000Z',
      configuration: { sha256: createHash('sha256').update(configuration).digest('hex'), bytes: Buffer.byteLength(configuration), lines: configuration.split('\n').length - 1 },
      transcript: { sha256: createHash('sha256').update(configuration).digest('hex'), bytes: Buffer.byteLength(configuration) },
      sent: [],
      commands: [],
      redactions: 0,
      warnings: complete ? [] : ['the capture was cut short'],
      tool: { name: 'test', version: '0' },
    },
  };
}

/** A key the device presents, as the gate hands it to the policy. */
export function presentedKey(target: PullTarget): PresentedHostKey {
  return { host: target.host, port: target.port ?? 22, keyType: 'ssh-ed25519', key: Buffer.from('key'), fingerprint: FINGERPRINT, target: target.name! };
}

/** What one device does in a scripted collector: its own steps, then its outcome. */
export type DeviceScript = (target: PullTarget, options: PullManyOptions) => Promise<PullResult>;

/**
 * A collector that plays one script per device, all at once, reporting each outcome as the
 * real one does: a script that throws a CollectError is a failed device.
 */
export function scriptedCollector(scripts: readonly DeviceScript[]): typeof pullMany {
  return async (targets, options) =>
    Promise.all(
      targets.map(async (target, index): Promise<PullOutcome> => {
        const name = target.name!;
        let outcome: PullOutcome;
        try {
          const result = await scripts[index]!(target, options);
          outcome = { target: name, status: result.complete ? 'complete' : 'incomplete', result };
        } catch (error) {
          outcome = { target: name, status: 'failed', error: error instanceof CollectError ? error : new CollectError(name, 'connect', 'protocol', String(error)) };
        }
        options.onOutcome?.(outcome, index);
        return outcome;
      }),
    );
}

/** A device that connects, asks about its host key, and (if accepted) sends its configuration. */
export const askingDevice: DeviceScript = async (target, options) => {
  options.onProgress?.({ target: target.name!, phase: 'connecting' });
  options.onProgress?.({ target: target.name!, phase: 'host-key' });
  const decision = await options.hostKeys.policy.unknownHostKey(presentedKey(target));
  if (decision === 'refuse') throw new CollectError(targetLabel(target.host, target.port ?? 22), 'host-key', 'host-key-unknown', 'unknown host key ssh-ed25519 …; refused (wfos-audit pull --accept-new records it)');
  options.onProgress?.({ target: target.name!, phase: 'authenticating' });
  options.onProgress?.({ target: target.name!, phase: 'command', detail: 'show running-config' });
  options.onReceived?.({ target: target.name!, bytes: 4096 });
  return pulledResult(target);
};

/** Resolves when `check` holds, re-checking as the event loop turns. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 500; turn++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`never happened: ${what}`);
}

/** Stands in for the OS keychain: a reversible scramble under a key the file never holds, with a marker to prove it ran. */
export function fakeKeychain(options: { unavailable?: string; broken?: boolean } = {}): SecretEncryption & { sealed: number } {
  const scramble = (bytes: Buffer) => Buffer.from(bytes.map((byte, index) => byte ^ (0x5a + (index % 7))));
  return {
    sealed: 0,
    unavailableReason: () => options.unavailable,
    encrypt(plainText) {
      this.sealed += 1;
      return Buffer.concat([Buffer.from('KC1'), scramble(Buffer.from(plainText, 'utf8'))]);
    },
    decrypt(encrypted) {
      if (options.broken || !encrypted.subarray(0, 3).equals(Buffer.from('KC1'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return scramble(encrypted.subarray(3)).toString('utf8');
    },
  };
}
