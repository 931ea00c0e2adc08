import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Server, utils, type ServerChannel } from 'ssh2';

/**
 * A device that goes wrong in one chosen way, served by ssh2's own Server on loopback: the
 * faults a real OpenSSH server cannot be made to show on cue. It speaks just enough of an ASA
 * (prompt, the profile's read-only commands, a configuration ending in ": end") for a pull to
 * get as far as the fault.
 */
export type FaultMode =
  /** Behaves: the control case. */
  | 'steady'
  /** Refuses every password. */
  | 'auth-fail'
  /** Sends the configuration one line at a time, `lineDelayMs` apart. */
  | 'slow'
  /** Closes the connection halfway through the configuration. */
  | 'drop'
  /** Cannot turn paging off, and its configuration never ends: page after page, forever. */
  | 'endless-pager'
  /** Sends `bannerBytes` of banner before its first prompt. */
  | 'huge-banner';

export interface FaultServerOptions {
  mode: FaultMode;
  lineDelayMs?: number;
  bannerBytes?: number;
}

export const FAULT_USER = 'audit';
export const FAULT_PASSWORD = 'fault-password-not-secret';
const HOSTNAME = 'fault-fw';
const PROMPT = `${HOSTNAME}# `;
const CRLF = '\r\n';
const MORE = '<--- More --->';

const CONFIGURATION = [
  ': Saved',
  ':',
  ': Serial Number: FCH0000FAULT',
  ': Hardware:   ASA5516, 8192 MB RAM',
  ':',
  'ASA Version 9.12(4)',
  '!',
  `hostname ${HOSTNAME}`,
  ...Array.from({ length: 60 }, (_, index) => `access-list outside_in extended permit tcp any host 10.10.${Math.floor(index / 200)}.${(index % 200) + 1} eq 443`),
  'access-group outside_in in interface outside',
  'Cryptochecksum:00000000000000000000000000000000',
  ': end',
];

/**
 * A fresh ECDSA host key: the private half as PEM for the server, the public half as
 * known_hosts writes it. (Node makes it: ssh2's own generator now and then writes an ed25519
 * key its parser then refuses.)
 */
export function newHostKey(): { private: string; public: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1', privateKeyEncoding: { type: 'sec1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error || Array.isArray(parsed)) throw new Error(`the generated host key does not parse: ${String(parsed)}`);
  return { private: privateKey, public: `${parsed.type} ${parsed.getPublicSSH().toString('base64')}` };
}

export class FaultSshServer {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    /** The server's host key as known_hosts writes it ("ecdsa-sha2-nistp256 AAAA…"). */
    readonly publicKey: string,
  ) {}

  static async start(options: FaultServerOptions): Promise<FaultSshServer> {
    const keys = newHostKey();
    const server = new Server({ hostKeys: [keys.private] }, (client) => {
      client.on('authentication', (context) => {
        if (options.mode !== 'auth-fail' && context.method === 'password' && context.username === FAULT_USER && context.password === FAULT_PASSWORD) return context.accept();
        context.reject(['password']);
      });
      client.on('error', () => undefined);
      client.on('ready', () => {
        client.on('session', (acceptSession) => {
          const session = acceptSession();
          session.on('pty', (accept) => accept?.());
          session.on('shell', (accept) => serveShell(accept(), options, () => client.end()));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FaultSshServer(server, (server.address() as AddressInfo).port, keys.public);
  }

  knownHostsLine(publicKey = this.publicKey): string {
    return `[127.0.0.1]:${this.port} ${publicKey}\n`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function serveShell(stream: ServerChannel, options: FaultServerOptions, hangUp: () => void): void {
  let input = '';
  let paging: Generator<string> | undefined;
  const write = (text: string) => {
    if (stream.writable) stream.write(text);
  };
  const lines = (list: readonly string[]) => write(list.map((line) => line + CRLF).join(''));

  const bannerLine = 'Authorized access only. Every session is recorded and reviewed by the security team.';
  const bannerLines = options.mode === 'huge-banner' ? Math.ceil((options.bannerBytes ?? 0) / (bannerLine.length + CRLF.length)) : 1;
  const banner = (bannerLine + CRLF).repeat(bannerLines);
  write(banner + PROMPT);

  const configuration = () => {
    switch (options.mode) {
      case 'slow': {
        let next = 0;
        const tick = () => {
          if (next === CONFIGURATION.length) return write(PROMPT);
          lines([CONFIGURATION[next++]!]);
          setTimeout(tick, options.lineDelayMs ?? 100);
        };
        return tick();
      }
      case 'drop':
        lines(CONFIGURATION.slice(0, CONFIGURATION.length / 2));
        return setTimeout(hangUp, 200);
      case 'endless-pager':
        paging = endlessPages();
        return write(paging.next().value);
      default:
        lines(CONFIGURATION);
        return write(PROMPT);
    }
  };

  const execute = (command: string) => {
    switch (command) {
      case '':
      case 'terminal width 511':
        return write(PROMPT);
      case 'terminal pager 0':
        if (options.mode === 'endless-pager') lines(['', "ERROR: % Invalid input detected at '^' marker."]);
        return write(PROMPT);
      case 'show version':
        lines(['', 'Cisco Adaptive Security Appliance Software Version 9.12(4)', '', `${HOSTNAME} up 3 days 1 hour`]);
        return write(PROMPT);
      case 'show running-config':
        return configuration();
      case 'exit':
        return hangUp();
      default:
        lines([`${command}: nothing to show`]);
        return write(PROMPT);
    }
  };

  stream.on('data', (data: Buffer) => {
    for (const char of data.toString('utf8')) {
      if (paging) {
        // The pager is showing: a space is the next page, and there always is one.
        if (char === ' ') write(`\b`.repeat(MORE.length) + paging.next().value);
        continue;
      }
      if (char === '\r' || char === '\n') {
        const command = input.trim();
        input = '';
        write(CRLF);
        execute(command);
      } else {
        input += char;
        write(char);
      }
    }
  });
}

/** Pages of configuration lines, each ending in the pager's prompt, without end. */
function* endlessPages(): Generator<string> {
  for (let page = 0; ; page++) {
    const body = Array.from({ length: 24 }, (_, index) => `access-list page_${page} extended permit tcp any host 10.20.${page % 250}.${index + 1} eq 443`);
    yield body.join(CRLF) + CRLF + MORE;
  }
}
