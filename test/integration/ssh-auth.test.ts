import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptNewHostKeys, CollectError, pullConfiguration, refuseUnknownHostKeys, type HostKeyPolicy, type PullOptions, type PullTarget } from '../../src-main/core/collect/index';
import { fingerprintOf } from '../../src-main/core/collect/host-key';
import { ENABLE_PASSWORD, isRoot, PASSWORD_USER, PASSWORD_USER_PASSWORD, sshdAvailable, TestSshd } from '../helpers/sshd';

const hasAgent = existsSync('/usr/bin/ssh-agent') && existsSync('/usr/bin/ssh-add');

async function failureOf(pending: Promise<unknown>): Promise<CollectError> {
  const error = await pending.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CollectError);
  return error as CollectError;
}

/** Logging in (keys, passphrases, agent, password, keyboard-interactive, jump host, legacy algorithms) and trusting host keys, against real OpenSSH. */
describe.runIf(sshdAvailable)('SSH logins and host keys', () => {
  let sshd: TestSshd;
  let options: PullOptions;
  const label = () => `127.0.0.1:${sshd.port}`;

  beforeAll(async () => {
    sshd = await TestSshd.start();
    options = { hostKeys: { knownHostsFile: sshd.knownHostsFile(), policy: refuseUnknownHostKeys } };
  });
  afterAll(() => sshd?.stop());

  describe('logins', () => {
    it('a passphrase-protected OpenSSH key', async () => {
      const key = sshd.addClientKey('openssh-passphrase', { passphrase: 'correct horse battery' });
      const target = sshd.keyTarget(key);
      target.credentials.privateKey!.passphrase = 'correct horse battery';
      const result = await pullConfiguration(target, options);
      expect(result.complete).toBe(true);
      expect(JSON.stringify(result.evidence) + result.transcript).not.toContain('correct horse battery');
    });

    it('a passphrase-protected PEM (RSA) key', async () => {
      const key = sshd.addClientKey('pem-passphrase', { passphrase: 'pem pass phrase', format: 'pem' });
      expect(readFileSync(key.privateKeyPath, 'utf8')).toContain('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED');
      const target = sshd.keyTarget(key);
      target.credentials.privateKey!.passphrase = 'pem pass phrase';
      expect((await pullConfiguration(target, options)).evidence.authMethod).toBe('publickey');
    });

    it('a key the server does not know fails authentication, saying what was tried', async () => {
      const stranger = sshd.addClientKey('stranger');
      writeFileSync(join(sshd.dir, 'authorized_keys'), readFileSync(join(sshd.dir, 'authorized_keys'), 'utf8').split('\n').filter((line) => !line.includes(stranger.log)).join('\n'));
      const error = await failureOf(pullConfiguration(sshd.keyTarget(stranger), options));
      expect(error.message).toBe(`${label()}: authentication failed (tried publickey; the device accepts publickey, password, keyboard-interactive)`);
      expect(error).toMatchObject({ step: 'auth', failure: 'auth-failed' });
    });

    describe.runIf(hasAgent)('through ssh-agent', () => {
      let agent: ChildProcess;
      const socket = () => join(sshd.dir, 'agent.sock');
      beforeAll(async () => {
        agent = spawn('ssh-agent', ['-D', '-a', socket()], { stdio: 'ignore' });
        for (let waited = 0; !existsSync(socket()) && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      });
      afterAll(() => void agent?.kill());

      it('uses the agent\'s key (SSH_AUTH_SOCK)', async () => {
        const key = sshd.addClientKey('agent');
        execFileSync('ssh-add', ['-q', key.privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket() }, stdio: 'ignore' });
        const target: PullTarget = { ...sshd.keyTarget(key), credentials: { username: sshd.keyTarget(key).credentials.username, agentSocket: socket() } };
        const result = await pullConfiguration(target, options);
        expect(result.complete).toBe(true);
        expect(result.evidence.authMethod).toBe('agent');
        expect(sshd.received(key.log)).toContain('show running-config');
      });
    });

    // Password logins need a local account with a known password: the helper creates one, as root only.
    describe.runIf(isRoot)('with a password (a dedicated test account; root only)', () => {
      const passwordTarget = (password: string): PullTarget => ({
        host: sshd.host,
        port: sshd.port,
        vendor: 'cisco-asa',
        credentials: { username: PASSWORD_USER, password },
        enablePassword: ENABLE_PASSWORD,
      });

      it('logs in, and masks the password the device prints back', async () => {
        const result = await pullConfiguration(passwordTarget(PASSWORD_USER_PASSWORD), options);
        expect(result.complete).toBe(true);
        expect(result.evidence.authMethod).toBe('password');
        expect(result.transcript).toContain('Last credential change: ********');
        for (const kept of [result.transcript, result.configuration, JSON.stringify(result.evidence)]) {
          expect(kept).not.toContain(PASSWORD_USER_PASSWORD);
          expect(kept).not.toContain(ENABLE_PASSWORD);
        }
      });

      it('a wrong password fails after password and keyboard-interactive, and the message does not repeat it', async () => {
        const error = await failureOf(pullConfiguration(passwordTarget('Not-The-Pa55'), options));
        // OpenSSH without PAM still advertises keyboard-interactive on Linux, but has no device to
        // ask with, so that attempt always fails; with PAM it prompts (next test).
        expect(error.message).toBe(`${label()}: authentication failed (tried password, keyboard-interactive; the device accepts publickey, password, keyboard-interactive)`);
        expect(error.message + String(error.stack)).not.toContain('Not-The-Pa55');
      });

      it('keyboard-interactive answers the password prompt (OpenSSH offers it through PAM)', async () => {
        const pam = await TestSshd.start({ usePam: true, config: ['PasswordAuthentication no'] });
        try {
          const target = { ...passwordTarget(PASSWORD_USER_PASSWORD), port: pam.port };
          const result = await pullConfiguration(target, { hostKeys: { knownHostsFile: pam.knownHostsFile(), policy: refuseUnknownHostKeys } });
          expect(result.complete).toBe(true);
          expect(result.evidence.authMethod).toBe('keyboard-interactive');
          expect(result.transcript).not.toContain(PASSWORD_USER_PASSWORD);
        } finally {
          await pam.stop();
        }
      });
    });
  });

  describe('host keys', () => {
    it('an unknown host is refused with its fingerprint; nothing is recorded, no session starts', async () => {
      const key = sshd.addClientKey('unknown-host');
      const knownHostsFile = join(sshd.dir, 'empty_known_hosts');
      const error = await failureOf(pullConfiguration(sshd.keyTarget(key), { hostKeys: { knownHostsFile, policy: refuseUnknownHostKeys } }));
      expect(error).toMatchObject({ step: 'host-key', failure: 'host-key-unknown' });
      expect(error.message).toContain(`${label()}: unknown host key ssh-ed25519 ${sshd.hostFingerprint()}: ${knownHostsFile} has no entry for [127.0.0.1]:${sshd.port}`);
      expect(existsSync(knownHostsFile)).toBe(false);
      expect(existsSync(key.log)).toBe(false);
    });

    it('accept-new records the key hashed, where OpenSSH finds it, and the next pull knows the host', async () => {
      const key = sshd.addClientKey('accept-new');
      const knownHostsFile = join(sshd.dir, 'new_known_hosts');
      const first = await pullConfiguration(sshd.keyTarget(key), { hostKeys: { knownHostsFile, policy: acceptNewHostKeys } });
      expect(first.evidence.hostKey.trust).toBe('recorded');
      const recorded = readFileSync(knownHostsFile, 'utf8');
      expect(recorded).toMatch(/^\|1\|\S+\|\S+ ssh-ed25519 \S+\n$/);
      expect(recorded).not.toContain('127.0.0.1');
      expect(execFileSync('ssh-keygen', ['-F', `[127.0.0.1]:${sshd.port}`, '-f', knownHostsFile], { encoding: 'utf8' })).toContain('ssh-ed25519');
      const second = await pullConfiguration(sshd.keyTarget(key), { hostKeys: { knownHostsFile, policy: refuseUnknownHostKeys } });
      expect(second.evidence.hostKey).toMatchObject({ trust: 'known', knownHostsLine: 1 });
    });

    it('an app policy is asked about an unknown key and may refuse or accept it for this session only', async () => {
      const key = sshd.addClientKey('policy');
      const knownHostsFile = join(sshd.dir, 'policy_known_hosts');
      const asked: string[] = [];
      const policy = (answer: 'refuse' | 'accept-once'): HostKeyPolicy => ({ unknownHostKey: (presented) => (asked.push(presented.fingerprint), answer) });
      await expect(pullConfiguration(sshd.keyTarget(key), { hostKeys: { knownHostsFile, policy: policy('refuse') } })).rejects.toMatchObject({ failure: 'host-key-unknown' });
      const once = await pullConfiguration(sshd.keyTarget(key), { hostKeys: { knownHostsFile, policy: policy('accept-once') } });
      expect(once.evidence.hostKey.trust).toBe('accepted-once');
      expect(asked).toEqual([sshd.hostFingerprint(), sshd.hostFingerprint()]);
      expect(existsSync(knownHostsFile)).toBe(false);
    });

    it('a changed key is a hard stop naming both fingerprints, even with accept-new; known_hosts is left alone', async () => {
      const key = sshd.addClientKey('changed');
      const impostor = sshd.addClientKey('impostor-key');
      const impostorKey = readFileSync(`${impostor.privateKeyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
      const knownHostsFile = join(sshd.dir, 'changed_known_hosts');
      const before = `# the device's key as recorded last year\n[127.0.0.1]:${sshd.port} ${impostorKey}\n`;
      writeFileSync(knownHostsFile, before);
      const error = await failureOf(pullConfiguration(sshd.keyTarget(key), { hostKeys: { knownHostsFile, policy: acceptNewHostKeys } }));
      expect(error).toMatchObject({ step: 'host-key', failure: 'host-key-changed' });
      const recordedFingerprint = fingerprintOf(Buffer.from(impostorKey.split(' ')[1]!, 'base64'));
      expect(error.message).toContain(`${label()}: the host key has CHANGED: recorded ${knownHostsFile}:2 ssh-ed25519 ${recordedFingerprint}; the device now presents ssh-ed25519 ${sshd.hostFingerprint()}`);
      expect(readFileSync(knownHostsFile, 'utf8')).toBe(before);
      expect(existsSync(key.log)).toBe(false);
    });

    it('a known host behind a jump host', async () => {
      const key = sshd.addClientKey('behind-jump');
      const jumpKey = sshd.addClientKey('jump', { permitOpen: `127.0.0.1:${sshd.port}` });
      const jumpCredentials = sshd.keyTarget(jumpKey).credentials;
      const result = await pullConfiguration(sshd.keyTarget(key, { jump: { host: sshd.host, port: sshd.port, credentials: jumpCredentials } }), options);
      expect(result.complete).toBe(true);
      expect(result.evidence.target.via).toBe(label());
      expect(sshd.serverLog()).toMatch(/direct-tcpip|Connection from 127\.0\.0\.1/);
    });
  });

  describe('a person slower than the device\'s login grace time', () => {
    let strict: TestSshd;
    beforeAll(async () => {
      strict = await TestSshd.start({ config: ['LoginGraceTime 2'] });
    });
    afterAll(() => strict?.stop());
    const slowly = (answer: 'refuse' | 'accept-and-record', asked: string[]): HostKeyPolicy => ({
      unknownHostKey: async (presented) => {
        asked.push(presented.fingerprint);
        await new Promise((resolve) => setTimeout(resolve, 3500));
        return answer;
      },
    });

    it('is asked once: the pull connects again after the device hung up, and records the key then', async () => {
      const key = strict.addClientKey('slow-accept');
      const knownHostsFile = join(strict.dir, 'slow_known_hosts');
      const asked: string[] = [];
      const phases: string[] = [];
      const result = await pullConfiguration(strict.keyTarget(key), {
        hostKeys: { knownHostsFile, policy: slowly('accept-and-record', asked) },
        onProgress: (event) => phases.push(`${event.phase}${event.detail?.startsWith('again') ? ` ${event.detail}` : ''}`),
      });
      expect(result.complete).toBe(true);
      expect(asked).toEqual([strict.hostFingerprint()]);
      expect(phases).toContain('connecting again: the device closed the connection while its host key was being decided');
      expect(result.evidence.hostKey.trust).toBe('recorded');
      expect(readFileSync(knownHostsFile, 'utf8')).toMatch(/^\|1\|\S+\|\S+ ssh-ed25519 \S+\n$/);
    }, 20_000);

    it('who refuses gets the refusal, not the hang-up, and nothing is recorded', async () => {
      const key = strict.addClientKey('slow-refuse');
      const knownHostsFile = join(strict.dir, 'slow_refused_known_hosts');
      const asked: string[] = [];
      const error = await failureOf(pullConfiguration(strict.keyTarget(key), { hostKeys: { knownHostsFile, policy: slowly('refuse', asked) } }));
      expect(error).toMatchObject({ step: 'host-key', failure: 'host-key-unknown' });
      expect(asked).toHaveLength(1);
      expect(existsSync(knownHostsFile)).toBe(false);
    }, 20_000);
  });

  describe('legacy algorithms', () => {
    let legacy: TestSshd;
    beforeAll(async () => {
      legacy = await TestSshd.start({
        hostKeyType: 'rsa',
        config: ['KexAlgorithms diffie-hellman-group1-sha1,diffie-hellman-group14-sha1', 'Ciphers aes128-cbc', 'HostKeyAlgorithms ssh-rsa', 'MACs hmac-sha1'],
      });
    });
    afterAll(() => legacy?.stop());

    it('are not offered unless asked: the error says what the device offers', async () => {
      const key = legacy.addClientKey('modern-only');
      const error = await failureOf(pullConfiguration(legacy.keyTarget(key), { hostKeys: { knownHostsFile: legacy.knownHostsFile(), policy: refuseUnknownHostKeys } }));
      expect(error).toMatchObject({ step: 'connect', failure: 'algorithms' });
      expect(error.message).toBe(
        `127.0.0.1:${legacy.port}: no key exchange algorithm in common with the device (it offers diffie-hellman-group1-sha1, diffie-hellman-group14-sha1); ` +
          'it offers legacy diffie-hellman-group1-sha1, diffie-hellman-group14-sha1, which can be allowed for this device (--allow-weak-algorithms)',
      );
    });

    it('when asked, reach the old device and leave warnings in the evidence', async () => {
      const key = legacy.addClientKey('legacy');
      const target = legacy.keyTarget(key, { weakAlgorithms: ['diffie-hellman-group1-sha1', 'ssh-rsa', 'aes128-cbc'] });
      const result = await pullConfiguration(target, { hostKeys: { knownHostsFile: legacy.knownHostsFile(), policy: refuseUnknownHostKeys } });
      expect(result.complete).toBe(true);
      expect(result.evidence.algorithms).toEqual({ kex: 'diffie-hellman-group1-sha1', serverHostKey: 'ssh-rsa', cipher: 'aes128-cbc', hmac: 'hmac-sha1' });
      expect(result.evidence.warnings).toEqual([
        'weak algorithms were allowed for this device: diffie-hellman-group1-sha1, ssh-rsa, aes128-cbc',
        'the session used the weak key exchange algorithm diffie-hellman-group1-sha1, allowed for this device only because it was asked for',
        'the session used the weak host key algorithm ssh-rsa, allowed for this device only because it was asked for',
        'the session used the weak cipher algorithm aes128-cbc, allowed for this device only because it was asked for',
      ]);
    });
  });
});
