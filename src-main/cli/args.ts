import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with every command's shared flags and with its errors turned into
 * one readable line ("unknown option --jsn for wfos-audit matrix").
 */
export function parseCommandArgs<T extends Options>(command: string, argv: readonly string[], options: T, allowPositionals = false) {
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
