import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from '../../electron.config';
import type { PhaseName, PhaseReport } from './measure-phase';

const PHASE_SOURCE = fileURLToPath(new URL('./measure-phase.ts', import.meta.url));
let phaseScript: Promise<string> | undefined;

/**
 * The phase script bundled the way the app's main process is, so the bench times the code as
 * it ships rather than as tsx compiles it on the fly (tsx keeps every function's name, which
 * costs a property definition for each closure made). ESM, for the script's top-level await.
 */
function bundledPhaseScript(): Promise<string> {
  phaseScript ??= (async () => {
    // Inside the project, so the packages the app keeps outside its bundle (pdfkit, ssh2) resolve.
    const outfile = join(fileURLToPath(new URL('../../out/bench/', import.meta.url)), 'measure-phase.mjs');
    await build({
      ...nodeBundle,
      entryPoints: [PHASE_SOURCE],
      outfile,
      format: 'esm',
      sourcemap: false,
      // Bundled CommonJS packages still call require() for Node built-ins.
      banner: { js: "import { createRequire as wfosCreateRequire } from 'node:module'; const require = wfosCreateRequire(import.meta.url);" },
    });
    return outfile;
  })();
  return phaseScript;
}

export type PhaseOutcome =
  | (PhaseReport & { timedOut?: false })
  | { phase: PhaseName; timedOut: true; limitSeconds: number; /** Seen from outside while it ran (Linux). */ maxRssBytes?: number };

export interface PhaseRequest {
  phase: PhaseName;
  configPath: string;
  sitePath: string;
  repeats: number;
  limitSeconds: number;
}

/** The kernel's RSS high-water mark of a running process, so a phase stopped at its limit still has a memory figure. */
function highWaterMark(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs one phase in a fresh Node process: each gets its own RSS high-water mark and a cold
 * start, as the app and the command line have. `--expose-gc` lets the child weigh what it
 * keeps after a full collection.
 */
export async function runPhase(repoRoot: string, request: PhaseRequest): Promise<PhaseOutcome> {
  const args = ['--expose-gc', await bundledPhaseScript(), request.phase, request.configPath, request.sitePath, String(request.repeats)];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peak: number | undefined;
  let timedOut = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const watch = setInterval(() => {
    const seen = child.pid === undefined ? undefined : highWaterMark(child.pid);
    if (seen !== undefined) peak = Math.max(peak ?? 0, seen);
  }, 250);
  const limit = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, request.limitSeconds * 1000);

  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(watch);
      clearTimeout(limit);
      if (timedOut) return resolve({ phase: request.phase, timedOut: true, limitSeconds: request.limitSeconds, ...(peak !== undefined && { maxRssBytes: peak }) });
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as PhaseReport);
      } catch {
        const why = stderr.trim().split('\n').slice(-3).join(' / ') || `exit ${code ?? signal}`;
        resolve({ phase: request.phase, timesMs: [], maxRssBytes: 0, retainedHeapBytes: 0, error: `the ${request.phase} process failed: ${why}` });
      }
    });
  });
}
