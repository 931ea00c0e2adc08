import type { Duplex } from 'node:stream';
import type { Client, ClientChannel, VerifyCallback } from 'ssh2';
import { describeNegotiationFailure, sessionAlgorithms, weakAlgorithmWarnings, type AlgorithmKind, type NegotiatedAlgorithms } from './algorithms';
import { describeAuthFailure, planAuthentication, type AuthPlan, type SshCredentials } from './auth';
import { CollectError, targetLabel, type CollectStep } from './errors';
import { HostKeyGate, type HostKeyOptions, type TrustedHostKey } from './host-key-gate';
import type { Redactor } from './redact';
import { SshClient } from './ssh2-runtime';
import { formatDuration, type StepTimeouts } from './timeouts';

/** One SSH server to log in to. */
export interface SshEndpoint {
  host: string;
  port: number;
  credentials: SshCredentials;
  /** Legacy algorithms this device may use, by kind (see WEAK_ALGORITHMS). */
  weakAlgorithms?: Partial<Record<AlgorithmKind, readonly string[]>>;
}

export interface ConnectOptions {
  hostKeys: HostKeyOptions;
  timeouts: StepTimeouts;
  redactor: Redactor;
  signal?: AbortSignal;
  onState?: (state: ConnectState, detail?: string) => void;
  /** A stream to the server (a jump host's forwarded channel) instead of a TCP connection. */
  sock?: Duplex;
  /** Appended to the label in messages: " (jump host)". */
  role?: string;
}

export type ConnectState = 'connecting' | 'host-key' | 'authenticating' | 'ready' | 'failed';

/** A logged-in SSH connection, with what the evidence needs to know about how it was made. */
export interface SshConnection {
  client: Client;
  label: string;
  hostKey: TrustedHostKey;
  algorithms: NegotiatedAlgorithms;
  authMethod: string;
  /** The pre-login banner the server sent, if any. */
  banner: string;
  warnings: string[];
  close(): void;
}

const STEP_OF: Record<ConnectState, CollectStep> = { connecting: 'connect', 'host-key': 'host-key', authenticating: 'auth', ready: 'auth', failed: 'connect' };
const DOING: Record<ConnectState, string> = {
  connecting: 'connecting and exchanging keys',
  'host-key': 'checking the host key',
  authenticating: 'authenticating',
  ready: 'logged in',
  failed: 'failed',
};

/** ssh2's debug lines that say what the server offered, for a useful "no common algorithm". */
const OFFERED = /^Handshake: \(remote\) (KEX method|Host key format|C->S cipher|C->S MAC): (.*)$/;
const OFFERED_KIND: Record<string, AlgorithmKind> = { 'KEX method': 'kex', 'Host key format': 'serverHostKey', 'C->S cipher': 'cipher', 'C->S MAC': 'hmac' };

/**
 * Connects and logs in, one state at a time: `connecting` (TCP and key exchange) →
 * `host-key` (known_hosts and the policy; no timer, a person may be deciding) →
 * `authenticating` → `ready`. Each timed state has its own limit; the signal cancels any.
 * Nothing is sent to a server whose key was not accepted, and no credential before that.
 */
