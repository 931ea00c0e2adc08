import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { readCaptureEvidence } from '../../src-main/core/collect/index';
import { recordingIo } from '../helpers/cli-io';
import { ASA_FIXTURE, currentUser, ENABLE_PASSWORD, isRoot, PASSWORD_USER, PASSWORD_USER_PASSWORD, sshdAvailable, TestSshd } from '../helpers/sshd';

const lastLine = (text: string) => text.trim().split('\n').at(-1);

/** `wfos-audit pull` end to end through main(), against a real OpenSSH server running the ASA emulator. */
describe.runIf(sshdAvailable)('wfos-audit pull', () => {
  let sshd: TestSshd;
  const env = { WFOS_ENABLE: ENABLE_PASSWORD };
  beforeAll(async () => {
    sshd = await TestSshd.start();
  });
  afterAll(() => sshd?.stop());

  const pullArgs = (keyName: string, out: string, extra: string[] = [], modes: string[] = []) => {
    const key = sshd.addClientKey(keyName, { modes });
    return { key, args: ['pull', '--host', sshd.host, '--port', String(sshd.port), '--user', currentUser, '--identity', key.privateKeyPath, '--enable-password-env', 'WFOS_ENABLE', '--out', out, ...extra] };
  };

  it('writes the configuration, its transcript and evidence, and `parse` reads the same rules as from the saved fixture', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pull-cli-'));
    const knownHosts = join(dir, 'known_hosts');
    writeFileSync(knownHosts, `${sshd.knownHostsLine()}\n`);
    const { args } = pullArgs('cli', 'dal-dc-fw01.txt', ['--known-hosts', 'known_hosts']);
    const io = recordingIo(dir, env);
    expect(await main(args, io.cli)).toBe(0);

    expect(io.stdout).toBe(
      `dal-dc-fw01, version 9.12(4)37: 390 lines pulled from 127.0.0.1:${sshd.port} into dal-dc-fw01.txt\n` +
        `  configuration sha256 ${JSON.parse(readFileSync(join(dir, 'dal-dc-fw01.txt.evidence.json'), 'utf8')).configuration.sha256}\n` +
        `  host key ssh-ed25519 ${sshd.hostFingerprint()} (known)\n` +
        `  evidence ${join(dir, 'dal-dc-fw01.txt.evidence.json')}\n  transcript ${join(dir, 'dal-dc-fw01.txt.transcript.txt')}\n`,
    );
    expect(io.stderr).toContain(`127.0.0.1:${sshd.port}: connecting…\n`);
    expect(io.stderr).toContain(`127.0.0.1:${sshd.port}: running show running-config…\n`);
    expect(readFileSync(join(dir, 'dal-dc-fw01.txt'), 'utf8')).toBe(readFileSync(ASA_FIXTURE, 'utf8'));
    expect(statSync(join(dir, 'dal-dc-fw01.txt')).mode & 0o777).toBe(0o600);
    const evidence = JSON.parse(readFileSync(join(dir, 'dal-dc-fw01.txt.evidence.json'), 'utf8'));
    expect(evidence).toMatchObject({
      schema: 'wfos-audit-capture/1',
      complete: true,
      target: { host: '127.0.0.1', port: sshd.port, username: currentUser, vendor: 'cisco-asa' },
      device: { hostname: 'dal-dc-fw01', version: '9.12(4)37' },
      hostKey: { fingerprint: sshd.hostFingerprint(), trust: 'known' },
      configuration: { file: 'dal-dc-fw01.txt', lines: 390 },
      transcript: { file: 'dal-dc-fw01.txt.transcript.txt' },
      tool: { name: 'wfos-audit' },
    });
    expect(evidence.sent.map((sent: { command?: string; secret?: string }) => sent.command ?? sent.secret)).toContain('show running-config');

    // The pulled file parses to exactly what the saved configuration parses to.
    const saved = mkdtempSync(join(tmpdir(), 'saved-'));
    copyFileSync(ASA_FIXTURE, join(saved, 'dal-dc-fw01.txt'));
    const fromPull = recordingIo(dir);
    const fromSaved = recordingIo(saved);
    expect(await main(['parse', 'dal-dc-fw01.txt', '--json'], fromPull.cli)).toBe(0);
    expect(await main(['parse', 'dal-dc-fw01.txt', '--json'], fromSaved.cli)).toBe(0);
    expect(JSON.parse(fromPull.stdout).ruleLists.length).toBeGreaterThan(0);
    expect(fromPull.stdout).toBe(fromSaved.stdout);
  });

  it('refuses an unknown host unless --accept-new, then records it hashed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pull-cli-'));
    const { args } = pullArgs('cli-new-host', 'fw.txt', ['--known-hosts', 'kh']);
    const refused = recordingIo(dir, env);
    expect(await main(args, refused.cli)).toBe(2);
    expect(lastLine(refused.stderr)).toMatch(new RegExp(`^wfos-audit pull: 127\\.0\\.0\\.1:${sshd.port}: unknown host key ssh-ed25519 ${sshd.hostFingerprint().replace(/[+/]/g, '\\$&')}: .*--accept-new records it\\)$`));
    expect(readdirSync(dir)).toEqual([]);

    const accepted = recordingIo(dir, env);
    expect(await main([...args, '--accept-new'], accepted.cli)).toBe(0);
    expect(accepted.stdout).toContain('(new, recorded in known_hosts)');
    expect(readFileSync(join(dir, 'kh'), 'utf8')).toMatch(/^\|1\|/);
  });

  it('a changed host key stops with the word CHANGED, even with --accept-new', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pull-cli-'));
    const other = sshd.addClientKey('cli-other-key');
    writeFileSync(join(dir, 'kh'), `[127.0.0.1]:${sshd.port} ${readFileSync(`${other.privateKeyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
    const { args } = pullArgs('cli-changed', 'fw.txt', ['--known-hosts', 'kh', '--accept-new']);
    const io = recordingIo(dir, env);
    expect(await main(args, io.cli)).toBe(2);
    expect(lastLine(io.stderr)).toContain('the host key has CHANGED');
    expect(existsSync(join(dir, 'fw.txt'))).toBe(false);
  });

  it('an incomplete capture goes to FILE.incomplete with complete: false, exits 2, and an audit naming FILE refuses to run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pull-cli-'));
    writeFileSync(join(dir, 'kh'), `${sshd.knownHostsLine()}\n`);
    const { args } = pullArgs('cli-no-end', 'edge.txt', ['--known-hosts', 'kh'], ['no-end']);
    const io = recordingIo(dir, env);
    expect(await main(args, io.cli)).toBe(2);
    expect(lastLine(io.stderr)).toBe(
      `wfos-audit pull: 127.0.0.1:${sshd.port}: INCOMPLETE capture (the output does not end with ": end" (it ends with "Cryptochecksum:3b6e3a9fd1a2c6a0b1c7d2e8f4a5b6c7")); ` +
        `the partial configuration is in ${join(dir, 'edge.txt.incomplete')}, not in edge.txt: do not audit it`,
    );
    expect(existsSync(join(dir, 'edge.txt'))).toBe(false);
    expect(existsSync(join(dir, 'edge.txt.evidence.json'))).toBe(false);
    const evidence = JSON.parse(readFileSync(join(dir, 'edge.txt.incomplete.evidence.json'), 'utf8'));
    expect(evidence).toMatchObject({ complete: false, incompleteReason: expect.stringContaining('": end"'), configuration: { file: 'edge.txt.incomplete' } });
    // What an audit can check before trusting a pulled file.
    expect(readCaptureEvidence(join(dir, 'edge.txt.incomplete'))?.complete).toBe(false);
    expect(readCaptureEvidence(join(dir, 'site.yaml'))).toBeUndefined();

    writeFileSync(join(dir, 'site.yaml'), 'site: S\ncustomer: C\nroles:\n  Recorder: 10.10.20.11\nfirewalls:\n  - name: edge\n    file: edge.txt\n');
    const audit = recordingIo(dir);
    expect(await main(['audit', '--site', 'site.yaml'], audit.cli)).toBe(2);
    expect(audit.stderr).toContain('edge.txt does not exist');
  });

  it.runIf(isRoot)('logs in with --password-env and leaves the password nowhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pull-cli-'));
    writeFileSync(join(dir, 'kh'), `${sshd.knownHostsLine()}\n`);
    const io = recordingIo(dir, { ...env, FW_PASSWORD: PASSWORD_USER_PASSWORD });
    const args = ['pull', '--host', sshd.host, '--port', String(sshd.port), '--user', PASSWORD_USER, '--password-env', 'FW_PASSWORD', '--enable-password-env', 'WFOS_ENABLE', '--known-hosts', 'kh', '--out', 'fw.txt'];
    expect(await main(args, io.cli)).toBe(0);
    const everything = [io.stdout, io.stderr, ...readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'))].join('\n');
    expect(everything).toContain('Last credential change: ********');
    expect(everything).not.toContain(PASSWORD_USER_PASSWORD);
    expect(everything).not.toContain(ENABLE_PASSWORD);
  });

  it('bad input is one line, exit 2', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [['pull', '--host', 'fw', '--user', 'u', '--password-env', 'NOPE', '--out', 'x'], {}, 'wfos-audit pull: --password-env NOPE: the environment variable NOPE is not set'],
      [['pull', '--host', 'fw', '--user', 'u', '--out', 'x'], {}, 'wfos-audit pull: no way to log in: give --identity KEY or --password-env VAR (or run an ssh-agent: SSH_AUTH_SOCK)'],
      [['pull', '--host', 'fw', '--user', 'u', '--identity', 'missing-key', '--out', 'x'], {}, 'wfos-audit pull: cannot read the identity file missing-key: no such file'],
      [['pull', '--user', 'u', '--out', 'x'], {}, 'wfos-audit pull: --host H is required'],
      [['pull', '--host', 'fw', '--port', '99999', '--user', 'u', '--out', 'x'], {}, 'wfos-audit pull: --port 99999: expected a whole number from 1 to 65535'],
      [['pull', '--host', 'fw', '--user', 'u', '--password-env', 'P', '--vendor', 'junos', '--out', 'x'], { P: 'p' }, 'wfos-audit pull: fw:22: no SSH profile for vendor "junos" (known: cisco-asa)'],
      [['pull', '--host', 'fw', '--user', 'u', '--password-env', 'P', '--allow-weak-algorithms', 'rc4', '--out', 'x'], { P: 'p' }, 'wfos-audit pull: fw:22: "rc4" is not a legacy algorithm'],
    ];
    for (const [args, environment, message] of cases) {
      const io = recordingIo(tmpdir(), environment);
      expect(await main(args, io.cli)).toBe(2);
      expect(io.stderr.trim().split('\n')).toHaveLength(1);
      expect(io.stderr).toContain(message);
    }
  });

  it('is listed in --help and has its own', async () => {
    const top = recordingIo();
    await main(['--help'], top.cli);
    expect(top.stdout).toMatch(/^ {2}pull {2,}pull a live configuration over SSH, read-only/m);
    const own = recordingIo();
    expect(await main(['pull', '--help'], own.cli)).toBe(0);
    expect(own.stdout).toContain('--accept-new');
  });
});
