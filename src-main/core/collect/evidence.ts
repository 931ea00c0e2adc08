import { existsSync, readFileSync } from 'node:fs';
import type { NegotiatedAlgorithms } from './algorithms';
import type { CommandRecord } from './capture';
import type { TrustedHostKey } from './host-key-gate';

export const EVIDENCE_SCHEMA = 'wfos-audit-capture/1';

/**
 * What a pulled configuration carries as evidence, saved beside it as `FILE.evidence.json`:
 * where and when it came from, which key vouched for the device, what was sent, hashes of
 * what was kept, and whether it is whole. `complete: false` means the configuration must not
 * be audited as if it were the device's.
 */
export interface CaptureEvidence {
  schema: typeof EVIDENCE_SCHEMA;
  complete: boolean;
  /** Why the capture is not complete. */
  incompleteReason?: string;
  target: { host: string; port: number; username: string; vendor: string; via?: string };
  device: { hostname?: string; version?: string; prompt: string; loginBanner?: string };
  hostKey: TrustedHostKey;
  algorithms: NegotiatedAlgorithms;
  authMethod: string;
  startedAt: string;
  finishedAt: string;
  /** The extracted configuration as saved. */
  configuration: { sha256: string; bytes: number; lines: number; file?: string };
  /** Everything the device sent, as saved (credentials masked). */
  transcript: { sha256: string; bytes: number; file?: string };
  /** Every line sent, in order; a secret appears as what it was ("enable password"), never its value. */
  sent: { sentAt: string; command?: string; secret?: string }[];
  commands: CommandRecord[];
  /** How many times a credential was found in what the device sent and masked. */
  redactions: number;
  warnings: string[];
  tool: { name: string; version: string };
}

/** The evidence file that belongs to a saved configuration. */
export function evidencePathFor(configurationPath: string): string {
  return `${configurationPath}.evidence.json`;
}

/** The name a partial capture is saved under, so that nothing reads it as the configuration. */
export function incompletePathFor(configurationPath: string): string {
  return `${configurationPath}.incomplete`;
}

/**
 * The capture evidence beside a configuration file, if it has any: what an audit checks
 * before trusting a pulled file (a file with `complete: false` is not the device's configuration).
 */
export function readCaptureEvidence(configurationPath: string): CaptureEvidence | undefined {
  const path = evidencePathFor(configurationPath);
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || (parsed as { schema?: unknown }).schema !== EVIDENCE_SCHEMA) {
    throw new Error(`${path}: not capture evidence (expected schema ${EVIDENCE_SCHEMA})`);
  }
  if (typeof (parsed as { complete?: unknown }).complete !== 'boolean') throw new Error(`${path}: "complete" is missing`);
  return parsed as CaptureEvidence;
}
