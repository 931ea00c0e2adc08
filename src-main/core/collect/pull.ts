import type { Duplex } from 'node:stream';
import { classifyWeakAlgorithms } from './algorithms';
import { secretsOf, type SshCredentials } from './auth';
import { captureDevice, sha256, textOfLines, type DeviceCapture } from './capture';
import { connectSsh, forwardThrough, type ConnectState, type SshConnection } from './connect';
import { CollectError, targetLabel } from './errors';
import { EVIDENCE_SCHEMA, type CaptureEvidence } from './evidence';
import type { PresentedHostKey } from './host-key';
import { connectAgainIfDecidedLate, HostKeyDecisions } from './host-key-decisions';
import type { HostKeyOptions, TrustedHostKey } from './host-key-gate';
import type { SshVendorProfile } from './profile';
import { assertProfileReadOnly, sshProfileFor, sshVendorIds } from './profiles';
import { Redactor } from './redact';
import { DeviceShell } from './shell';
import { resolveTimeouts, type StepTimeouts } from './timeouts';

const TRUST_TEXT: Record<TrustedHostKey['trust'], string> = {
  known: 'known',
  recorded: 'new: accepted and recorded in known_hosts',
  'accepted-once': 'new: accepted for this session only',
};

/** One device to pull. Secrets are held in memory for this pull only. */
export interface PullTarget {
  /** For progress and results; defaults to `host:port`. */
  name?: string;
  host: string;
  port?: number;
  /** A vendor with an SSH profile (`cisco-asa`). */
  vendor: string;
  credentials: SshCredentials;
  enablePassword?: string;
  /** Reach the device through this SSH server (ssh -J). */
  jump?: { host: string; port?: number; credentials: SshCredentials };
  /** Legacy algorithm names this device may use (`diffie-hellman-group1-sha1`, `ssh-rsa`, `aes128-cbc`). */
  weakAlgorithms?: readonly string[];
}

export type PullPhase = ConnectState | 'prompt' | 'enable' | 'setup' | 'command' | 'complete' | 'incomplete';

export interface PullProgress {
  target: string;
  phase: PullPhase;
  detail?: string;
}

export interface PullOptions {
  hostKeys: HostKeyOptions;
  timeouts?: Partial<StepTimeouts>;
  signal?: AbortSignal;
  onProgress?: (event: PullProgress) => void;
  /** How many bytes a device's shell has sent so far, as they arrive (a progress bar's figure). */
  onReceived?: (event: { target: string; bytes: number }) => void;
  /** Use this profile instead of the vendor's (a narrower command list, tests). */
  profile?: SshVendorProfile;
  tool?: { name: string; version: string };
  /** The most a session may send before it is stopped as too large (default MAX_SESSION_BYTES). */
  maxSessionBytes?: number;
}

export interface PullResult {
  target: string;
  complete: boolean;
  incompleteReason?: string;
  /** The configuration as extracted, LF line endings, credentials masked. */
  configuration: string;
  /** Everything the device sent, credentials masked. */
  transcript: string;
  evidence: CaptureEvidence;
}

/**
 * Pulls one device's configuration read-only. Throws a CollectError (saying host and step)
 * when nothing usable was captured; returns a result with `complete: false` and the reason
 * when the configuration was cut short, so that the partial text is kept but never mistaken
 * for the whole.
 */
