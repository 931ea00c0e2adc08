import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type CliCommand, type CliIo, UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with every command's shared flags and with its errors turned into
 * one readable line ("unknown option --jsn for wfos-audit matrix").
 */
function parseCommandArgs<T extends Options>(command: string, argv: readonly string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`wfos-audit ${command}: ${message}`);
  }
}

type Parsed<T extends Options> = ReturnType<typeof parseCommandArgs<T>>;

/**
 * A subcommand with its options declared once: parsing, `--help` and the one-line errors for
 * bad options are handled here, so each command's run() starts from valid arguments.
 */
export function defineCommand<T extends Options>(spec: {
  name: string;
  usage: string;
  options: T;
  positionals?: boolean;
  run: (args: Parsed<T>, io: CliIo) => Promise<number>;
}): CliCommand {
  return {
    name: spec.name,
    usage: spec.usage,
    async run(argv, io) {
      const args = parseCommandArgs(spec.name, argv, spec.options, spec.positionals ?? false);
      if ((args.values as { help?: boolean }).help) {
        io.out(spec.usage);
        return 0;
      }
      return spec.run(args, io);
    },
  };
}
