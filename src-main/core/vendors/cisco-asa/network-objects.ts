import { AddressSet } from '../../net/index';
import type { ConfigCommand, ConfigLine } from './lines';
import { restAfterWords } from './lines';
import { hostWord, isDottedMask, maskedWord, prefixWord, type AddressWordResult } from './address-words';
import { readObjectNat } from './nat';
import type { Uncertainty } from '../../model/index';
import type { RawNetworkDef, ReadState } from './raw-config';

/** `name 10.10.20.11 REC01 [description ...]`: an alias usable wherever an address goes. */
export function readName(line: ConfigLine, { ctx, raw }: ReadState): void {
  const [, address, alias, descriptionWord] = line.tokens;
  if (address === undefined || alias === undefined) return ctx.notUnderstood(line, 'name needs an address and a name');
  const result = prefixWord(address);
  if ('error' in result) {
    ctx.report(line.number, 'error', `name ${alias}: ${result.error}`);
    return ctx.notUnderstood(line);
  }
  raw.names.set(alias, {
    name: alias,
    kind: 'name',
    address,
    ref: ctx.ref(line),
    ...(descriptionWord === 'description' ? { description: restAfterWords(line, 4) } : {}),
    literal: result.addresses,
    members: [],
    unresolved: [],
  });
  ctx.understood(line);
}

function networkDef(name: string, kind: 'object' | 'group', head: ConfigLine, state: ReadState): RawNetworkDef {
  const existing = state.raw.networks.get(name);
  if (existing) return existing;
  if (state.raw.services.has(name)) {
    state.ctx.report(head.number, 'error', `"${name}" is already a service object; the ASA keeps one namespace for objects and groups`);
  }
  const created: RawNetworkDef = { name, kind, ref: state.ctx.ref(head), literal: AddressSet.empty(), members: [], unresolved: [] };
  state.raw.networks.set(name, created);
  return created;
}

/**
 * `object network N`. The running configuration lists each object twice when it has object
 * NAT: once with its address, later again with only the `nat` line, so a second block adds to
 * the first rather than replacing it (unless it sets an address again).
 */
export function readNetworkObject(command: ConfigCommand, state: ReadState): void {
  const { ctx } = state;
  const name = command.head.tokens[2];
  if (name === undefined) return rejectBlock(command, state, 'object network needs a name');
  const def = networkDef(name, 'object', command.head, state);
  ctx.understood(command.head);
  const label = `object ${name}`;
  let addressSet = false;
  // Kept aside until the block is read: an address line further down must not wipe them.
  const unreadable: Uncertainty[] = [];
  for (const line of command.children) {
    const [keyword] = line.tokens;
    if (keyword === 'description') {
      def.description = restAfterWords(line, 1);
      ctx.understood(line);
      continue;
    }
    if (keyword === 'nat') {
      readObjectNat(line, name, state);
      continue;
    }
    const result = objectAddress(line, name);
    if (result === undefined) {
      unreadable.push(unreadableLine(label, name, line));
      ctx.notUnderstood(line);
      continue;
    }
    if ('error' in result) {
      ctx.report(line.number, 'error', `${label}: ${result.error}`);
      unreadable.push(unreadableLine(label, name, line, result.error));
      ctx.notUnderstood(line, undefined, { quiet: true });
      continue;
    }
    if (!addressSet) {
      // A block that sets an address replaces what an earlier block of the same name said.
      def.literal = AddressSet.empty();
      def.unresolved = [];
      def.ref = ctx.ref(command.head);
      addressSet = true;
    }
    if ('fqdn' in result) {
      def.unresolved.push({ kind: 'fqdn', name, reason: `object ${name} is the FQDN ${result.fqdn}, resolved by the firewall at run time` });
      ctx.report(line.number, 'info', `object ${name} is the FQDN ${result.fqdn}: rules using it are marked unresolved`);
    } else {
      def.literal = def.literal.union(result.addresses);
    }
    ctx.understood(line);
  }
  def.unresolved.push(...unreadable);
}

/**
 * A member or address line that cannot be read leaves the object unresolved rather than
 * smaller: rules using it may match what the line held. The reason names the line, since the
 * rule that inherits it is reported far from the object.
 */
export function unreadableLine(label: string, name: string, line: ConfigLine, why?: string): Uncertainty {
  const reason = why === undefined ? `"${line.text.trim()}" is not understood` : why;
  return { kind: 'unsupported', name, reason: `${label}, line ${line.number}: ${reason}` };
}