export function connectSsh(endpoint: SshEndpoint, options: ConnectOptions): Promise<SshConnection> {
  const label = targetLabel(endpoint.host, endpoint.port) + (options.role ?? '');
  const { timeouts, signal, redactor } = options;
  const auth: AuthPlan = planAuthentication(endpoint.credentials, label);
  const gate = new HostKeyGate(options.hostKeys, endpoint.host, endpoint.port, label);
  const client = new SshClient();
  const offered: Partial<Record<AlgorithmKind, string>> = {};
  let state: ConnectState = 'connecting';
  let timer: NodeJS.Timeout | undefined;
  let hostKeyFailure: CollectError | undefined;
  let banner = '';
  let negotiated: NegotiatedAlgorithms | undefined;

  return new Promise<SshConnection>((resolve, reject) => {
    const enter = (next: ConnectState, limit?: { ms: number }) => {
      state = next;
      clearTimeout(timer);
      if (limit) timer = setTimeout(() => fail(new CollectError(label, STEP_OF[next], 'timeout', `timed out after ${formatDuration(limit.ms)} ${DOING[next]}`)), limit.ms);
      options.onState?.(next);
    };
    const fail = (error: CollectError) => {
      if (state === 'ready' || state === 'failed') return;
      state = 'failed';
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      client.destroy();
      reject(error);
    };
    const onAbort = () => fail(new CollectError(label, STEP_OF[state], 'cancelled', `cancelled while ${DOING[state]}`));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    client.on('banner', (text: string) => void (banner += text));
    client.on('handshake', (algorithms) => {
      negotiated = { kex: algorithms.kex, serverHostKey: algorithms.serverHostKey, cipher: algorithms.cs.cipher, hmac: algorithms.cs.mac || 'implicit (AEAD cipher)' };
      gate.keyExchangeVerified();
    });
    client.on('ready', () => {
      if (state === 'failed') return;
      enter('ready');
      signal?.removeEventListener('abort', onAbort);
      const algorithms = negotiated ?? { kex: '?', serverHostKey: '?', cipher: '?', hmac: '?' };
      resolve({
        client,
        label,
        hostKey: gate.trusted!,
        algorithms,
        authMethod: auth.tried.at(-1) ?? 'none',
        banner: redactor.redact(banner),
        warnings: weakAlgorithmWarnings(algorithms),
        close: () => client.end(),
      });
    });
    // While a new host key is put to a person the device may hang up (its login grace time
    // runs); that is said once the person has answered, since a refusal is the better message.
    let deciding = false;
    let closedWhileDeciding = false;
    client.on('error', (error: Error & { level?: string; code?: string }) => {
      if (deciding) closedWhileDeciding = true;
      else fail(hostKeyFailure ?? translateError(error));
    });
    client.on('close', () => {
      if (deciding) closedWhileDeciding = true;
      else fail(hostKeyFailure ?? new CollectError(label, STEP_OF[state], 'disconnected', `the server closed the connection while ${DOING[state]}`));
    });

    const translateError = (error: Error & { level?: string; code?: string }): CollectError => {
      const step = STEP_OF[state];
      if (error.level === 'client-authentication') return new CollectError(label, 'auth', 'auth-failed', redactor.redact(describeAuthFailure(auth)));
      if (error.level === 'client-socket' || error.level === 'client-dns') return new CollectError(label, 'connect', 'network', describeSocketError(error));
      if (error.level === 'client-timeout') return new CollectError(label, step, 'timeout', 'the server stopped answering keepalives');
      const negotiation = /no matching/.test(error.message) ? describeNegotiationFailure(error.message, offered) : undefined;
      if (negotiation) return new CollectError(label, 'connect', 'algorithms', negotiation);
      return new CollectError(label, step, 'protocol', `${DOING[state]} failed: ${redactor.redact(error.message)}`);
    };

    const hostVerifier = (key: Buffer, verify: VerifyCallback) => {
      const rekey = state === 'ready';
      if (!rekey) enter('host-key');
      deciding = !rekey;
      gate.verify(key).then(
        (failure) => {
          deciding = false;
          if (failure) {
            hostKeyFailure = failure;
            // ssh2 cannot answer on a connection the device has already closed.
            if (!closedWhileDeciding) verify(false);
            return fail(failure);
          }
          if (closedWhileDeciding) {
            return fail(new CollectError(label, 'host-key', 'disconnected', 'the server closed the connection while the host key was being decided (its time to log in ran out)'));
          }
          if (!rekey) enter('authenticating', { ms: timeouts.auth });
          verify(true);
        },
        (error: Error) => {
          deciding = false;
          hostKeyFailure = new CollectError(label, 'host-key', 'protocol', `checking the host key failed: ${redactor.redact(error.message)}`);
          if (!closedWhileDeciding) verify(false);
          fail(hostKeyFailure);
        },
      );
    };

    enter('connecting', { ms: timeouts.connect });
    client.connect({
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.credentials.username,
      ...(options.sock ? { sock: options.sock } : {}),
      readyTimeout: 0,
      keepaliveInterval: 15_000,
      keepaliveCountMax: 4,
      algorithms: sessionAlgorithms(endpoint.weakAlgorithms ?? {}, gate.preferredKeyTypes()),
      hostVerifier,
      authHandler: auth.handler,
      debug: (line: string) => {
        const match = OFFERED.exec(line);
        const kind = match ? OFFERED_KIND[match[1]!] : undefined;
        if (match && kind) offered[kind] = match[2];
      },
    });
  });
}

function describeSocketError(error: Error & { code?: string }): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens on that port, or a firewall rejects it)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'cannot resolve the host name';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ETIMEDOUT':
      return 'the TCP connection timed out';
    case 'ECONNRESET':
      return 'the connection was reset by the server';
    default:
      return `network error: ${error.message}`;
  }
}

/** Opens a TCP channel through a logged-in jump host to the real target. */
export function forwardThrough(jump: SshConnection, host: string, port: number, timeouts: StepTimeouts): Promise<ClientChannel> {
  const label = targetLabel(host, port);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new CollectError(label, 'connect', 'timeout', `timed out after ${formatDuration(timeouts.connect)} opening a channel through the jump host ${jump.label}`)), timeouts.connect);
    jump.client.forwardOut('127.0.0.1', 0, host, port, (error, channel) => {
      clearTimeout(timer);
      if (error) return reject(new CollectError(label, 'connect', 'network', `the jump host ${jump.label} could not reach it: ${error.message}`));
      resolve(channel);
    });
  });
}
