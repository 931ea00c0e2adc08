import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  acceptNewHostKeys,
  pullConfiguration,
  refuseUnknownHostKeys,
  saveCapture,
  sshVendorIds,
  WEAK_ALGORITHMS,
  type PullProgress,
  type PullTarget,
  type SshCredentials,
} from '../../core/collect/index';
import { defineCommand } from '../args';
import { UsageError, type CliIo } from '../command';
import { VERSION } from '../version';

const usage = `Usage: wfos-audit pull --host H [--port P] --user U [--identity KEY | --password-env VAR]
                       [--enable-password-env VAR] [--vendor V] [--known-hosts FILE] [--accept-new] --out FILE

Pulls a firewall's running configuration over SSH, read-only: only the vendor's show
commands and session-only settings (terminal pager 0) are ever sent; anything that could
change the device is refused before it reaches the wire. Writes the configuration to FILE,
the device's full output to FILE.transcript.txt and the evidence (hashes, host key, time,
version, commands) to FILE.evidence.json. A capture cut short is written to FILE.incomplete
instead, never to FILE, and the command exits 2.

Options:
  --host H                   the device (name or address)
  --port P                   SSH port (default 22)
  --user U                   login name
  --identity KEY             private key file (OpenSSH or PEM)
  --passphrase-env VAR       the key's passphrase is in environment variable VAR
  --password-env VAR         the login password is in environment variable VAR (also answers
                             keyboard-interactive password prompts)
  --enable-password-env VAR  the enable password is in environment variable VAR
                             (ssh-agent keys are tried too when SSH_AUTH_SOCK is set)
  --vendor V                 the device's vendor (default cisco-asa; known: ${sshVendorIds().join(', ')})
  --known-hosts FILE         known_hosts to check the host key against (default ~/.ssh/known_hosts)
  --accept-new               record the key of a host known_hosts has never seen (hashed entry);
                             without it an unknown key is refused; a changed key always is
  --jump USER@HOST[:PORT]    reach the device through this SSH server, with the same credentials
  --allow-weak-algorithms L  comma-separated legacy algorithms an old device needs
                             (${Object.values(WEAK_ALGORITHMS).flat().join(', ')})
  --timeout SECONDS          limit for each step: connect, log in, prompt, silence in output (default 15/30/30/60)
  --out FILE                 where to write the configuration
  -h, --help                 show this help

Secrets are read from the environment only, never from the command line, and are never
written to disk or shown: they are masked in the transcript, the evidence and every message.
`;

export const pullCommand = defineCommand({
  name: 'pull',
  summary: 'pull a live configuration over SSH, read-only, with evidence (--host H --user U --out FILE)',
  usage,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    user: { type: 'string' },
    identity: { type: 'string' },
    'passphrase-env': { type: 'string' },
    'password-env': { type: 'string' },
    'enable-password-env': { type: 'string' },
    vendor: { type: 'string' },
    'known-hosts': { type: 'string' },
    'accept-new': { type: 'boolean' },
    jump: { type: 'string' },
    'allow-weak-algorithms': { type: 'string' },
    timeout: { type: 'string' },
    out: { type: 'string' },
  },
  async run({ values }, io) {
    if (!values.host) throw new UsageError('--host H is required');
    if (!values.user) throw new UsageError('--user U is required');
    if (!values.out) throw new UsageError('--out FILE is required');
    const port = parseNumber('--port', values.port, 22, 1, 65535);
    const credentials = credentialsFrom(values, io);
    const jump = values.jump ? parseJump(values.jump) : undefined;
    const target: PullTarget = {
      host: values.host,
      port,
      vendor: values.vendor ?? 'cisco-asa',
      credentials,
      ...(values['enable-password-env'] ? { enablePassword: secretFromEnv('--enable-password-env', values['enable-password-env'], io) } : {}),
      ...(jump ? { jump: { host: jump.host, port: jump.port, credentials: { ...credentials, username: jump.username } } } : {}),
      ...(values['allow-weak-algorithms'] ? { weakAlgorithms: values['allow-weak-algorithms'].split(',').map((name) => name.trim()).filter(Boolean) } : {}),
    };
    const seconds = values.timeout === undefined ? undefined : parseNumber('--timeout', values.timeout, 0, 1, 3600) * 1000;
    const knownHostsFile = values['known-hosts'] ? resolve(io.cwd, values['known-hosts']) : join(io.env.HOME ?? homedir(), '.ssh', 'known_hosts');
    const out = resolve(io.cwd, values.out);
    const result = await pullConfiguration(target, {
      hostKeys: { knownHostsFile, policy: values['accept-new'] ? acceptNewHostKeys : refuseUnknownHostKeys },
      ...(seconds !== undefined ? { timeouts: { connect: seconds, auth: seconds, prompt: seconds, command: seconds } } : {}),
      onProgress: (event) => reportProgress(event, io),
      tool: { name: 'wfos-audit', version: VERSION },
    });
    const saved = saveCapture(result, out);
    const { evidence } = saved;
    for (const warning of evidence.warnings) io.err(`warning: ${warning}\n`);
    if (!result.complete) {
      io.err(
        `wfos-audit pull: ${evidence.target.host}:${evidence.target.port}: INCOMPLETE capture (${result.incompleteReason}); ` +
          `the partial configuration is in ${saved.configurationFile}, not in ${values.out}: do not audit it\n`,
      );
      return 2;
    }
    const device = [evidence.device.hostname, evidence.device.version ? `version ${evidence.device.version}` : undefined].filter(Boolean).join(', ');
    io.out(
      `${device || result.target}: ${evidence.configuration.lines} lines pulled from ${result.target} into ${values.out}\n` +
        `  configuration sha256 ${evidence.configuration.sha256}\n` +
        `  host key ${evidence.hostKey.keyType} ${evidence.hostKey.fingerprint} (${describeTrust(evidence.hostKey.trust)})\n` +
        `  evidence ${saved.evidenceFile}\n  transcript ${saved.transcriptFile}\n`,
    );
    return 0;
  },
});

