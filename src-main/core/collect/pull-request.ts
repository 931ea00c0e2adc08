import type { SshCredentials } from './auth';
import type { PullTarget } from './pull';
import type { SshLogin, TypedDevice } from './pull-job-schema';
import { sshProfileFor, sshVendorIds } from './profiles';

/**
 * A device as the form sent it, as the collector's pull target. The key file arrives as the
 * bytes the window read (the renderer never names a path); the ssh-agent is the main
 * process's own (SSH_AUTH_SOCK), when it has one.
 */
export function pullTargetOf(device: TypedDevice, agentSocket: string | undefined): PullTarget {
  if (!sshProfileFor(device.vendor)) throw new Error(`no SSH profile for vendor "${device.vendor}" (known: ${sshVendorIds().join(', ')})`);
  return {
    host: device.host,
    port: device.port,
    vendor: device.vendor,
    credentials: credentialsOf(device.login, agentSocket),
    ...(device.enablePassword !== undefined && { enablePassword: device.enablePassword }),
    ...(device.jump && { jump: { host: device.jump.host, port: device.jump.port, credentials: credentialsOf(device.jump.login, agentSocket) } }),
  };
}

function credentialsOf(login: SshLogin, agentSocket: string | undefined): SshCredentials {
  const { username, auth } = login;
  switch (auth.method) {
    case 'password':
      return { username, password: auth.password };
    case 'key':
      return { username, privateKey: { key: Buffer.from(auth.keyBase64, 'base64'), source: auth.keyFileName, ...(auth.passphrase !== undefined && { passphrase: auth.passphrase }) } };
    case 'agent':
      if (!agentSocket) throw new Error('the ssh-agent was chosen, but the app sees none (SSH_AUTH_SOCK is not set where it was started)');
      return { username, agentSocket };
  }
}

/** Whether the main process can offer the ssh-agent, and why not. */
export function agentAvailability(agentSocket: string | undefined): { available: boolean; why?: string } {
  return agentSocket ? { available: true } : { available: false, why: 'no ssh-agent: SSH_AUTH_SOCK is not set where the app was started' };
}