export async function pullConfiguration(target: PullTarget, options: PullOptions): Promise<PullResult> {
  const port = target.port ?? 22;
  const label = targetLabel(target.host, port);
  const name = target.name ?? label;
  const redactor = new Redactor([...secretsOf(target.credentials), target.enablePassword, ...(target.jump ? secretsOf(target.jump.credentials) : [])]);
  const progress = (phase: PullPhase, detail?: string) => options.onProgress?.({ target: name, phase, ...(detail ? { detail: redactor.redact(detail) } : {}) });
  const profile = options.profile ?? sshProfileFor(target.vendor);
  if (!profile) throw new CollectError(label, 'credentials', 'bad-input', `no SSH profile for vendor "${target.vendor}" (known: ${sshVendorIds().join(', ')})`);
  assertProfileReadOnly(profile, label);
  const weak = classifyWeakAlgorithms(target.weakAlgorithms ?? []);
  if ('error' in weak) throw new CollectError(label, 'credentials', 'bad-input', weak.error);
  const timeouts = resolveTimeouts(options.timeouts);
  // The policy hears which pull asks, so that an app asking a person can say which device it is
  // about; it is asked once per key, however often the pull has to connect.
  const policy = options.hostKeys.policy;
  const decisions = new HostKeyDecisions({ unknownHostKey: (key: PresentedHostKey) => policy.unknownHostKey({ ...key, target: name }) });
  const hostKeys = { ...options.hostKeys, policy: decisions };
  const again = (who: string) => () => progress('connecting', `again: ${who} closed the connection while its host key was being decided`);
  const connectOptions = { hostKeys, timeouts, redactor, ...(options.signal ? { signal: options.signal } : {}) };
  const startedAt = new Date().toISOString();
  const opened: { close(): void }[] = [];
  try {
    let jump: SshConnection | undefined;
    if (target.jump) {
      const via = { host: target.jump.host, port: target.jump.port ?? 22, credentials: target.jump.credentials };
      const viaLabel = `jump host ${targetLabel(via.host, via.port)}`;
      jump = await connectAgainIfDecidedLate(decisions, () => connectSsh(via, { ...connectOptions, role: ' (jump host)', onState: (state) => progress(state, viaLabel) }), again(`the ${viaLabel}`));
      opened.push(jump);
    }
    const connection = await connectAgainIfDecidedLate(
      decisions,
      async () => {
        // A forwarded channel serves one connection: each attempt opens its own.
        const sock: Duplex | undefined = jump && (await forwardThrough(jump, target.host, port, timeouts));
        return connectSsh(
          { host: target.host, port, credentials: target.credentials, weakAlgorithms: weak.allowed },
          { ...connectOptions, ...(sock ? { sock } : {}), onState: (state) => state !== 'ready' && progress(state) },
        );
      },
      again('the device'),
    );
    opened.unshift(connection);
    const { hostKey } = connection;
    progress('ready', `with ${connection.authMethod}; host key ${hostKey.keyType} ${hostKey.fingerprint} ${TRUST_TEXT[hostKey.trust]}`);
    const onReceived = options.onReceived && ((bytes: number) => options.onReceived?.({ target: name, bytes }));
    const shell = await DeviceShell.open(connection.client, profile, { label, redactor, timeouts, ...(options.signal ? { signal: options.signal } : {}), ...(onReceived ? { onReceived } : {}), ...(options.maxSessionBytes !== undefined ? { maxBytes: options.maxSessionBytes } : {}) });
    opened.unshift(shell);
    const capture = await captureDevice(shell, profile, { ...(target.enablePassword !== undefined ? { enablePassword: target.enablePassword } : {}), redactor, onPhase: progress });
    shell.close();
    const result = buildResult({ target, port, name, profile, connection, shell, capture, startedAt, redactor, options, weakAllowed: Object.values(weak.allowed).flat() });
    progress(result.complete ? 'complete' : 'incomplete', result.incompleteReason);
    return result;
  } catch (error) {
    const failure = error instanceof CollectError ? error : new CollectError(label, 'command', 'protocol', redactor.redact(error instanceof Error ? error.message : String(error)));
    progress('failed', failure.message);
    throw failure;
  } finally {
    for (const resource of opened) resource.close();
  }
}

function buildResult(parts: {
  target: PullTarget;
  port: number;
  name: string;
  profile: SshVendorProfile;
  connection: SshConnection;
  shell: DeviceShell;
  capture: DeviceCapture;
  startedAt: string;
  redactor: Redactor;
  options: PullOptions;
  weakAllowed: string[];
}): PullResult {
  const { target, port, name, profile, connection, shell, capture } = parts;
  const configured = capture.configuration;
  if (!configured) {
    const broken = capture.records.find((record) => !record.complete && !record.reason?.startsWith('not run'));
    throw new CollectError(connection.label, 'command', 'disconnected', `the session ended before the configuration was captured${broken?.reason ? `: ${broken.reason}` : ''}`);
  }
  const configuration = textOfLines(configured.lines);
  const transcript = shell.transcript();
  const facts = profile.deviceFacts(capture.outputs);
  const evidence: CaptureEvidence = {
    schema: EVIDENCE_SCHEMA,
    complete: configured.complete,
    ...(configured.reason ? { incompleteReason: configured.reason } : {}),
    target: { host: target.host, port, username: target.credentials.username, vendor: profile.vendor, ...(target.jump ? { via: targetLabel(target.jump.host, target.jump.port ?? 22) } : {}) },
    device: { ...facts, prompt: capture.prompt.text, ...(connection.banner ? { loginBanner: connection.banner } : {}) },
    hostKey: connection.hostKey,
    algorithms: connection.algorithms,
    authMethod: connection.authMethod,
    startedAt: parts.startedAt,
    finishedAt: new Date().toISOString(),
    configuration: { sha256: sha256(configuration), bytes: Buffer.byteLength(configuration), lines: configured.lines.length },
    transcript: { sha256: sha256(transcript), bytes: Buffer.byteLength(transcript) },
    sent: shell.sent.map((sent) => ({ ...sent })),
    commands: capture.records,
    redactions: shell.secretsSeen(),
    warnings: [
      ...(parts.weakAllowed.length > 0 ? [`weak algorithms were allowed for this device: ${parts.weakAllowed.join(', ')}`] : []),
      ...connection.warnings,
      ...capture.warnings,
    ],
    tool: parts.options.tool ?? { name: 'wfos-audit', version: 'unknown' },
  };
  return { target: name, complete: configured.complete, ...(configured.reason ? { incompleteReason: configured.reason } : {}), configuration, transcript, evidence };
}
