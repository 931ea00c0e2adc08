import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredentialVault } from '../../../src-main/core/collect/credential-vault';
import type { TypedDevice } from '../../../src-main/core/collect/pull-job-schema';
import { fakeKeychain } from './pull-fakes';

const PASSWORD = 'Tr0ub4dor&3';
const PASSPHRASE = 'correct horse battery staple';
const ENABLE = 'Enable-S3cret!';
const KEY = Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n');

function device(extra: Partial<TypedDevice> = {}): TypedDevice {
  return {
    kind: 'typed',
    host: '10.50.0.1',
    port: 22,
    vendor: 'cisco-asa',
    login: { username: 'audit', auth: { method: 'key', keyFileName: 'id_ed25519', keyBase64: KEY.toString('base64'), passphrase: PASSPHRASE } },
    enablePassword: ENABLE,
    jump: { host: 'bastion.example', port: 2222, login: { username: 'hop', auth: { method: 'password', password: PASSWORD } } },
    remember: true,
    ...extra,
  };
}

const vaultFile = () => join(mkdtempSync(join(tmpdir(), 'wfos-vault-')), 'config', 'ssh-logins.json');

describe('remembered SSH logins', () => {
  it('seals the secrets with the keychain: the file names where and who, and holds no secret in clear', () => {
    const keychain = fakeKeychain();
    const vault = new CredentialVault(vaultFile(), keychain);
    expect(vault.availability()).toEqual({ available: true });
    const login = vault.remember(device(), new Date('2026-11-24T10:00:00Z'));

    expect(login).toEqual({
      id: login.id,
      host: '10.50.0.1',
      port: 22,
      username: 'audit',
      vendor: 'cisco-asa',
      auth: 'key',
      keyFileName: 'id_ed25519',
      enable: true,
      jump: { host: 'bastion.example', port: 2222, username: 'hop', auth: 'password' },
      savedAt: '2026-11-24T10:00:00.000Z',
    });
    expect(keychain.sealed).toBe(1);
    const text = readFileSync(vault.file, 'utf8');
    for (const secret of [PASSWORD, PASSPHRASE, ENABLE, KEY.toString('base64'), 'BEGIN OPENSSH']) expect(text).not.toContain(secret);
    expect(statSync(vault.file).mode & 0o777).toBe(0o600);
    expect(vault.list()).toEqual([login]);

    // Unsealed, it is the device exactly as the form sent it (without asking to remember it again).
    expect(vault.recall(login.id)).toEqual({ ...device(), remember: false });
  });

  it('keeps one login per user, host and jump host: remembering again replaces it', () => {
    const vault = new CredentialVault(vaultFile(), fakeKeychain());
    const first = vault.remember(device());
    const again = vault.remember(device({ login: { username: 'audit', auth: { method: 'password', password: 'N3w-Pass' } } }));
    const other = vault.remember(device({ host: '10.50.0.2' }));
    expect(again.id).toBe(first.id);
    expect(vault.list().map((login) => [login.host, login.auth])).toEqual([
      ['10.50.0.1', 'password'],
      ['10.50.0.2', 'key'],
    ]);
    expect(vault.forget(first.id).map((login) => login.id)).toEqual([other.id]);
    expect(() => vault.recall(first.id)).toThrow('that remembered login is no longer kept: type it again');
  });

  it('remembers nothing without a keychain, and says why', () => {
    const serve = new CredentialVault(vaultFile(), undefined, 'the app runs in a browser (serve mode)');
    expect(serve.availability()).toEqual({ available: false, why: 'the app runs in a browser (serve mode)' });
    expect(() => serve.remember(device())).toThrow('logins cannot be remembered: the app runs in a browser (serve mode)');
    expect(existsSync(serve.file)).toBe(false);

    const noKeyring = new CredentialVault(vaultFile(), fakeKeychain({ unavailable: 'no keyring (GNOME Keyring or KWallet) is running for this session' }));
    expect(noKeyring.availability().available).toBe(false);
    expect(() => noKeyring.remember(device())).toThrow('no keyring');
  });

  it('says plainly when the keychain can no longer unseal a login, without a secret in the message', () => {
    const file = vaultFile();
    const login = new CredentialVault(file, fakeKeychain()).remember(device());
    const error = (() => {
      try {
        new CredentialVault(file, fakeKeychain({ broken: true })).recall(login.id);
      } catch (caught) {
        return (caught as Error).message;
      }
      return '';
    })();
    expect(error).toBe('the remembered login for audit@10.50.0.1:22 cannot be unsealed (Error while decrypting the ciphertext provided to safeStorage.decryptString.): forget it and type it again');
  });

  it('reads a damaged file as no logins, and the next one remembered replaces it', () => {
    const file = vaultFile();
    const vault = new CredentialVault(file, fakeKeychain());
    vault.remember(device());
    writeFileSync(file, '{"format":"wfos-audit/ssh-logins","logins":[{"id":');
    expect(vault.list()).toEqual([]);
    vault.remember(device({ host: '10.50.0.7' }));
    expect(vault.list().map((login) => login.host)).toEqual(['10.50.0.7']);
  });
});
