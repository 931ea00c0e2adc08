import { ICMP, ProtocolSet } from '../../net/index';
import type { ServiceObjectKind } from '../../model/index';
import { TokenCursor } from './cursor';
import type { ConfigCommand, ConfigLine } from './lines';
import { restAfterWords } from './lines';
import { rejectBlock, unreadableLine } from './network-objects';
import { isPortOperator, readPortOperator } from './port-operators';
import { lookupIcmpType } from './protocols';
import type { RawServiceDef, ReadState } from './raw-config';
import { specOf } from '../../model/match-building';
import { protocolSetOf, readService, transportsOf } from './services';

function serviceDef(name: string, kind: ServiceObjectKind, isGroup: boolean, head: ConfigLine, state: ReadState): RawServiceDef {
  const existing = state.raw.services.get(name);
  if (existing) return existing;
  if (state.raw.networks.has(name)) {
    state.ctx.report(head.number, 'error', `"${name}" is already a network object; the ASA keeps one namespace for objects and groups`);
  }
  const created: RawServiceDef = { name, kind, isGroup, ref: state.ctx.ref(head), specs: [], members: [], unresolved: [] };
  state.raw.services.set(name, created);
  return created;
}

/** `object service N` with one `service ...` line. */
export function readServiceObject(command: ConfigCommand, state: ReadState): void {
  const name = command.head.tokens[2];
  if (name === undefined) return rejectBlock(command, state, 'object service needs a name');
  const def = serviceDef(name, 'service', false, command.head, state);
  state.ctx.understood(command.head);
  for (const line of command.children) {
    if (line.tokens[0] === 'service') readServiceLine(line, new TokenCursor(line.tokens, 1), def, state);
    else readGroupCommon(line, def, state);
  }
}

/**
 * `object-group service N [tcp|udp|tcp-udp]`, `object-group protocol N`,
 * `object-group icmp-type N`. A typed service group holds ports only; rules use it after an
 * address, as source or destination ports.
 */
export function readServiceGroup(command: ConfigCommand, state: ReadState): void {
  const [, groupType, name, portType] = command.head.tokens;
  if (name === undefined) return rejectBlock(command, state, `object-group ${groupType ?? ''} needs a name`);
  const kind: ServiceObjectKind =
    groupType === 'protocol' ? 'protocol' : groupType === 'icmp-type' ? 'icmp-type' : portType !== undefined ? 'port' : 'service';
  const portProtocols = portType === undefined ? undefined : protocolSetOf(portType);
  if (kind === 'port' && (portProtocols === undefined || !['tcp', 'udp', 'tcp-udp'].includes(portType ?? ''))) {
    return rejectBlock(command, state, `object-group service ${name}: "${portType}" is not tcp, udp or tcp-udp`);
  }
  const def = serviceDef(name, kind, true, command.head, state);
  if (kind === 'port') def.portType = portType;
  state.ctx.understood(command.head);
  for (const line of command.children) {
    const [keyword] = line.tokens;
    const cursor = new TokenCursor(line.tokens, 1);
    if (keyword === 'service-object' && kind === 'service') {
      if (cursor.peekKeyword() === 'object' && cursor.peek(1) !== undefined) {
        def.members.push({ name: cursor.peek(1) ?? '', line });
        state.ctx.understood(line);
      } else {
        readServiceLine(line, cursor, def, state);
      }
    } else if (keyword === 'port-object' && kind === 'port' && portProtocols !== undefined) {
      readPortObject(line, cursor, portProtocols, def, state);
    } else if (keyword === 'protocol-object' && kind === 'protocol') {
      const protocols = protocolSetOf(cursor.next() ?? '');
      if (protocols === undefined || !cursor.done()) {
        unreadableMember(line, def, 'unknown-protocol', 'unknown protocol', state);
        continue;
      }
      def.specs.push(specOf(protocols));
      state.ctx.understood(line);
    } else if (keyword === 'icmp-object' && kind === 'icmp-type') {
      const word = cursor.next() ?? '';
      const type = lookupIcmpType(word, ICMP);
      if (type === undefined || !cursor.done()) {
        unreadableMember(line, def, 'icmp-type', 'unknown ICMP type', state);
        continue;
      }
      def.specs.push({ ...specOf(ProtocolSet.of(ICMP)), icmp: { type } });
      (def.icmpTypeWords ??= []).push(word);
      state.ctx.understood(line);
    } else {
      readGroupCommon(line, def, state);
    }
  }
}

/**
 * A member line that cannot be read leaves the group unresolved, as an unreadable service or
 * port line does: rules using the group may match what that line held.
 */
function unreadableMember(line: ConfigLine, def: RawServiceDef, kind: 'unknown-protocol' | 'icmp-type', why: string, { ctx }: ReadState): void {
  def.unresolved.push({ kind, name: def.name, reason: `${def.name}: ${why} in "${line.text.trim()}"` });
  ctx.notUnderstood(line, why);
}

function readServiceLine(line: ConfigLine, cursor: TokenCursor, def: RawServiceDef, { ctx }: ReadState): void {
  const result = readService(cursor);
  if ('error' in result) {
    def.unresolved.push({ kind: result.kind, name: def.name, reason: `${def.name}: ${result.error}` });
    return ctx.notUnderstood(line, result.error);
  }
  if (!cursor.done()) {
    const why = `unexpected "${cursor.peek()}"`;
    def.unresolved.push(unreadableLine(labelOf(def), def.name, line, why));
    return ctx.notUnderstood(line, why);
  }
  for (const warning of result.warnings) ctx.report(line.number, 'warning', `${def.name}: ${warning}`);
  def.specs.push(result.spec);
  ctx.understood(line);
}

function readPortObject(line: ConfigLine, cursor: TokenCursor, protocols: ProtocolSet, def: RawServiceDef, { ctx }: ReadState): void {
  if (!isPortOperator(cursor.peek())) {
    const why = 'port-object needs eq, range, neq, lt or gt';
    def.unresolved.push(unreadableLine(labelOf(def), def.name, line, why));
    return ctx.notUnderstood(line, why);
  }
  const result = readPortOperator(cursor, transportsOf(protocols));
  if ('error' in result || !cursor.done()) {
    const why = 'error' in result ? result.error : `unexpected "${cursor.peek()}"`;
    def.unresolved.push({ kind: 'unknown-port', name: def.name, reason: `${def.name}: ${why}` });
    return ctx.notUnderstood(line, why);
  }
  for (const warning of result.warnings) ctx.report(line.number, 'warning', `${def.name}: ${warning}`);
  def.specs.push({ ...specOf(protocols), destinationPorts: result.ports });
  ctx.understood(line);
}

function readGroupCommon(line: ConfigLine, def: RawServiceDef, { ctx }: ReadState): void {
  const [keyword, member, extra] = line.tokens;
  if (keyword === 'description') {
    def.description = restAfterWords(line, 1);
  } else if (keyword === 'group-object' && member !== undefined && extra === undefined && def.isGroup) {
    def.members.push({ name: member, line });
  } else {
    def.unresolved.push(unreadableLine(labelOf(def), def.name, line));
    return ctx.notUnderstood(line);
  }
  ctx.understood(line);
}

function labelOf(def: RawServiceDef): string {
  return `${def.isGroup ? 'object-group' : 'object'} ${def.name}`;
}
