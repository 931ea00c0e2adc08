import { createHash } from 'node:crypto';
import { CollectError } from './errors';
import type { CapturePurpose, PromptMatch, SshVendorProfile } from './profile';
import type { Redactor } from './redact';
import type { CommandOutput, DeviceShell } from './shell';

/** One command's output as the evidence records it. */
export interface CommandRecord {
  command: string;
  purpose: CapturePurpose | 'setup';
  sentAt?: string;
  /** False when the output is partial, refused, or the command was never run. */
  complete: boolean;
  reason?: string;
  lines: number;
  sha256: string;
  pagesTurned: number;
}

export interface DeviceCapture {
  prompt: PromptMatch;
  /** Undefined when the session ended before `show running-config` (or its equivalent) was sent. */
  configuration?: { lines: string[]; complete: boolean; reason?: string };
  outputs: Map<CapturePurpose, string[]>;
  records: CommandRecord[];
  warnings: string[];
}

export type CapturePhase = 'prompt' | 'enable' | 'setup' | 'command';

/**
 * The read-only conversation with one device: first prompt, privileged mode when needed,
 * session-only setup, then every capture command in order. A capture that does not end at a
 * prompt, that the device refuses, or that the profile finds cut short is recorded as
 * incomplete; after a broken output nothing more is sent.
 */
export async function captureDevice(
  shell: DeviceShell,
  profile: SshVendorProfile,
  options: { enablePassword?: string; redactor: Redactor; onPhase?: (phase: CapturePhase, detail?: string) => void },
): Promise<DeviceCapture> {
  const { redactor, onPhase } = options;
  onPhase?.('prompt');
  const prompt = await shell.waitForFirstPrompt();
  if (profile.privilege && prompt.mode === 'user') {
    onPhase?.('enable', profile.privilege.command);
    await shell.elevate(options.enablePassword);
  }
  const capture: DeviceCapture = { prompt: shell.prompt ?? prompt, outputs: new Map(), records: [], warnings: [] };
  for (const setup of profile.setup) {
    onPhase?.('setup', setup.command);
    const output = await shell.run(setup.command, 'setup');
    if (output.end !== 'prompt') throw new CollectError(shell.label, 'setup', output.end, `${output.detail ?? output.end} (during "${setup.command}")`);
    const refusal = output.lines.find((line) => profile.refusal.test(line));
    if (refusal) capture.warnings.push(setup.ifRefused);
    capture.records.push(record(output, 'setup', refusal ? `refused: ${refusal}` : undefined, redactor));
  }
  let broken: string | undefined;
  for (const spec of profile.captures) {
    if (broken) {
      capture.records.push({ command: spec.command, purpose: spec.purpose, complete: false, reason: `not run: ${broken}`, lines: 0, sha256: sha256(''), pagesTurned: 0 });
      continue;
    }
    onPhase?.('command', spec.command);
    const output = await shell.run(spec.command);
    if (output.end === 'cancelled') throw new CollectError(shell.label, 'command', 'cancelled', `cancelled during "${spec.command}"; nothing was saved`);
    const lines = output.lines.map((line) => redactor.redact(line));
    const refusal = output.end === 'prompt' ? lines.find((line) => profile.refusal.test(line)) : undefined;
    const reason =
      output.end !== 'prompt'
        ? describeBrokenOutput(output)
        : refusal
          ? `the device refused it: ${refusal}`
          : spec.incompleteBecause?.(lines);
    if (output.end !== 'prompt') broken = `the session broke during "${spec.command}"`;
    capture.outputs.set(spec.purpose, lines);
    capture.records.push(record({ ...output, lines }, spec.purpose, reason, redactor));
    if (spec.purpose === 'configuration') capture.configuration = { lines, complete: reason === undefined, ...(reason ? { reason } : {}) };
    else if (reason) capture.warnings.push(`"${spec.command}" is incomplete: ${reason}`);
  }
  return capture;
}

function describeBrokenOutput(output: CommandOutput): string {
  const what = output.detail ?? output.end;
  return output.lines.length > 0 ? `${what}, after ${output.lines.length} lines` : what;
}

function record(output: CommandOutput, purpose: CommandRecord['purpose'], reason: string | undefined, redactor: Redactor): CommandRecord {
  const text = textOfLines(output.lines.map((line) => redactor.redact(line)));
  return {
    command: output.command,
    purpose,
    sentAt: output.sentAt,
    complete: reason === undefined,
    ...(reason ? { reason } : {}),
    lines: output.lines.length,
    sha256: sha256(text),
    pagesTurned: output.pagesTurned,
  };
}

/** Lines as a file holds them: LF after each line, nothing for no lines. */
export function textOfLines(lines: readonly string[]): string {
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
