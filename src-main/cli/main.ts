import { type CliIo, UsageError } from './command';
import { COMMANDS as commands } from './command-list';
import { VERSION } from './version';

export { VERSION };

function topUsage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `wfos-audit ${VERSION}: checks firewalls against the Avaya WFOS 5.2.3 port matrix

Usage: wfos-audit <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help     show this help (or a command's: wfos-audit <command> --help)
  -v, --version  print the version

Exit codes: 0 done, 1 findings or gaps reached --fail-on, 2 bad input or a failure.
`;
}

/** Runs one command line; never throws: errors become one line on stderr and exit code 2. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(topUsage());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) {
    io.err(`wfos-audit: unknown command "${first}" (see wfos-audit --help)\n`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (error) {
    // Known failures carry their own "what and where"; anything else still gets one line, no stack.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`wfos-audit ${command.name}: ${message.replace(/^wfos-audit \w+: /, '')}\n`);
    if (!(error instanceof UsageError) && io.env.WFOS_AUDIT_DEBUG) io.err(`${(error as Error).stack ?? ''}\n`);
    return 2;
  }
}

function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}
