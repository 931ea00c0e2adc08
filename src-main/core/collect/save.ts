import { renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sha256 } from './capture';
import { evidencePathFor, incompletePathFor, type CaptureEvidence } from './evidence';
import type { PullResult } from './pull';

export interface SavedCapture {
  /** Where the configuration went: the requested path, or `PATH.incomplete` for a partial one. */
  configurationFile: string;
  evidenceFile: string;
  transcriptFile: string;
  evidence: CaptureEvidence;
}

/**
 * Writes a pulled configuration, its transcript and its evidence. A complete capture goes to
 * `path`; a partial one only to `path.incomplete` (with its evidence saying `complete: false`),
 * so that nothing that reads `path` mistakes it for the device's configuration. Files are
 * written whole or not at all, readable by the owner only: configurations are sensitive.
 */
export function saveCapture(result: PullResult, path: string): SavedCapture {
  const configurationFile = result.complete ? path : incompletePathFor(path);
  const transcriptFile = `${configurationFile}.transcript.txt`;
  const evidenceFile = evidencePathFor(configurationFile);
  const evidence: CaptureEvidence = {
    ...result.evidence,
    configuration: { ...result.evidence.configuration, file: basename(configurationFile) },
    transcript: { ...result.evidence.transcript, file: basename(transcriptFile), sha256: sha256(result.transcript) },
  };
  writeWhole(configurationFile, result.configuration);
  writeWhole(transcriptFile, result.transcript);
  writeWhole(evidenceFile, JSON.stringify(evidence, null, 2) + '\n');
  return { configurationFile, evidenceFile, transcriptFile, evidence };
}

/** Writes a file whole or not at all (a temporary file renamed over it), readable by the owner only. */
export function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, path);
}
