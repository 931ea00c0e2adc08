import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PullTarget } from '../../src-main/core/collect/index';

/**
 * A real OpenSSH server for the collection tests, on 127.0.0.1 and a free port, whose
 * sessions run the ASA emulator (test/fixtures/ssh/asa-emulator.mjs) on their PTY.
 *
 * Logins: public keys for the current user (root in CI), each key with its own emulator
 * mode and log through authorized_keys `command=`; and, when running as root, a dedicated
 * user with a known password (PASSWORD_USER) for password and keyboard-interactive logins.
 */

const SSHD = '/usr/sbin/sshd';
const EMULATOR = fileURLToPath(new URL('../fixtures/ssh/asa-emulator.mjs', import.meta.url));
export const ASA_FIXTURE = fileURLToPath(new URL('../fixtures/asa/dal-dc-fw01.txt', import.meta.url));

export const isRoot = process.getuid?.() === 0;
export const sshdAvailable = existsSync(SSHD) && existsSync('/usr/bin/ssh-keygen');
export const currentUser = isRoot ? 'root' : (process.env.USER ?? execFileSync('id', ['-un'], { encoding: 'utf8' }).trim());

/** A local account created (as root) for password logins to the test sshd. */
export const PASSWORD_USER = 'wfos-ssh-test';
/**
 * Its password: random per machine and kept in a root-only file, never a value written in the
 * repository, so the account the tests leave behind is no open door through the machine's own
 * sshd. Test files run in parallel: the first creates the file, the others read it.
 */
export const PASSWORD_USER_PASSWORD = isRoot ? machinePassword('/root/.wfos-ssh-test-password') : '';

