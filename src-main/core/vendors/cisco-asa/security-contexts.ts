import type { ConfigCommand } from './lines';
import type { ReadState } from './raw-config';

/**
 * `context NAME` with its `allocate-interface` and `config-url` lines, in the system
 * configuration of a multiple-context ASA. A context's interfaces, objects and access lists are
 * in its own configuration, at its config-url, not here: the block only says where to find them.
 */
export function readSecurityContext(command: ConfigCommand, { ctx }: ReadState): void {
  const name = command.head.tokens[1];
  if (name === undefined) {
    ctx.notUnderstood(command.head, 'context needs a name');
    return command.children.forEach((line) => ctx.notUnderstood(line, undefined, { quiet: true }));
  }
  const url = command.children.find((line) => line.tokens[0] === 'config-url')?.tokens[1];
  ctx.report(
    command.head.number,
    'info',
    `security context ${name}: its interfaces and access rules are in its own configuration${url === undefined ? '' : ` (${url})`}; audit that as a file of its own`,
  );
  ctx.ignored(command.head);
  command.children.forEach((line) => ctx.ignored(line));
}
