/**
 * One subcommand of `wfos-audit`. Commands write results to `out` and progress to `err`
 * so that the same code runs in tests without spawning a process.
 */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Directory relative paths on the command line are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

export interface CliCommand {
  name: string;
  /** Full `--help` text of the command. */
  usage: string;
  /** Resolves to the process exit code (0 done, 1 findings reached --fail-on, 2 bad input). */
  run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

/** Bad input or a failure the user can act on: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
