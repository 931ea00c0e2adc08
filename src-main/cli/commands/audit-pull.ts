import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pullMany, saveCapture, targetLabel, type PullOutcome, type PullTarget, type SavedCapture } from '../../core/collect/index';
import type { Site, SiteFirewall } from '../../core/site/index';
import { type CliIo, UsageError } from '../command';
import { describeTrust, enablePasswordFrom, hostKeyOptionsFrom, reportPullProgress, sshCredentialsFrom, type SshLoginValues } from '../ssh-login';
import { VERSION } from '../version';

export interface SitePullOptions extends SshLoginValues {
  /** Login name for entries whose `ssh:` has no `username:`. */
  user?: string;
  /** Where the pulled configurations go (default: `pulled/` beside the site file). */
  'pulled-dir'?: string;
}

/** What `audit --pull` did: the site with its pulled firewalls as saved files, or the devices that failed (already said). */
export type SitePull = { site: Site } | { failed: number };

interface Planned {
  entry: SiteFirewall & { ssh: NonNullable<SiteFirewall['ssh']> };
  target: PullTarget;
  out: string;
}

/**
 * Pulls every `ssh:` firewall of the site (concurrently, a few at a time, progress per device
 * on stderr) into the pulled folder with its evidence, and gives back the site with those
 * firewalls naming the saved files, so that they are audited, and reported on, as any pulled
 * file is. A device that fails or whose capture is cut short is said in one line naming its
 * host and step, and nothing is audited.
 */
export async function pullSiteFirewalls(site: Site, options: SitePullOptions, io: CliIo): Promise<SitePull> {
  const entries = site.firewalls.filter((entry): entry is Planned['entry'] => entry.ssh !== undefined && entry.file === undefined);
  if (entries.length === 0) {
    io.err('--pull: the site file has no ssh: firewalls; nothing to pull\n');
    return { site };
  }
  const directory = options['pulled-dir'] ? resolve(io.cwd, options['pulled-dir']) : join(dirname(site.file), 'pulled');
  const credentials = sshCredentialsFrom(options, io, '');
  const enable = enablePasswordFrom(options, io);
  const outputs = outputFiles(entries.map((entry) => entry.name), directory);
  const planned = entries.map((entry, index): Planned => {
    const username = entry.ssh.username ?? options.user;
    if (!username) throw new UsageError(`${site.file}:${entry.line}: firewall ${entry.name}: no login name: give username: in its ssh: entry, or --user U`);
    const target: PullTarget = {
      name: `${entry.name} (${targetLabel(entry.ssh.host, entry.ssh.port)})`,
      host: entry.ssh.host,
      port: entry.ssh.port,
      vendor: entry.ssh.vendor ?? entry.vendor ?? 'cisco-asa',
      credentials: { ...credentials, username },
      ...enable,
    };
    return { entry, target, out: outputs[index]! };
  });
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UsageError(`${directory}: cannot create the folder for pulled configurations (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }

  io.err(`pulling ${planned.length} firewall${planned.length === 1 ? '' : 's'} over SSH into ${directory}…\n`);
  const outcomes = await pullMany(
    planned.map((item) => item.target),
    {
      hostKeys: hostKeyOptionsFrom(options, io),
      onProgress: (event) => reportPullProgress(event, io),
      tool: { name: 'wfos-audit', version: VERSION },
    },
  );
  const failures: string[] = [];
  const saved = new Map<SiteFirewall, string>();
  planned.forEach((item, index) => {
    const outcome = outcomes[index]!;
    const capture = outcome.result ? saveCapture(outcome.result, item.out) : undefined;
    for (const warning of capture?.evidence.warnings ?? []) io.err(`warning: ${outcome.target}: ${warning}\n`);
    if (outcome.status === 'complete' && capture) {
      saved.set(item.entry, capture.configurationFile);
      io.err(describePulled(outcome.target, capture, io.cwd));
    } else {
      failures.push(describeFailure(item.entry.name, outcome, capture, io.cwd));
    }
  });
  if (failures.length > 0) {
    for (const line of failures) io.err(`wfos-audit audit: ${line}\n`);
    return { failed: failures.length };
  }
  const siteDirectory = dirname(site.file);
  return {
    site: {
      ...site,
      firewalls: site.firewalls.map((entry) => {
        const file = saved.get(entry);
        return file ? { ...entry, file, fileAsWritten: relative(siteDirectory, file) } : entry;
      }),
    },
  };
}

/**
 * One file per firewall, named after it: characters a file name should not carry become `_`,
 * and two names that come out the same are told apart by a number.
 */
function outputFiles(names: readonly string[], directory: string): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'firewall';
    let candidate = base;
    for (let number = 2; taken.has(candidate.toLowerCase()); number++) candidate = `${base}-${number}`;
    taken.add(candidate.toLowerCase());
    return join(directory, `${candidate}.txt`);
  });
}

function describePulled(target: string, capture: SavedCapture, cwd: string): string {
  const { evidence } = capture;
  return (
    `${target}: ${evidence.configuration.lines} lines pulled into ${relative(cwd, capture.configurationFile)}, ` +
    `host key ${evidence.hostKey.keyType} ${evidence.hostKey.fingerprint} (${describeTrust(evidence.hostKey.trust)})\n`
  );
}

/** One line: the firewall, the step that failed and the device's own account of it (host:port first). */
function describeFailure(name: string, outcome: PullOutcome, capture: SavedCapture | undefined, cwd: string): string {
  if (!capture) return `${name}: pull failed at step ${outcome.error?.step ?? 'connect'}: ${outcome.error?.message ?? 'nothing was captured'}`;
  const { evidence } = capture;
  const command = evidence.commands.find((record) => !record.complete && !record.reason?.startsWith('not run'))?.command ?? 'show running-config';
  return (
    `${name}: ${targetLabel(evidence.target.host, evidence.target.port)}: INCOMPLETE capture at step command (${command}): ` +
    `${evidence.incompleteReason ?? 'cut short'}; the partial configuration is in ${relative(cwd, capture.configurationFile)}: not audited`
  );
}
