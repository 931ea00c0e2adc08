import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
// The light modules, not the collect index: `audit` reads these options without loading ssh2.
import type { SshCredentials } from '../core/collect/auth';
import { acceptNewHostKeys, refuseUnknownHostKeys } from '../core/collect/host-key';
import type { HostKeyOptions } from '../core/collect/host-key-gate';
import type { PullProgress } from '../core/collect/pull';
import { UsageError, type CliIo } from './command';

/**
 * How `wfos-audit pull` and `wfos-audit audit --pull` log in to a device and decide whether to
 * trust its host key: the options they share, their help text, and what they turn into.
 */
export const SSH_LOGIN_OPTIONS = {
  identity: { type: 'string' },
  'passphrase-env': { type: 'string' },
  'password-env': { type: 'string' },
  'enable-password-env': { type: 'string' },
  'known-hosts': { type: 'string' },
  'accept-new': { type: 'boolean' },
} as const;

export type SshLoginValues = { [K in keyof typeof SSH_LOGIN_OPTIONS]?: (typeof SSH_LOGIN_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The help lines of SSH_LOGIN_OPTIONS, in the layout of the commands' option lists. */
export const SSH_LOGIN_HELP = `  --identity KEY             private key file (OpenSSH or PEM); ssh-agent keys are tried too
                             when SSH_AUTH_SOCK is set
  --passphrase-env VAR       the key's passphrase is in environment variable VAR
  --password-env VAR         the login password is in environment variable VAR (also answers
                             keyboard-interactive password prompts)
  --enable-password-env VAR  the enable password is in environment variable VAR
  --known-hosts FILE         known_hosts to check the host key against (default ~/.ssh/known_hosts)
  --accept-new               record the key of a host known_hosts has never seen (hashed entry);
                             without it an unknown key is refused; a changed key always is`;

/** The login for `username`: a key file, the ssh-agent, a password, whichever are given. Secrets come from the environment only. */
export function sshCredentialsFrom(values: SshLoginValues, io: CliIo, username: string): SshCredentials {
  const credentials: SshCredentials = { username };
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

/** The enable password, when `--enable-password-env` names one. */
export function enablePasswordFrom(values: SshLoginValues, io: CliIo): { enablePassword?: string } {
  const variable = values['enable-password-env'];
  return variable ? { enablePassword: secretFromEnv('--enable-password-env', variable, io) } : {};
}

/** known_hosts (the user's own unless `--known-hosts`) and what to do with a key it has never seen. */
export function hostKeyOptionsFrom(values: SshLoginValues, io: CliIo): HostKeyOptions {
  const knownHostsFile = values['known-hosts'] ? resolve(io.cwd, values['known-hosts']) : join(io.env.HOME ?? homedir(), '.ssh', 'known_hosts');
  return { knownHostsFile, policy: values['accept-new'] ? acceptNewHostKeys : refuseUnknownHostKeys };
}

function secretFromEnv(option: string, variable: string, io: CliIo): string {
  const value = io.env[variable];
  if (value === undefined || value === '') throw new UsageError(`${option} ${variable}: the environment variable ${variable} is not set`);
  return value;
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

/** One line on stderr per step of a pull: `10.50.0.1:22: running show running-config…`. */
export function reportPullProgress(event: PullProgress, io: CliIo): void {
  const text = PHASE_TEXT[event.phase];
  if (text) io.err(`${event.target}: ${text}${event.detail ? ` ${event.detail}` : ''}${event.phase === 'ready' ? '' : '…'}\n`);
}

/** How the host key came to be trusted, for people. */
export function describeTrust(trust: string): string {
  return trust === 'known' ? 'known' : trust === 'recorded' ? 'new, recorded in known_hosts' : 'accepted for this session only';
}
