/**
 * What the ASA does with pasted `access-list` commands, for checking remediation text against
 * the device's own rules rather than against the writer's idea of them:
 * - `access-list NAME line N ...` puts the line at N of the list as `show access-list` numbers
 *   it (remarks count) and moves the line that was at N, and all below it, down one; N may be
 *   at most one past the end;
 * - `access-list NAME ...` adds the line at the end;
 * - `no access-list NAME ...` removes the line written exactly so, and fails if there is none.
 * Object-group definitions are accepted and ignored. Lists are kept as running-config lines
 * (without `line N`), one array per list.
 */
export function applyAsaCommands(lists: Map<string, string[]>, commands: readonly string[]): void {
  for (const command of commands) {
    if (/^(object-group |\s+(network|port)-object )/.test(command)) continue;
    const removal = /^no (access-list (\S+) .*)$/.exec(command);
    if (removal) {
      const lines = lists.get(removal[2]!) ?? [];
      const at = lines.indexOf(removal[1]!);
      if (at < 0) throw new Error(`no such entry: ${removal[1]}`);
      lines.splice(at, 1);
      continue;
    }
    const entry = /^access-list (\S+) (?:line (\d+) )?(.*)$/.exec(command);
    if (!entry) throw new Error(`not an access-list command: ${JSON.stringify(command)}`);
    const [, name, line, rest] = entry as unknown as [string, string, string | undefined, string];
    const lines = lists.get(name) ?? [];
    lists.set(name, lines);
    const text = `access-list ${name} ${rest}`;
    if (line === undefined) {
      lines.push(text);
      continue;
    }
    const index = Number(line) - 1;
    if (index < 0 || index > lines.length) throw new Error(`line ${line} is out of range for ${name} (${lines.length} lines)`);
    lines.splice(index, 0, text);
  }
}

/** The lists of a configuration as running-config lines, in file order. */
export function listsOf(config: readonly string[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const line of config) {
    const name = /^access-list (\S+) /.exec(line)?.[1];
    if (name === undefined) continue;
    lists.set(name, [...(lists.get(name) ?? []), line]);
  }
  return lists;
}