/** The address an `object network` line sets; undefined for a line that is not an address line at all. */
function objectAddress(line: ConfigLine, objectName: string): AddressWordResult | { fqdn: string } | undefined {
  const [keyword, first, second, third] = line.tokens;
  const noNames = new Map<string, RawNetworkDef>();
  switch (keyword) {
    case 'host':
      if (first === undefined) return { error: 'the address after "host" is missing' };
      if (second !== undefined) return unexpectedAfter(second, `host ${first}`);
      return hostWord(first, noNames);
    case 'subnet':
      if (first === undefined) return { error: 'the address after "subnet" is missing' };
      // IPv6 subnets are written with a prefix length, IPv4 ones with a mask.
      if (first.includes('/')) return second === undefined ? prefixWord(first) : unexpectedAfter(second, `subnet ${first}`);
      if (second === undefined) return { error: `subnet ${first} has no mask` };
      if (third !== undefined) return unexpectedAfter(third, `subnet ${first} ${second}`);
      return maskedWord(first, second, noNames);
    case 'range':
      if (first === undefined) return { error: 'the addresses after "range" are missing' };
      if (second === undefined) return { error: `range ${first} has no last address` };
      if (third !== undefined) return unexpectedAfter(third, `range ${first} ${second}`);
      return prefixWord(`${first}-${second}`);
    case 'fqdn': {
      const versioned = first === 'v4' || first === 'v6';
      const fqdn = versioned ? second : first;
      const extra = versioned ? third : second;
      if (fqdn === undefined) return { error: `fqdn of ${objectName} is empty` };
      return extra === undefined ? { fqdn } : unexpectedAfter(extra, `fqdn ${fqdn}`);
    }
    default:
      return undefined;
  }
}

function unexpectedAfter(word: string, complete: string): { error: string } {
  return { error: `unexpected "${word}" after ${complete}` };
}

/** `network-object host A`, `network-object A M`, `network-object A/LEN`: the addresses, or why not. */
function groupMemberAddress(tokens: readonly string[], names: ReadonlyMap<string, RawNetworkDef>): AddressWordResult {
  const [, first = '', second, third, fourth] = tokens;
  if (first === 'host') {
    if (second === undefined) return { error: 'the address after "host" is missing' };
    return third === undefined ? hostWord(second, names) : unexpectedAfter(third, `host ${second}`);
  }
  if (second === undefined) {
    // Only a prefix length completes a lone address; without one, the mask was cut off.
    return first.includes('/') ? prefixWord(first) : { error: `network-object ${first} has no mask or prefix length` };
  }
  if (isDottedMask(second)) return third === undefined ? maskedWord(first, second, names) : unexpectedAfter(third, `${first} ${second}`);
  if (first.includes('/')) return unexpectedAfter(second, first);
  return { error: `"${[first, second, third, fourth].filter((word) => word !== undefined).join(' ')}" is not an address` };
}

/** `object-group network N` with network-object and group-object members. */
export function readNetworkGroup(command: ConfigCommand, state: ReadState): void {
  const { ctx, raw } = state;
  const name = command.head.tokens[2];
  if (name === undefined) return rejectBlock(command, state, 'object-group network needs a name');
  const def = networkDef(name, 'group', command.head, state);
  ctx.understood(command.head);
  const label = `object-group ${name}`;
  for (const line of command.children) {
    const [keyword, first, second, third] = line.tokens;
    if (keyword === 'description') {
      def.description = restAfterWords(line, 1);
    } else if (keyword === 'group-object' && first !== undefined && second === undefined) {
      def.members.push({ name: first, line });
    } else if (keyword === 'network-object' && first === 'object' && second !== undefined && third === undefined) {
      def.members.push({ name: second, line });
    } else if (keyword === 'network-object' && first !== undefined) {
      const result = first === 'object' ? { error: unnamedObject(second, third) } : groupMemberAddress(line.tokens, raw.names);
      if ('error' in result) {
        ctx.report(line.number, result.unsupported ? 'warning' : 'error', `${label}: ${result.error}`);
        def.unresolved.push(unreadableLine(label, name, line, result.error));
        // Valid syntax, only not expanded, is still read; anything else is not.
        if (result.unsupported) ctx.understood(line);
        else ctx.notUnderstood(line, undefined, { quiet: true });
        continue;
      }
      if (result.alias !== undefined) def.members.push({ name: result.alias, line, alias: true });
      def.literal = def.literal.union(result.addresses);
    } else {
      def.unresolved.push(unreadableLine(label, name, line));
      ctx.notUnderstood(line);
      continue;
    }
    ctx.understood(line);
  }
}

function unnamedObject(name: string | undefined, extra: string | undefined): string {
  return name === undefined ? 'network-object object needs a name' : `unexpected "${extra ?? ''}" after object ${name}`;
}

export function rejectBlock(command: ConfigCommand, { ctx }: ReadState, why: string): void {
  ctx.notUnderstood(command.head, why);
  for (const line of command.children) ctx.notUnderstood(line);
}
