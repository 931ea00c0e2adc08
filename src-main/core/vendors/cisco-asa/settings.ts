import type { ConfigCommand, ConfigLine } from './lines';
import type { ReadState } from './raw-config';

export function readHostname(line: ConfigLine, { ctx, raw }: ReadState): void {
  const name = line.tokens[1];
  if (name === undefined) return ctx.notUnderstood(line);
  raw.hostname = name;
  ctx.understood(line);
}

/** `ASA Version 9.8(4)32 [<context>|<system>]`, `PIX Version 8.0(4)`, FTD's `NGFW Version 7.2.5`. */
export function readVersion(line: ConfigLine, { ctx, raw }: ReadState): void {
  const [, , version, mode] = line.tokens;
  if (version === undefined) return ctx.notUnderstood(line);
  // Each running configuration has one version line: a second is a second configuration, as
  // when a session captured `changeto context` and `show running-config` for several contexts.
  if (raw.version !== undefined) {
    ctx.report(
      line.number,
      'warning',
      'a second running configuration starts here: the file holds several (security contexts, or the system configuration and a context), read as one firewall; give each its own file',
    );
  }
  if (mode === '<system>') {
    ctx.report(
      line.number,
      'warning',
      'the system configuration of a multiple-context firewall: it holds no access rules, which are in each security context\'s own configuration',
    );
  }
  raw.version = version;
  raw.product = line.tokens[0] === 'NGFW' ? 'ftd' : line.tokens[0] === 'PIX' ? 'pix' : 'asa';
  ctx.understood(line);
}

/** `same-security-traffic permit inter-interface|intra-interface`. */
export function readSameSecurity(line: ConfigLine, { ctx, raw }: ReadState): void {
  const [, permit, scope] = line.tokens;
  if (permit !== 'permit' || (scope !== 'inter-interface' && scope !== 'intra-interface')) return ctx.notUnderstood(line);
  if (scope === 'inter-interface') raw.sameSecurity.interInterface = true;
  else raw.sameSecurity.intraInterface = true;
  ctx.understood(line);
}

/** `firewall transparent`: bridged interfaces share one subnet, so routes place flows poorly. */
export function readFirewallMode(line: ConfigLine, { ctx, raw }: ReadState): void {
  if (line.tokens[1] !== 'transparent') return ctx.notUnderstood(line);
  raw.transparent = true;
  ctx.report(
    line.number,
    'warning',
    'transparent (layer 2) firewall: interfaces bridge the same subnet, so which interface a flow enters cannot be told from addresses alone',
  );
  ctx.understood(line);
}

/** `time-range NAME` with `absolute` / `periodic` lines: recorded so rules can say when they apply. */
export function readTimeRange(command: ConfigCommand, { ctx, raw }: ReadState): void {
  const name = command.head.tokens[1];
  if (name === undefined) {
    ctx.notUnderstood(command.head);
    return command.children.forEach((line) => ctx.notUnderstood(line));
  }
  const entries: string[] = [];
  for (const line of command.children) {
    const keyword = line.tokens[0];
    if (keyword === 'absolute' || keyword === 'periodic') {
      entries.push(line.tokens.join(' '));
      ctx.understood(line);
    } else {
      ctx.notUnderstood(line);
    }
  }
  raw.timeRanges.push({ name, entries, ref: ctx.ref(command.head) });
  ctx.understood(command.head);
}

/** `access-group LIST in|out interface IFNAME [per-user-override|control-plane]`, `access-group LIST global`. */
export function readAccessGroup(line: ConfigLine, { ctx, raw }: ReadState): void {
  const [, list, direction, interfaceWord, iface, option] = line.tokens;
  if (list === undefined) return ctx.notUnderstood(line);
  if (direction === 'global' && interfaceWord === undefined) {
    raw.accessGroups.push({ list, line, kind: 'global' });
    return ctx.understood(line);
  }
  if ((direction !== 'in' && direction !== 'out') || interfaceWord !== 'interface' || iface === undefined) {
    return ctx.notUnderstood(line);
  }
  if (option === 'control-plane') {
    // Filters traffic to the firewall itself, which no WFOS flow is.
    ctx.report(line.number, 'info', `access-group ${list} filters traffic to the firewall itself (control-plane): not used for transit flows`);
    return ctx.understood(line);
  }
  if (option !== undefined && option !== 'per-user-override') return ctx.notUnderstood(line);
  raw.accessGroups.push({ list, line, kind: direction === 'in' ? 'interface-in' : 'interface-out', interface: iface });
  ctx.understood(line);
}
