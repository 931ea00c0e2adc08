import type { PullDeviceView, SshAuthMethod, TypedDeviceInput } from '../../src-main/core/collect/pull-job-schema';
import { formatBytes } from './file-contents';

/** A login as the form holds it while it is typed. */
export interface LoginDraft {
  username: string;
  method: SshAuthMethod;
  password: string;
  keyFileName: string;
  keyBase64: string;
  passphrase: string;
}

/** The "add a firewall by SSH" form as typed. */
export interface DeviceDraft {
  host: string;
  port: string;
  vendor: string;
  login: LoginDraft;
  enablePassword: string;
  useJump: boolean;
  jump: { host: string; port: string; login: LoginDraft };
  remember: boolean;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export function emptyLogin(username = ''): LoginDraft {
  return { username, method: 'password', password: '', keyFileName: '', keyBase64: '', passphrase: '' };
}

export function emptyDeviceDraft(vendor: string): DeviceDraft {
  return { host: '', port: '22', vendor, login: emptyLogin(), enablePassword: '', useJump: false, jump: { host: '', port: '22', login: emptyLogin() }, remember: false };
}

/**
 * The next device of a list: the same login, vendor and jump host (a site's firewalls usually
 * share them), another host to type, and no secret kept longer than the form needs it.
 */
export function nextDeviceDraft(previous: DeviceDraft): DeviceDraft {
  return { ...structuredClone(previous), host: '' };
}

/** A copy with every secret emptied, once they have been sent. */
export function withoutSecrets(draft: DeviceDraft): DeviceDraft {
  const clear = (login: LoginDraft): LoginDraft => ({ ...login, password: '', passphrase: '', keyBase64: '', keyFileName: '' });
  return { ...draft, login: clear(draft.login), enablePassword: '', jump: { ...draft.jump, login: clear(draft.jump.login) } };
}

function portOf(text: string, field: string, problems: FieldProblem[]): number {
  const port = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || port < 1 || port > 65535) problems.push({ field, message: 'a port is a number from 1 to 65535' });
  return port;
}

function hostOf(text: string, field: string, problems: FieldProblem[]): string {
  const host = text.trim().replace(/^\[(.*)\]$/, '$1');
  if (!host) problems.push({ field, message: 'give the host name or address' });
  else if (!/^[A-Za-z0-9._:%-]+$/.test(host)) problems.push({ field, message: host.includes('@') ? 'the login name goes in its own field' : 'a host name or an IP address, without spaces' });
  return host;
}

function loginOf(draft: LoginDraft, prefix: string, problems: FieldProblem[]): TypedDeviceInput['login'] {
  const username = draft.username.trim();
  if (!username) problems.push({ field: `${prefix}.username`, message: 'give the login name' });
  switch (draft.method) {
    case 'password':
      if (!draft.password) problems.push({ field: `${prefix}.password`, message: 'type the password' });
      return { username, auth: { method: 'password', password: draft.password } };
    case 'key':
      if (!draft.keyBase64) problems.push({ field: `${prefix}.key`, message: 'choose the private key file' });
      return { username, auth: { method: 'key', keyFileName: draft.keyFileName, keyBase64: draft.keyBase64, ...(draft.passphrase && { passphrase: draft.passphrase }) } };
    case 'agent':
      return { username, auth: { method: 'agent' } };
  }
}

/** The form as the API's device, or what to fix first, field by field. */
export function deviceRequestOf(draft: DeviceDraft): { device: TypedDeviceInput } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const device: TypedDeviceInput = {
    kind: 'typed',
    host: hostOf(draft.host, 'host', problems),
    port: portOf(draft.port, 'port', problems),
    vendor: draft.vendor,
    login: loginOf(draft.login, 'login', problems),
    ...(draft.enablePassword && { enablePassword: draft.enablePassword }),
    ...(draft.useJump && {
      jump: { host: hostOf(draft.jump.host, 'jump.host', problems), port: portOf(draft.jump.port, 'jump.port', problems), login: loginOf(draft.jump.login, 'jump.login', problems) },
    }),
    remember: draft.remember,
  };
  if (!draft.vendor) problems.push({ field: 'vendor', message: 'choose the kind of device' });
  return problems.length > 0 ? { problems } : { device };
}

/** `audit@10.50.0.1:22`, with brackets around an IPv6 address. */
export function deviceLabel(device: { username: string; host: string; port: number }): string {
  const host = device.host.includes(':') ? `[${device.host}]` : device.host;
  return `${device.username}@${host}:${device.port}`;
}

const STATE_TEXT: Record<PullDeviceView['state'], string> = {
  queued: 'Waiting for its turn',
  connecting: 'Connecting',
  'host-key': 'Checking the host key',
  authenticating: 'Logging in',
  capturing: 'Capturing',
  adding: 'Adding as a source',
  done: 'Added',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** One line per device for its progress row: what it is doing, on what, how much has come. */
export function progressText(device: PullDeviceView): string {
  const doing = STATE_TEXT[device.state];
  if (device.state === 'capturing') return `${doing}${device.detail ? `: ${device.detail}` : ''} (${formatBytes(device.bytes)} received)`;
  if (device.state === 'done' && device.source) return `${doing} as ${device.source.name}: ${device.source.lines} lines, ${formatBytes(device.bytes)} received`;
  return device.detail && device.state !== 'failed' && device.state !== 'cancelled' ? `${doing} (${device.detail})` : doing;
}

/** How the device's host key came to be trusted, for people. */
export function trustText(trust: string): string {
  return trust === 'known' ? "already in the app's known_hosts" : trust === 'recorded' ? 'accepted by you and recorded' : 'accepted for this pull only';
}

/** A changed or revoked key stops the pull for good: the screen shows it as such, with no way to accept it. */
export function isHardStop(device: PullDeviceView): boolean {
  return device.failure === 'host-key-changed' || device.failure === 'host-key-revoked';
}