interface CredentialOptions {
  user?: string;
  identity?: string;
  'passphrase-env'?: string;
  'password-env'?: string;
}

function credentialsFrom(values: CredentialOptions, io: CliIo): SshCredentials {
  const credentials: SshCredentials = { username: values.user ?? '' };
  if (values.identity) {
    const path = resolve(io.cwd, values.identity);
    let key: Buffer;
    try {
      key = readFileSync(path);
    } catch (error) {
      throw new UsageError(`cannot read the identity file ${values.identity}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    const passphrase = values['passphrase-env'] ? secretFromEnv('--passphrase-env', values['passphrase-env'], io) : undefined;
    credentials.privateKey = { key, source: values.identity, ...(passphrase !== undefined ? { passphrase } : {}) };
  } else if (values['passphrase-env']) {
    throw new UsageError('--passphrase-env needs --identity KEY');
  }
  if (io.env.SSH_AUTH_SOCK) credentials.agentSocket = io.env.SSH_AUTH_SOCK;
  if (values['password-env']) credentials.password = secretFromEnv('--password-env', values['password-env'], io);
  if (!credentials.privateKey && !credentials.agentSocket && credentials.password === undefined) {
    throw new UsageError('no way to log in: give --identity KEY or --password-env VAR (or run an ssh-agent: SSH_AUTH_SOCK)');
  }
  return credentials;
}

function secretFromEnv(option: string, variable: string, io: CliIo): string {
  const value = io.env[variable];
  if (value === undefined || value === '') throw new UsageError(`${option} ${variable}: the environment variable ${variable} is not set`);
  return value;
}

function parseNumber(option: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${option} ${text}: expected a whole number from ${min} to ${max}`);
  return value;
}

function parseJump(text: string): { username: string; host: string; port: number } {
  const match = /^([^@\s]+)@(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(text);
  if (!match) throw new UsageError(`--jump ${text}: expected USER@HOST or USER@HOST:PORT`);
  return { username: match[1]!, host: match[2]!.replace(/^\[|\]$/g, ''), port: parseNumber('--jump port', match[3], 22, 1, 65535) };
}

const PHASE_TEXT: Partial<Record<PullProgress['phase'], string>> = {
  connecting: 'connecting',
  'host-key': 'checking the host key',
  authenticating: 'logging in',
  ready: 'logged in',
  prompt: 'waiting for the prompt',
  enable: 'entering privileged mode',
  setup: 'session setting',
  command: 'running',
};

function reportProgress(event: PullProgress, io: CliIo): void {
  const text = PHASE_TEXT[event.phase];
  if (text) io.err(`${event.target}: ${text}${event.detail ? ` ${event.detail}` : ''}${event.phase === 'ready' ? '' : '…'}\n`);
}

function describeTrust(trust: string): string {
  return trust === 'known' ? 'known' : trust === 'recorded' ? 'new, recorded in known_hosts' : 'accepted for this session only';
}
