import { resolve } from 'node:path';
import { pullConfiguration, saveCapture, sshVendorIds, WEAK_ALGORITHMS, type PullTarget } from '../../core/collect/index';
import { defineCommand } from '../args';
import { UsageError } from '../command';
import { describeTrust, enablePasswordFrom, hostKeyOptionsFrom, reportPullProgress, SSH_LOGIN_HELP, SSH_LOGIN_OPTIONS, sshCredentialsFrom } from '../ssh-login';
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
  --vendor V                 the device's vendor (default cisco-asa; known: ${sshVendorIds().join(', ')})
${SSH_LOGIN_HELP}
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
  usage,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    user: { type: 'string' },
    ...SSH_LOGIN_OPTIONS,
    vendor: { type: 'string' },
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
    const credentials = sshCredentialsFrom(values, io, values.user);
    const jump = values.jump ? parseJump(values.jump) : undefined;
    const target: PullTarget = {
      host: values.host,
      port,
      vendor: values.vendor ?? 'cisco-asa',
      credentials,
      ...enablePasswordFrom(values, io),
      ...(jump ? { jump: { host: jump.host, port: jump.port, credentials: { ...credentials, username: jump.username } } } : {}),
      ...(values['allow-weak-algorithms'] ? { weakAlgorithms: values['allow-weak-algorithms'].split(',').map((name) => name.trim()).filter(Boolean) } : {}),
    };
    const seconds = values.timeout === undefined ? undefined : parseNumber('--timeout', values.timeout, 0, 1, 3600) * 1000;
    const out = resolve(io.cwd, values.out);
    const result = await pullConfiguration(target, {
      hostKeys: hostKeyOptionsFrom(values, io),
      ...(seconds !== undefined ? { timeouts: { connect: seconds, auth: seconds, prompt: seconds, command: seconds } } : {}),
      onProgress: (event) => reportPullProgress(event, io),
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