function machinePassword(path: string): string {
  try {
    writeFileSync(path, `Wfos-${randomBytes(18).toString('base64url')}`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Another file may have created it a moment ago and not yet written it.
  for (let attempt = 0; attempt < 50; attempt++) {
    const password = readFileSync(path, 'utf8').trim();
    if (password) return password;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error(`${path} stays empty`);
}
/** The emulator's enable password. */
export const ENABLE_PASSWORD = 'Enable-S3cret!';

export interface SshdOptions {
  /** Host key type (default ed25519). */
  hostKeyType?: 'ed25519' | 'rsa' | 'ecdsa';
  /** More sshd_config lines; they take precedence over the helper's defaults. */
  config?: string[];
  /** UsePAM (needed for keyboard-interactive on Linux). Default no. */
  usePam?: boolean;
  /** Emulator modes for PASSWORD_USER's sessions (default echo-secret: the device echoes a credential). */
  passwordUserModes?: string[];
}

export interface ClientKey {
  name: string;
  privateKeyPath: string;
  privateKey: Buffer;
  /** The emulator log of this key's sessions. */
  log: string;
}

export class TestSshd {
  readonly host = '127.0.0.1';
  private process: ChildProcess | undefined;

  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly hostPublicKeyPath: string,
  ) {}

  static async start(options: SshdOptions = {}): Promise<TestSshd> {
    const dir = mkdtempSync(join(tmpdir(), 'wfos-sshd-'));
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'logs'), { mode: 0o777 });
    chmodSync(join(dir, 'logs'), 0o777);
    if (isRoot) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    const keyType = options.hostKeyType ?? 'ed25519';
    const hostKey = join(dir, `ssh_host_${keyType}_key`);
    keygen(hostKey, keyType);
    writeFileSync(join(dir, 'authorized_keys'), '', { mode: 0o644 });
    writeFileSync(join(dir, 'banner.txt'), 'Authorized users only. This system is monitored.\n');
    if (isRoot) ensurePasswordUser();
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      const sshd = new TestSshd(dir, port, `${hostKey}.pub`);
      writeFileSync(join(dir, 'sshd_config'), sshd.config(hostKey, options));
      try {
        await sshd.launch();
        return sshd;
      } catch (error) {
        // Another process took the port between probing and binding: try another.
        if (attempt >= 4 || !/Address already in use|Bind to port/.test(String(error))) throw error;
      }
    }
  }

  /** The emulator command line for a session, with its modes and log. */
  emulatorCommand(modes: readonly string[], log: string, extraEnv: Record<string, string> = {}): string {
    const env = { ASA_MODE: modes.join(','), ASA_LOG: log, ASA_CONFIG: ASA_FIXTURE, ASA_ENABLE_PASSWORD: ENABLE_PASSWORD, ...extraEnv };
    const assignments = Object.entries(env).map(([key, value]) => `${key}=${shellQuote(value)}`);
    return `${assignments.join(' ')} exec ${process.execPath} ${EMULATOR}`;
  }

  /**
   * A new client key whose sessions run the emulator in these modes. OpenSSH-format ed25519 by
   * default; `format: 'pem'` writes a PEM RSA key (with a passphrase, an encrypted PEM).
   */
  addClientKey(name: string, options: { modes?: string[]; env?: Record<string, string>; passphrase?: string; format?: 'openssh' | 'pem'; permitOpen?: string } = {}): ClientKey {
    const privateKeyPath = join(this.dir, `client-${name}`);
    keygen(privateKeyPath, options.format === 'pem' ? 'rsa' : 'ed25519', options.passphrase ?? '', options.format === 'pem' ? ['-m', 'PEM'] : []);
    const log = join(this.dir, 'logs', `${name}.log`);
    const restrictions = options.permitOpen ? `permitopen="${options.permitOpen}",no-pty` : 'no-port-forwarding';
    const command = this.emulatorCommand(options.modes ?? [], log, options.env).replace(/"/g, '\\"');
    const publicKey = readFileSync(`${privateKeyPath}.pub`, 'utf8').trim();
    appendFileSync(join(this.dir, 'authorized_keys'), `command="${command}",${restrictions},no-agent-forwarding,no-X11-forwarding ${publicKey}\n`);
    return { name, privateKeyPath, privateKey: readFileSync(privateKeyPath), log };
  }

  /** A pull target for this server, logging in as the current user with a client key. */
  keyTarget(key: ClientKey, extra: Partial<PullTarget> = {}): PullTarget {
    return {
      host: this.host,
      port: this.port,
      vendor: 'cisco-asa',
      credentials: { username: currentUser, privateKey: { key: key.privateKey, source: key.privateKeyPath } },
      enablePassword: ENABLE_PASSWORD,
      ...extra,
    };
  }

  /** A known_hosts file in the server's directory that knows this server. */
  knownHostsFile(name = 'known_hosts'): string {
    const file = join(this.dir, name);
    writeFileSync(file, `${this.knownHostsLine()}\n`);
    return file;
  }

  /** Lines the emulator received in sessions of this log ([] when it never ran). */
  received(log: string): string[] {
    return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  }

  /** The log of PASSWORD_USER's sessions. */
  get passwordUserLog(): string {
    return join(this.dir, 'logs', 'password-user.log');
  }

  /** A known_hosts line for this server as OpenSSH writes it: `[127.0.0.1]:PORT type key`. */
  knownHostsLine(): string {
    const [type, key] = readFileSync(this.hostPublicKeyPath, 'utf8').trim().split(/\s+/);
    return `[${this.host}]:${this.port} ${type} ${key}`;
  }

  /** A known_hosts line naming this server with another ed25519 key: what a replaced or intercepted device looks like. */
  changedKnownHostsLine(): string {
    return `[${this.host}]:${this.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGR1bW15a2V5Zm9ydGVzdGluZ2NoYW5nZWRob3N0a2V5`;
  }

  /** The host key's fingerprint as `ssh-keygen -l` prints it (SHA256:...). */
  hostFingerprint(): string {
    return execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', this.hostPublicKeyPath], { encoding: 'utf8' }).split(/\s+/)[1]!;
  }

  /** sshd's own log (-e), for diagnosing a failing test. */
  serverLog(): string {
    return readFileSync(join(this.dir, 'sshd.log'), 'utf8');
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private config(hostKey: string, options: SshdOptions): string {
    const passwordUserCommand = this.emulatorCommand(options.passwordUserModes ?? ['echo-secret'], this.passwordUserLog, { ASA_ECHO_SECRET: PASSWORD_USER_PASSWORD });
    return [
      // sshd keeps the first value it reads for a keyword: the test's own lines come first.
      ...(options.config ?? []),
      `ListenAddress ${this.host}`,
      `HostKey ${hostKey}`,
      `PidFile ${join(this.dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(this.dir, 'authorized_keys')}`,
      `Banner ${join(this.dir, 'banner.txt')}`,
      'StrictModes no',
      `UsePAM ${options.usePam ? 'yes' : 'no'}`,
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication yes',
      'PermitEmptyPasswords no',
      'PrintMotd no',
      'PrintLastLog no',
      'AllowTcpForwarding yes',
      'X11Forwarding no',
      'PermitUserEnvironment no',
      // The concurrency tests open many connections at once; the default drops some of them.
      'MaxStartups 100',
      'LoginGraceTime 60',
      'LogLevel VERBOSE',
      `AllowUsers ${currentUser} ${PASSWORD_USER}`,
      `Match User ${PASSWORD_USER}`,
      `  ForceCommand ${passwordUserCommand}`,
      '',
    ].join('\n');
  }

  private launch(): Promise<void> {
    const log = createWriteStream(join(this.dir, 'sshd.log'));
    const child = spawn(SSHD, ['-D', '-e', '-f', join(this.dir, 'sshd_config'), '-p', String(this.port)], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.process = child;
    return new Promise((resolve, reject) => {
      let output = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        log.write(chunk);
        output += chunk.toString();
        if (output.includes('Server listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`sshd exited (${code}) before listening: ${output.trim()}`)));
      child.once('error', reject);
    });
  }
}

function keygen(path: string, type: string, passphrase = '', extra: string[] = []): void {
  execFileSync('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', passphrase, '-C', 'wfos-test', ...extra, '-f', path], { stdio: 'ignore' });
}

/** Creates PASSWORD_USER (no home, /bin/sh for ForceCommand) and sets its password. Root only. */
function ensurePasswordUser(): void {
  // Test files run in parallel and /etc/passwd is locked while one of them writes it: retry.
  for (let attempt = 0; ; attempt++) {
    try {
      if (!userExists()) execFileSync('useradd', ['-M', '-d', '/', '-s', '/bin/sh', PASSWORD_USER], { stdio: 'ignore' });
      execFileSync('chpasswd', [], { input: `${PASSWORD_USER}:${PASSWORD_USER_PASSWORD}\n`, stdio: ['pipe', 'ignore', 'ignore'] });
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 + Math.random() * 200);
    }
  }
}

function userExists(): boolean {
  try {
    execFileSync('id', [PASSWORD_USER], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A port nothing listens on: a free one, bound and released (a connection to it is refused). */
export const closedPort = freePort;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
