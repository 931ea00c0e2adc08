/** The step of a collection a failure happened in, as a user would name it. */
export type CollectStep = 'credentials' | 'connect' | 'host-key' | 'auth' | 'shell' | 'prompt' | 'enable' | 'setup' | 'command' | 'guard';

/** What went wrong, for callers that react differently (retry, ask, stop). */
export type CollectFailure =
  | 'bad-input'
  | 'network'
  | 'algorithms'
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'host-key-revoked'
  | 'auth-failed'
  | 'timeout'
  | 'cancelled'
  | 'disconnected'
  | 'config-mode'
  | 'enable-failed'
  | 'refused-command'
  | 'too-large'
  | 'protocol';

/**
 * A collection failure that says where: `10.50.0.1:22: authentication failed (tried publickey,
 * password)`. The message never carries a credential: every detail passes through the
 * session's redactor before it is put here.
 */
export class CollectError extends Error {
  override name = 'CollectError';

  constructor(
    /** `host:port` (with " (jump host)" when the failure was on the way). */
    readonly target: string,
    readonly step: CollectStep,
    readonly failure: CollectFailure,
    detail: string,
  ) {
    super(`${target}: ${detail}`);
  }
}

/** `host:port`, with IPv6 addresses in brackets so the port stays readable. */
export function targetLabel(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
