import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { auditResultSchema } from '../../src-main/core/engine/index';
import { recordingIo } from '../helpers/cli-io';
import { ASA_FIXTURE, currentUser, ENABLE_PASSWORD, sshdAvailable, TestSshd } from '../helpers/sshd';

const demoSite = readFileSync(fileURLToPath(new URL('../../resources/demo/site.yaml', import.meta.url)), 'utf8');
/** The demo site's roles and the rest, without its firewalls: the tests add their own. */
const demoWithoutFirewalls = demoSite.slice(0, demoSite.indexOf('\nfirewalls:') + 1);
const env = { WFOS_ENABLE: ENABLE_PASSWORD };

function readJson(path: string) {
  return auditResultSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** `wfos-audit audit --pull` end to end through main(), against a real OpenSSH server running the ASA emulator. */
describe.runIf(sshdAvailable)('wfos-audit audit --pull', () => {
  let sshd: TestSshd;
  beforeAll(async () => {
    sshd = await TestSshd.start();
  });
  afterAll(() => sshd?.stop());

  /** A folder holding a site with the demo roles whose one firewall is the emulator, over SSH. */
  const sshSite = (keyName: string, options: { modes?: string[]; username?: boolean } = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-pull-'));
    const key = sshd.addClientKey(keyName, { modes: options.modes ?? [] });
    const user = options.username === false ? '' : `, username: ${currentUser}`;
    writeFileSync(join(dir, 'site.yaml'), `${demoWithoutFirewalls}firewalls:\n  - name: dal-dc-fw01\n    ssh: { host: ${sshd.host}, port: ${sshd.port}, vendor: cisco-asa${user} }\n`);
    const args = ['audit', '--site', 'site.yaml', '--pull', '--identity', key.privateKeyPath, '--enable-password-env', 'WFOS_ENABLE', '--known-hosts', 'kh'];
    return { dir, key, args };
  };

  it('pulls the ssh: firewall with evidence, then audits it exactly as the same configuration saved as a file', async () => {
    const { dir, args } = sshSite('audit-pull', { username: false });
    const io = recordingIo(dir, env);
    expect(await main([...args, '--accept-new', '--user', currentUser, '--json', 'pulled.json', '--csv', 'report'], io.cli)).toBe(0);

    // Pulled into pulled/ beside the site file, with its transcript and evidence, owner-only.
    const pulledFile = join(dir, 'pulled', 'dal-dc-fw01.txt');
    expect(readFileSync(pulledFile, 'utf8')).toBe(readFileSync(ASA_FIXTURE, 'utf8'));
    expect(statSync(pulledFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'pulled')).sort()).toEqual(['dal-dc-fw01.txt', 'dal-dc-fw01.txt.evidence.json', 'dal-dc-fw01.txt.transcript.txt']);
    const evidence = JSON.parse(readFileSync(`${pulledFile}.evidence.json`, 'utf8'));
    expect(evidence).toMatchObject({ complete: true, target: { host: '127.0.0.1', port: sshd.port, username: currentUser }, hostKey: { trust: 'recorded' } });
    expect(readFileSync(join(dir, 'kh'), 'utf8')).toMatch(/^\|1\|/);

    // Progress per device on stderr, then the audit.
    const device = `dal-dc-fw01 (127.0.0.1:${sshd.port})`;
    expect(io.stderr).toContain(`${device}: connecting…\n`);
    expect(io.stderr).toContain(`${device}: running show running-config…\n`);
    expect(io.stderr).toContain(`${device}: 390 lines pulled into pulled/dal-dc-fw01.txt, host key ssh-ed25519 ${sshd.hostFingerprint()} (new, recorded in known_hosts)\n`);
    expect(io.stderr).toContain('reading dal-dc-fw01 (pulled/dal-dc-fw01.txt)…\n');
    expect(io.stdout).toContain(`    pulled over SSH from 127.0.0.1:${sshd.port} at ${evidence.finishedAt}, host key ssh-ed25519 ${sshd.hostFingerprint()} (recorded), evidence pulled/dal-dc-fw01.txt.evidence.json\n`);

    // The same configuration as a saved file, in a site with the same roles.
    mkdirSync(join(dir, 'saved'));
    copyFileSync(ASA_FIXTURE, join(dir, 'saved', 'dal-dc-fw01.txt'));
    writeFileSync(join(dir, 'saved.yaml'), `${demoWithoutFirewalls}firewalls:\n  - name: dal-dc-fw01\n    file: saved/dal-dc-fw01.txt\n`);
    expect(await main(['audit', '--site', 'saved.yaml', '--json', 'saved.json'], recordingIo(dir).cli)).toBe(0);

    const pulled = readJson(join(dir, 'pulled.json'));
    const saved = readJson(join(dir, 'saved.json'));
    expect(pulled.flows).toEqual(saved.flows);
    expect(pulled.findings).toEqual(saved.findings);
    expect(pulled.summary).toEqual(saved.summary);
    // Not vacuous: the fixture leaves the demo roles with gaps to find.
    expect(pulled.summary.flows.allowed).toBeGreaterThan(0);
    expect(pulled.findings.length).toBeGreaterThan(0);

    // The source says it was pulled: where from, with which key, when, and where the evidence is.
    const { pulled: from, ...source } = pulled.sources[0]!;
    expect(source).toEqual({ ...saved.sources[0], file: 'pulled/dal-dc-fw01.txt' });
    expect(saved.sources[0]!.pulled).toBeUndefined();
    expect(from).toEqual({
      host: '127.0.0.1',
      port: sshd.port,
      username: currentUser,
      hostKey: `ssh-ed25519 ${sshd.hostFingerprint()}`,
      hostKeyTrust: 'recorded',
      capturedAt: evidence.finishedAt,
      evidence: 'pulled/dal-dc-fw01.txt.evidence.json',
    });
    // The report found the evidence beside the pulled file.
    const evidenceTable = readFileSync(join(dir, 'report', 'evidence.csv'), 'utf8');
    expect(evidenceTable).toContain(`pulled over SSH from ${currentUser}@127.0.0.1:${sshd.port} on `);
    expect(evidenceTable).toContain(`host key ssh-ed25519 ${sshd.hostFingerprint()}`);
    expect(evidenceTable).not.toContain('WARNING');
  });

  it('an unknown host key without --accept-new stops the audit: exit 2, one line naming the firewall, host and step', async () => {
    const { dir, key, args } = sshSite('audit-unknown-host');
    const io = recordingIo(dir, env);
    expect(await main([...args, '--json', 'out.json'], io.cli)).toBe(2);
    const failures = io.stderr.split('\n').filter((line) => line.startsWith('wfos-audit audit:'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(new RegExp(`^wfos-audit audit: dal-dc-fw01: pull failed at step host-key: 127\\.0\\.0\\.1:${sshd.port}: unknown host key ssh-ed25519 `));
    expect(io.stderr).not.toContain('auditing');
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    expect(existsSync(join(dir, 'pulled', 'dal-dc-fw01.txt'))).toBe(false);
    expect(existsSync(join(dir, 'kh'))).toBe(false);
    // Nothing was sent to the device.
    expect(sshd.received(key.log)).toEqual([]);
  });

  it('a changed host key stops the audit even with --accept-new', async () => {
    const { dir, args } = sshSite('audit-changed-host');
    const other = sshd.addClientKey('audit-changed-host-other');
    writeFileSync(join(dir, 'kh'), `[127.0.0.1]:${sshd.port} ${readFileSync(`${other.privateKeyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
    const io = recordingIo(dir, env);
    expect(await main([...args, '--accept-new', '--json', 'out.json'], io.cli)).toBe(2);
    const failures = io.stderr.split('\n').filter((line) => line.startsWith('wfos-audit audit:'));
    expect(failures).toEqual([expect.stringMatching(new RegExp(`^wfos-audit audit: dal-dc-fw01: pull failed at step host-key: 127\\.0\\.0\\.1:${sshd.port}: the host key has CHANGED`))]);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('one device failing stops the audit of all, while the others are still pulled and saved', async () => {
    const { dir, args } = sshSite('audit-two');
    const site = readFileSync(join(dir, 'site.yaml'), 'utf8');
    writeFileSync(join(dir, 'site.yaml'), `${site}  - name: edge\n    ssh: { host: ${sshd.host}, port: ${sshd.port}, username: no-such-user }\n`);
    writeFileSync(join(dir, 'kh'), `${sshd.knownHostsLine()}\n`);
    const io = recordingIo(dir, env);
    expect(await main([...args, '--json', 'out.json'], io.cli)).toBe(2);
    const failures = io.stderr.split('\n').filter((line) => line.startsWith('wfos-audit audit:'));
    expect(failures).toEqual([expect.stringMatching(new RegExp(`^wfos-audit audit: edge: pull failed at step auth: 127\\.0\\.0\\.1:${sshd.port}: authentication failed`))]);
    expect(io.stderr).toContain(`dal-dc-fw01 (127.0.0.1:${sshd.port}): 390 lines pulled into pulled/dal-dc-fw01.txt`);
    expect(existsSync(join(dir, 'pulled', 'dal-dc-fw01.txt.evidence.json'))).toBe(true);
    expect(existsSync(join(dir, 'pulled', 'edge.txt'))).toBe(false);
    expect(io.stderr).not.toContain('reading ');
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('a capture cut short stops the audit naming the incomplete capture, and keeps it only as FILE.incomplete', async () => {
    const { dir, args } = sshSite('audit-drop', { modes: ['drop'] });
    writeFileSync(join(dir, 'kh'), `${sshd.knownHostsLine()}\n`);
    const io = recordingIo(dir, env);
    expect(await main([...args, '--pulled-dir', 'captures', '--json', 'out.json'], io.cli)).toBe(2);
    const failures = io.stderr.split('\n').filter((line) => line.startsWith('wfos-audit audit:'));
    expect(failures).toEqual([
      expect.stringMatching(
        new RegExp(
          `^wfos-audit audit: dal-dc-fw01: 127\\.0\\.0\\.1:${sshd.port}: INCOMPLETE capture at step command \\(show running-config\\): ` +
            'the connection closed before the output ended, after 19\\d lines; the partial configuration is in captures/dal-dc-fw01\\.txt\\.incomplete: not audited$',
        ),
      ),
    ]);
    expect(existsSync(join(dir, 'captures', 'dal-dc-fw01.txt'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'captures', 'dal-dc-fw01.txt.incomplete.evidence.json'), 'utf8')).complete).toBe(false);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('without --pull an ssh: firewall is refused with the hint, and pull-only options are refused', async () => {
    const { dir, args } = sshSite('audit-no-pull');
    const io = recordingIo(dir, env);
    expect(await main(['audit', '--site', 'site.yaml'], io.cli)).toBe(2);
    // Said at the site file's line for that firewall, as the site file's own errors are.
    const [where, said] = io.stderr.trim().split('\n').at(-1)!.split(': firewalls[0].ssh: ');
    expect(where!.startsWith(`wfos-audit audit: ${join(dir, 'site.yaml')}:`)).toBe(true);
    expect(where).toMatch(/:\d+$/);
    expect(said).toBe(
      'firewall dal-dc-fw01 is pulled over SSH (ssh: in the site file): pull it first (or use --pull): ' +
        'wfos-audit audit --pull pulls it and audits it; wfos-audit pull saves it for a file: entry',
    );
    expect(existsSync(join(dir, 'pulled'))).toBe(false);

    const options = recordingIo(dir, env);
    expect(await main(args.filter((arg) => arg !== '--pull'), options.cli)).toBe(2);
    expect(options.stderr).toBe('wfos-audit audit: --identity, --enable-password-env, --known-hosts: only with --pull (pull the site\'s ssh: firewalls first)\n');
  });

  it('bad --pull input is one line, exit 2, before anything is pulled', async () => {
    const { dir, key } = sshSite('audit-bad-input', { username: false });
    const cases: [string[], Record<string, string>, string][] = [
      [['--identity', key.privateKeyPath], env, `${join(dir, 'site.yaml')}:`],
      [['--user', 'u'], {}, 'no way to log in: give --identity KEY or --password-env VAR'],
      [['--user', 'u', '--password-env', 'NOPE'], {}, '--password-env NOPE: the environment variable NOPE is not set'],
    ];
    for (const [extra, environment, message] of cases) {
      const io = recordingIo(dir, environment);
      expect(await main(['audit', '--site', 'site.yaml', '--pull', ...extra], io.cli)).toBe(2);
      expect(io.stderr.trim().split('\n')).toHaveLength(1);
      expect(io.stderr).toContain(message);
    }
    expect(existsSync(join(dir, 'pulled'))).toBe(false);
    expect(sshd.received(key.log)).toEqual([]);
  });

  it('--help documents --pull', async () => {
    const io = recordingIo();
    expect(await main(['audit', '--help'], io.cli)).toBe(0);
    for (const option of ['--pull', '--identity KEY', '--password-env VAR', '--passphrase-env VAR', '--enable-password-env VAR', '--known-hosts FILE', '--accept-new', '--pulled-dir DIR']) {
      expect(io.stdout).toContain(option);
    }
  });
});
