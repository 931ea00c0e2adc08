import { AddressSet } from '../../net/index';
import type { ConfigCommand, ConfigLine } from './lines';
import { restAfterWords } from './lines';
import { hostWord, isDottedMask, maskedWord, prefixWord, type AddressWordResult } from './address-words';
import { readObjectNat } from './nat';
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
  let addressSet = false;
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
      ctx.notUnderstood(line);
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
    } else if ('error' in result) {
      ctx.report(line.number, 'error', `object ${name}: ${result.error}`);
      def.unresolved.push({ kind: 'unsupported', name, reason: `object ${name}: ${result.error}` });
      ctx.notUnderstood(line);
      continue;
    } else {
      def.literal = def.literal.union(result.addresses);
    }
    ctx.understood(line);
  }
}

function objectAddress(line: ConfigLine, objectName: string): AddressWordResult | { fqdn: string } | undefined {
  const [keyword, first, second] = line.tokens;
  const noNames = new Map<string, RawNetworkDef>();
  switch (keyword) {
    case 'host':
      return first === undefined ? undefined : hostWord(first, noNames);
    case 'subnet':
      if (first === undefined) return undefined;
      return second === undefined ? prefixWord(first) : maskedWord(first, second, noNames);
    case 'range':
      if (first === undefined || second === undefined) return undefined;
      return prefixWord(`${first}-${second}`);
    case 'fqdn': {
      const fqdn = first === 'v4' || first === 'v6' ? second : first;
      return fqdn === undefined ? { error: `fqdn of ${objectName} is empty` } : { fqdn };
    }
    default:
      return undefined;
  }
}

/** `object-group network N` with network-object and group-object members. */
export function readNetworkGroup(command: ConfigCommand, state: ReadState): void {
  const { ctx, raw } = state;
  const name = command.head.tokens[2];
  if (name === undefined) return rejectBlock(command, state, 'object-group network needs a name');
  const def = networkDef(name, 'group', command.head, state);
  ctx.understood(command.head);
  for (const line of command.children) {
    const [keyword, first, second] = line.tokens;
    if (keyword === 'description') {
      def.description = restAfterWords(line, 1);
    } else if (keyword === 'group-object' && first !== undefined) {
      def.members.push({ name: first, line });
    } else if (keyword === 'network-object' && first === 'object' && second !== undefined) {
      def.members.push({ name: second, line });
    } else if (keyword === 'network-object' && first !== undefined) {
      const result =
        first === 'host' && second !== undefined
          ? hostWord(second, raw.names)
          : isDottedMask(second) && second !== undefined
            ? maskedWord(first, second, raw.names)
            : second === undefined
              ? prefixWord(first)
              : { error: `"${first} ${second}" is not an address` };
      if ('error' in result) {
        ctx.report(line.number, result.unsupported ? 'warning' : 'error', `object-group ${name}: ${result.error}`);
        def.unresolved.push({ kind: 'unsupported', name, reason: `object-group ${name}: ${result.error}` });
        // Valid syntax, only not expanded, is still read; anything else is not.
        if (result.unsupported) ctx.understood(line);
        else ctx.notUnderstood(line);
        continue;
      }
      if (result.alias !== undefined) def.members.push({ name: result.alias, line, alias: true });
      def.literal = def.literal.union(result.addresses);
    } else {
      ctx.notUnderstood(line);
      continue;
    }
    ctx.understood(line);
  }
}

export function rejectBlock(command: ConfigCommand, { ctx }: ReadState, why: string): void {
  ctx.notUnderstood(command.head, why);
  for (const line of command.children) ctx.notUnderstood(line);
}
