import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyAuthMethod, AuthenticationType } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { classifyWeakAlgorithms, describeNegotiationFailure, sessionAlgorithms, weakAlgorithmWarnings, WEAK_ALGORITHMS } from '../../../src-main/core/collect/algorithms';
import { describeAuthFailure, planAuthentication } from '../../../src-main/core/collect/auth';
import { Redactor } from '../../../src-main/core/collect/redact';

const hasKeygen = existsSync('/usr/bin/ssh-keygen');

/** Drives an auth plan as ssh2 would: the server's remaining methods in, the chosen method out. */
function nextMethod(plan: ReturnType<typeof planAuthentication>, methodsLeft: AuthenticationType[] | null): AnyAuthMethod | false {
  let chosen: AnyAuthMethod | false = false;
  plan.handler(methodsLeft as AuthenticationType[], false, (method) => void (chosen = method as AnyAuthMethod | false));
  return chosen;
}

describe('authentication plan', () => {
  it('tries the agent, then the password, then keyboard-interactive, skipping what the server no longer accepts', () => {
    const plan = planAuthentication({ username: 'audit', agentSocket: '/tmp/agent.sock', password: 'pw' }, 'fw:22');
    expect(nextMethod(plan, null)).toMatchObject({ type: 'agent' });
    expect(nextMethod(plan, ['password', 'keyboard-interactive'])).toMatchObject({ type: 'password' });
    expect(nextMethod(plan, ['keyboard-interactive'])).toMatchObject({ type: 'keyboard-interactive' });
    expect(nextMethod(plan, ['keyboard-interactive'])).toBe(false);
    expect(describeAuthFailure(plan)).toBe('authentication failed (tried agent, password, keyboard-interactive; the device accepts keyboard-interactive)');
  });

  it('answers keyboard-interactive password prompts with the password, and nothing else', () => {
    const plan = planAuthentication({ username: 'audit', password: 'pw', keyboardInteractive: true }, 'fw:22');
    nextMethod(plan, null);
    const kbd = nextMethod(plan, ['keyboard-interactive']) as Extract<AnyAuthMethod, { type: 'keyboard-interactive' }>;
    const answers: string[][] = [];
    kbd.prompt('', '', '', [{ prompt: 'Password: ', echo: false }], (reply) => answers.push(reply));
    kbd.prompt('', '', '', [{ prompt: 'Verification code: ', echo: false }], (reply) => answers.push(reply));
    expect(answers).toEqual([['pw'], []]);
    expect(describeAuthFailure(plan)).toContain('keyboard-interactive asked "Verification code:", which is not a password prompt');
  });

  it('needs some way to log in', () => {
    expect(() => planAuthentication({ username: 'audit' }, 'fw:22')).toThrow('fw:22: no way to log in');
  });

  describe.runIf(hasKeygen)('private keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const key = (name: string, args: string[]) => {
      execFileSync('ssh-keygen', ['-q', ...args, '-C', 'k', '-f', join(dir, name)], { stdio: 'ignore' });
      return readFileSync(join(dir, name));
    };
    const openssh = key('openssh', ['-t', 'ed25519', '-N', 'correct horse']);
    const pem = key('pem', ['-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', 'battery staple']);

    it('reads encrypted OpenSSH and PEM keys with their passphrase', () => {
      expect(nextMethod(planAuthentication({ username: 'a', privateKey: { key: openssh, passphrase: 'correct horse', source: 'id_ed25519' } }, 'fw:22'), null)).toMatchObject({ type: 'publickey' });
      expect(nextMethod(planAuthentication({ username: 'a', privateKey: { key: pem, passphrase: 'battery staple', source: 'id_rsa' } }, 'fw:22'), null)).toMatchObject({ type: 'publickey' });
    });

    it('says before connecting that a passphrase is missing or wrong, without repeating it', () => {
      expect(() => planAuthentication({ username: 'a', privateKey: { key: openssh, source: 'id_ed25519' } }, 'fw:22')).toThrow(
        'fw:22: cannot use the private key id_ed25519: the key is encrypted and no passphrase was given',
      );
      const wrong = () => planAuthentication({ username: 'a', privateKey: { key: openssh, passphrase: 'Tr0ub4dor', source: 'id_ed25519' } }, 'fw:22');
      expect(wrong).toThrow('fw:22: cannot use the private key id_ed25519: wrong passphrase');
      expect(wrong).not.toThrow(/Tr0ub4dor/);
      expect(() => planAuthentication({ username: 'a', privateKey: { key: pem, passphrase: 'nope', source: 'id_rsa' } }, 'fw:22')).toThrow(/cannot use the private key id_rsa/);
    });
  });
});

describe('algorithms', () => {
  it('offers no weak algorithm unless asked, and the asked ones last', () => {
    const modern = sessionAlgorithms({}, []);
    for (const kind of ['kex', 'serverHostKey', 'cipher', 'hmac'] as const) {
      for (const weak of WEAK_ALGORITHMS[kind]) expect(modern[kind]).not.toContain(weak);
    }
    const classified = classifyWeakAlgorithms(['diffie-hellman-group1-sha1', 'ssh-rsa', 'aes128-cbc']);
    expect(classified).toEqual({ allowed: { kex: ['diffie-hellman-group1-sha1'], serverHostKey: ['ssh-rsa'], cipher: ['aes128-cbc'] } });
    const legacy = sessionAlgorithms('allowed' in classified ? classified.allowed : {}, []);
    expect((legacy.kex as string[]).at(-1)).toBe('diffie-hellman-group1-sha1');
    expect((legacy.cipher as string[]).at(-1)).toBe('aes128-cbc');
    expect(classifyWeakAlgorithms(['arcfour-ultra'])).toMatchObject({ error: expect.stringContaining('"arcfour-ultra" is not a legacy algorithm') });
  });

  it('offers the host key types known_hosts records first', () => {
    expect((sessionAlgorithms({}, ['ecdsa-sha2-nistp256']).serverHostKey as string[])[0]).toBe('ecdsa-sha2-nistp256');
    expect((sessionAlgorithms({}, ['ssh-rsa']).serverHostKey as string[]).slice(0, 2)).toEqual(['rsa-sha2-512', 'rsa-sha2-256']);
  });

  it('warns about weak algorithms in use and explains a failed negotiation', () => {
    expect(weakAlgorithmWarnings({ kex: 'diffie-hellman-group1-sha1', serverHostKey: 'ssh-ed25519', cipher: 'aes128-cbc', hmac: 'hmac-sha1' })).toHaveLength(2);
    expect(describeNegotiationFailure('Handshake failed: no matching key exchange algorithm', { kex: 'diffie-hellman-group1-sha1' })).toBe(
      'no key exchange algorithm in common with the device (it offers diffie-hellman-group1-sha1); it offers legacy diffie-hellman-group1-sha1, which can be allowed for this device (--allow-weak-algorithms)',
    );
  });
});

describe('redactor', () => {
  it('masks every credential, the longest first, and counts them', () => {
    const redactor = new Redactor(['Pa55', 'Pa55word!', undefined, '']);
    const text = 'Password: Pa55word!\r\nLast change: Pa55 by admin';
    expect(redactor.redact(text)).toBe('Password: ********\r\nLast change: ******** by admin');
    expect(redactor.count(text)).toBe(2);
  });
});
