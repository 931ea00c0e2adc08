import type { CliIo } from '../../src-main/cli/command';

/** A CliIo that records what a command writes, for running commands in-process. */
export function recordingIo(cwd = process.cwd(), env: Record<string, string | undefined> = {}) {
  const io = { stdout: '', stderr: '' };
  const cli: CliIo = {
    out: (text) => void (io.stdout += text),
    err: (text) => void (io.stderr += text),
    cwd,
    env,
  };
  return Object.assign(io, { cli });
}
