import { join } from 'node:path';
import type { ApiHandlers } from './api';
import { CredentialVault, type SecretEncryption } from './core/collect/credential-vault';
import type { PullJobDevice, PullJobOptions } from './core/collect/pull-job';
import type { PullDeviceRequest, TypedDevice } from './core/collect/pull-job-schema';
import { PullJobs } from './core/collect/pull-jobs';
import { agentAvailability, pullTargetOf } from './core/collect/pull-request';
import { sshProfiles } from './core/collect/profiles';
import { Redactor } from './core/collect/redact';
import type { ProjectSession } from './core/project/session';

/** Devices pulled at once within one pull. */
const PULL_CONCURRENCY = 4;

export interface SshPullHandlerOptions {
  session: ProjectSession;
  /** The app's settings folder: its known_hosts and remembered logins live there. */
  configDir: string;
  tool: { name: string; version: string };
  /** The OS keychain (Electron); without it, logins are never remembered and the form says why. */
  secretEncryption?: SecretEncryption | undefined;
  /** Why there is no keychain, for the form (serve mode). */
  withoutEncryption?: string;
  /** The main process's ssh-agent socket (SSH_AUTH_SOCK), if any. */
  agentSocket?: string | undefined;
  /** Collector settings for tests (timeouts, a scripted collector). */
  jobs?: Partial<PullJobOptions>;
}

type SshPullCalls = 'sshPullSetup' | 'sshPullStart' | 'sshPullStatus' | 'sshHostKeyAnswer' | 'sshPullCancel' | 'sshLoginForget';

/**
 * The app's "add a firewall by SSH": starts pull jobs over the collector, makes each complete
 * capture a source of the project the pull was started from, and remembers a login (sealed
 * by the OS keychain) only when asked and only once it has worked. Every error that leaves
 * here has passed a redactor holding the request's secrets.
 */
export function createSshPullHandlers(options: SshPullHandlerOptions): Pick<ApiHandlers, SshPullCalls> {
  const knownHostsFile = join(options.configDir, 'known_hosts');
  const vault = new CredentialVault(join(options.configDir, 'ssh-logins.json'), options.secretEncryption, options.withoutEncryption);
  const jobs = new PullJobs({ hostKeys: { knownHostsFile }, concurrency: PULL_CONCURRENCY, pullOptions: { tool: options.tool }, ...options.jobs });

  const jobDevice = (request: PullDeviceRequest, stamp: number): PullJobDevice => {
    const device: TypedDevice = request.device.kind === 'remembered' ? vault.recall(request.device.id) : request.device;
    if (device.remember) {
      const { available, why } = vault.availability();
      if (!available) throw new Error(`${device.login.username}@${device.host}: the login cannot be remembered (${why}): untick Remember`);
    }
    const target = pullTargetOf(device, options.agentSocket);
    return {
      target,
      completed: (result) => {
        const source = options.session.addPulledSource(result, { stamp, ...(request.replaceId !== undefined && { replaceId: request.replaceId }) });
        return { id: source.id, name: source.name, ...(device.remember && { note: rememberLogin(vault, device) }) };
      },
    };
  };

  return {
    sshPullSetup: async () => ({
      vendors: sshProfiles.map((profile) => ({ id: profile.vendor, name: profile.name })),
      agent: agentAvailability(options.agentSocket),
      remember: vault.availability(),
      knownHostsFile,
      concurrency: PULL_CONCURRENCY,
      remembered: vault.list(),
      job: jobs.latest(),
    }),
    sshPullStart: async ({ devices }) => {
      try {
        const stamp = options.session.projectStamp();
        return jobs.start(devices.map((request) => jobDevice(request, stamp)));
      } catch (error) {
        throw new Error(redactorFor(devices).redact((error as Error).message));
      }
    },
    sshPullStatus: async ({ jobId }) => jobs.status(jobId),
    sshHostKeyAnswer: async ({ jobId, device, answer }) => jobs.answerHostKey(jobId, device, answer),
    sshPullCancel: async ({ jobId, device }) => jobs.cancel(jobId, device),
    sshLoginForget: async ({ id }) => vault.forget(id),
  };
}

/** Remembers a login that has just worked; a keychain that refuses costs the note, not the pull. */
function rememberLogin(vault: CredentialVault, device: TypedDevice): string {
  try {
    vault.remember(device);
    return 'login remembered (sealed by the OS keychain)';
  } catch (error) {
    return `the login was not remembered: ${(error as Error).message}`;
  }
}

/** Every secret typed in a pull request, to mask in any message about it. */
function redactorFor(devices: readonly PullDeviceRequest[]): Redactor {
  const redactor = new Redactor();
  for (const { device } of devices) {
    if (device.kind !== 'typed') continue;
    for (const auth of [device.login.auth, device.jump?.login.auth]) {
      if (auth?.method === 'password') redactor.add(auth.password);
      if (auth?.method === 'key') redactor.add(auth.passphrase);
    }
    redactor.add(device.enablePassword);
  }
  return redactor;
}
