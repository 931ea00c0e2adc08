import { AddressSet, ICMP, ICMP6, PortSet, ProtocolSet } from '../../net/index';
import type { Interface, RuleAction, ServiceObject, ServiceSpec } from '../../model/index';
import { hostWord, isDottedMask, maskedWord, prefixWord } from './address-words';
import { exact, hasIcmpType, PORTED_PROTOCOLS, specOf, unknownAddresses, unknownPorts, unknownServices, type Bound } from '../../model/match-building';
import type { TokenCursor } from './cursor';
import { readOptions, skipConditions } from './entry-options';
import { EntrySyntaxError, type ParsedEntry } from './entry-types';
import { isPortOperator, readPortOperator, type PortOperatorResult } from './port-operators';
import { isIcmp, lookupIcmpType, lookupProtocol } from './protocols';
import type { RawNetworkDef } from './raw-config';
import type { ObjectResolver } from './resolve-objects';
import { protocolSetOf, transportsOf } from './services';

export interface EntryEnvironment {
  resolver: ObjectResolver;
  names: ReadonlyMap<string, RawNetworkDef>;
  interfaces: readonly Interface[];
  /** ASA 9.0 made `any` mean IPv4 and IPv6; before, it was IPv4 only. */
  any: AddressSet;
}

const ADDRESS_STARTS = new Set(['any', 'any4', 'any6', 'host', 'object', 'object-group', 'interface']);

// Placeholders every entry overwrites as it is read: shared, since they are never changed.
const NOT_YET_READ: Bound<AddressSet> = Object.freeze(exact(AddressSet.empty()));
const NO_SERVICES_YET: Bound<ServiceSpec[]> = Object.freeze(exact(Object.freeze([]) as unknown as ServiceSpec[]));

/*
 * The names an entry refers to are kept as the resolved object spells them, not as the word
 * read from the line: the same string then serves every rule naming the object, instead of
 * each rule keeping its own copy (tens of thousands in a large configuration).
 */

/**
 * Reads `PROTO SRC [SPORT] DST [DPORT|ICMP-TYPE] [options]` (extended, FTD advanced) starting at
 * the cursor. Every name is looked up as it is met, since what a name is decides how the rest of
 * the line reads (an object-group after the source is either source ports or the destination).
 */
export function readExtendedEntry(action: RuleAction, cursor: TokenCursor, env: EntryEnvironment): ParsedEntry {
  const entry: ParsedEntry = {
    action,
    sources: NOT_YET_READ,
    destinations: NOT_YET_READ,
    services: NO_SERVICES_YET,
    conditional: false,
    logging: false,
    enabled: true,
    referencedObjects: [],
    unresolved: [],
    problems: [],
  };
  const protocol = readProtocolPart(cursor, entry, env);
  skipConditions(cursor, entry, 'source');
  entry.sources = readAddress(cursor, entry, env);
  if (protocol.ported) entry.sourcePorts = readPorts(cursor, entry, env, protocol.protocols, 'source');
  skipConditions(cursor, entry, 'destination');
  entry.destinations = readAddress(cursor, entry, env);
  if (protocol.ported) entry.destinationPorts = readPorts(cursor, entry, env, protocol.protocols, 'destination');
  else if (protocol.icmp !== undefined) readIcmpType(cursor, entry, env, protocol.icmp);
  else if (protocol.icmpGroup) readIcmpTypeAfterGroup(cursor, entry, env, protocol.protocols);
  readOptions(cursor, entry);
  // Only FTD entries name interfaces: the others pass with two checks and no allocation.
  if (entry.ingressInterfaces) checkInterfaces(entry.ingressInterfaces, entry, env);
  if (entry.egressInterfaces) checkInterfaces(entry.egressInterfaces, entry, env);
  return entry;
}

/** An `ifc` naming no interface of the file leaves the rule applying nowhere: worth saying. */
function checkInterfaces(names: readonly string[], entry: ParsedEntry, env: EntryEnvironment): void {
  for (const name of names) {
    if (!env.interfaces.some((iface) => iface.name === name)) {
      entry.problems.push({ severity: 'warning', message: `ifc ${name}: no interface has this nameif in the file, so the entry applies to no traffic the audit places` });
    }
  }
}

interface ProtocolPart {
  protocols: ProtocolSet;
  /** Port conditions may follow the addresses. */
  ported: boolean;
  /** ICMP or ICMPv6: a type may follow the destination. */
  icmp?: number;
  /** A protocol group of ICMP and/or ICMPv6 only: an ICMP type may follow the destination too. */
  icmpGroup?: boolean;
}

const ICMP_PROTOCOLS = ProtocolSet.of(ICMP, ICMP6);

function readProtocolPart(cursor: TokenCursor, entry: ParsedEntry, env: EntryEnvironment): ProtocolPart {
  const word = cursor.next();
  if (word === undefined) throw new EntrySyntaxError('no protocol');
  if (word === 'object' || word === 'object-group') {
    const name = cursor.next();
    if (name === undefined) throw new EntrySyntaxError(`${word} needs a name`);
    const service = env.resolver.service(name);
    entry.referencedObjects.push(service?.name ?? name);
    const usable = service && (word === 'object' ? service.kind === 'service' && !service.isGroup : service.kind === 'service' || service.kind === 'protocol');
    if (!service || !usable) {
      undefinedName(entry, name, word === 'object' ? 'a service object' : 'a service or protocol group', env);
      entry.services = unknownServices();
      // An unknown group may have been a protocol group, which ports can follow.
      return { protocols: PORTED_PROTOCOLS, ported: word === 'object-group' };
    }
    entry.unresolved.push(...service.unresolved);
    entry.services = service.unresolved.length > 0 ? { lower: service.services, upper: unknownServices().upper } : exact(service.services);
    const protocols = env.resolver.protocolsOf(service);
    // Ports may follow only a protocol group of transports, never a service object or group;
    // an ICMP type only a protocol group of ICMP.
    const group = service.kind === 'protocol' && !protocols.isEmpty();
    return {
      protocols,
      ported: group && protocols.isSubsetOf(PORTED_PROTOCOLS),
      ...(group && protocols.isSubsetOf(ICMP_PROTOCOLS) ? { icmpGroup: true } : {}),
    };
  }
  const part = literalProtocolPart(word);
  if (part === undefined) throw new EntrySyntaxError(`"${word}" is not a protocol`);
  entry.services = exact([specOf(part.protocols)]);
  return part;
}

// A protocol word always reads the same; the part is only read, so one per word is shared.
const LITERAL_PARTS = new Map<string, ProtocolPart | undefined>();

function literalProtocolPart(word: string): ProtocolPart | undefined {
  if (LITERAL_PARTS.has(word)) return LITERAL_PARTS.get(word);
  const protocols = protocolSetOf(word);
  let part: ProtocolPart | undefined;
  if (protocols !== undefined) {
    const number = lookupProtocol(word);
    part = {
      protocols,
      ported: !protocols.isAll() && protocols.isSubsetOf(PORTED_PROTOCOLS),
      ...(typeof number === 'number' && isIcmp(number) ? { icmp: number } : {}),
    };
  }
  if (LITERAL_PARTS.size < 4096) LITERAL_PARTS.set(word, part);
  return part;
}

function startsAddress(word: string | undefined): boolean {
  if (word === undefined) return false;
  return ADDRESS_STARTS.has(word.toLowerCase()) || /^[\d.]+$/.test(word) || word.includes(':') || word.includes('/');
}

function readAddress(cursor: TokenCursor, entry: ParsedEntry, env: EntryEnvironment): Bound<AddressSet> {
  const word = cursor.next();
  if (word === undefined) throw new EntrySyntaxError('an address is missing');
  switch (word.toLowerCase()) {
    case 'any':
      return exact(env.any);
    case 'any4':
      return exact(AddressSet.anyV4());
    case 'any6':
      return exact(AddressSet.anyV6());
    case 'host': {
      const host = cursor.next();
      if (host === undefined) throw new EntrySyntaxError('host needs an address');
      return fromWord(hostWord(host, env.names), entry);
    }
    case 'object':
    case 'object-group': {
      const name = cursor.next();
      if (name === undefined) throw new EntrySyntaxError(`${word} needs a name`);
      const object = env.resolver.network(name);
      entry.referencedObjects.push(object?.name ?? name);
      if (!object || object.kind === 'name') {
        undefinedName(entry, name, word === 'object' ? 'a network object' : 'a network group', env);
        return unknownAddresses();
      }
      entry.unresolved.push(...object.unresolved);
      return object.unresolved.length > 0 ? { lower: object.addresses, upper: AddressSet.any() } : exact(object.addresses);
    }
    case 'interface':
      return interfaceAddress(cursor.next(), entry, env);
  }
  if (word.includes('/')) return fromWord(prefixWord(word), entry);
  const mask = cursor.peek();
  if (isDottedMask(mask) && mask !== undefined) {
    cursor.next();
    return fromWord(maskedWord(word, mask, env.names), entry);
  }
  // An IPv4 address alone is an address with its mask cut off, not a host.
  if (/^\d+\.\d+\.\d+\.\d+$/.test(word)) {
    throw new EntrySyntaxError(mask === undefined ? `${word} has no mask` : `${word} has no mask ("${mask}" is not one)`);
  }
  throw new EntrySyntaxError(`"${word}" is not an address`);
}

function fromWord(result: ReturnType<typeof hostWord>, entry: ParsedEntry): Bound<AddressSet> {
  if ('error' in result && result.unsupported) {
    entry.unresolved.push({ kind: 'unsupported', reason: result.error });
    entry.problems.push({ severity: 'warning', message: result.error });
    return unknownAddresses();
  }
  if ('error' in result) throw new EntrySyntaxError(result.error);
  if (result.alias !== undefined) entry.referencedObjects.push(result.alias);
  return exact(result.addresses);
}

/** `interface IFNAME`: the firewall's own address there, known only when it is static. */
function interfaceAddress(name: string | undefined, entry: ParsedEntry, env: EntryEnvironment): Bound<AddressSet> {
  if (name === undefined) throw new EntrySyntaxError('interface needs a name');
  const iface = env.interfaces.find((candidate) => candidate.name === name);
  const [primary] = iface?.ownAddresses ?? [];
  if (!iface || iface.dynamicAddress || primary === undefined) {
    const reason = iface ? `the address of interface ${name} is not in the file` : `interface ${name} is not defined`;
    entry.unresolved.push({ kind: 'interface-address', name, reason });
    entry.problems.push({ severity: iface ? 'info' : 'error', message: reason });
    return unknownAddresses();
  }
  const ipv6 = iface.ownAddresses.find((address) => address.includes(':'));
  const own = AddressSet.parse(primary);
  return exact(ipv6 !== undefined && !primary.includes(':') ? own.union(AddressSet.parse(ipv6)) : own);
}

function readPorts(
  cursor: TokenCursor,
  entry: ParsedEntry,
  env: EntryEnvironment,
  protocols: ProtocolSet,
  side: 'source' | 'destination',
): Bound<PortSet> | undefined {
  if (isPortOperator(cursor.peek())) {
    const result = portCondition(cursor, protocols);
    if ('error' in result) {
      entry.unresolved.push({ kind: 'unknown-port', reason: `${side} port: ${result.error}` });
      entry.problems.push({ severity: 'warning', message: `${side} port: ${result.error}` });
      return unknownPorts();
    }
    for (const warning of result.warnings) entry.problems.push({ severity: 'warning', message: warning });
    return exact(result.ports);
  }
  if (cursor.peekKeyword() !== 'object-group') return undefined;
  const name = cursor.peek(1) ?? '';
  const group = env.resolver.service(name);
  // After the source, an object-group is the destination unless it is a port group, or an
  // undefined name with an address still to come.
  if (side === 'source' && group?.kind !== 'port') {
    const undefinedBeforeAddress = !env.resolver.describe(name) && startsAddress(cursor.peek(2));
    if (!undefinedBeforeAddress) return undefined;
  }
  cursor.next();
  cursor.next();
  entry.referencedObjects.push(group?.name ?? name);
  if (!group || group.kind !== 'port') {
    undefinedName(entry, name, 'a port group', env);
    return unknownPorts();
  }
  entry.unresolved.push(...group.unresolved);
  const mismatch = env.resolver.portGroupMismatch(group, protocols);
  if (mismatch !== undefined) {
    // Kept as written: whether the ASA applies, ignores or refuses such a group is not verified.
    entry.problems.push({ severity: 'warning', message: `${side} ports: ${mismatch}; its ports are applied as written (what the ASA does here is not verified)` });
  }
  const ports = env.resolver.portsOf(group);
  return group.unresolved.length > 0 ? { lower: ports, upper: PortSet.all() } : exact(ports);
}

// `eq P`, `neq P`, `lt P` and `gt P` read the same for the same protocols every time, and the
// result is only read: kept per protocol set, operator and port word.
const PORT_CONDITIONS = new WeakMap<ProtocolSet, Map<string, Map<string, PortOperatorResult>>>();

function portCondition(cursor: TokenCursor, protocols: ProtocolSet): PortOperatorResult {
  const operator = cursor.peek();
  const word = cursor.peek(1);
  if (operator === undefined || word === undefined || operator.toLowerCase() === 'range') {
    return readPortOperator(cursor, transportsOf(protocols));
  }
  let byOperator = PORT_CONDITIONS.get(protocols);
  if (byOperator === undefined) {
    byOperator = new Map();
    PORT_CONDITIONS.set(protocols, byOperator);
  }
  let byWord = byOperator.get(operator);
  if (byWord === undefined) {
    byWord = new Map();
    byOperator.set(operator, byWord);
  }
  let result = byWord.get(word);
  if (result === undefined) {
    result = readPortOperator(cursor, transportsOf(protocols));
    if (byWord.size < 70_000) byWord.set(word, result);
    return result;
  }
  cursor.next();
  cursor.next();
  return result;
}

function readIcmpType(cursor: TokenCursor, entry: ParsedEntry, env: EntryEnvironment, protocol: number): void {
  const word = cursor.peek();
  if (word === undefined) return;
  let specs: ServiceSpec[];
  if (word === 'object-group') {
    cursor.next();
    const name = cursor.next() ?? '';
    const group = env.resolver.service(name);
    entry.referencedObjects.push(group?.name ?? name);
    if (!group || group.kind !== 'icmp-type') {
      undefinedName(entry, name, 'an icmp-type group', env);
      entry.services = unknownServices();
      return;
    }
    entry.unresolved.push(...group.unresolved);
    // A group with a member line that could not be read may hold any type of the protocol.
    if (group.unresolved.length > 0) specs = [specOf(ProtocolSet.of(protocol))];
    else if (protocol === ICMP6) specs = icmp6GroupSpecs(group, entry, env);
    else specs = group.services;
  } else {
    const type = lookupIcmpType(word, protocol);
    if (type === undefined) return;
    cursor.next();
    const code = cursor.peek();
    const hasCode = code !== undefined && /^\d+$/.test(code) && Number(code) <= 255;
    if (hasCode) cursor.next();
    specs = [{ ...specOf(ProtocolSet.of(protocol)), icmp: hasCode ? { type, code: Number(code) } : { type } }];
  }
  entry.services = { lower: [], upper: specs };
}

/**
 * An ICMP-type group numbers its types for ICMP; after `icmp6` those numbers would put ICMPv4
 * messages on an IPv6 rule. Names are read as the ICMPv6 types of the same name; a number or a
 * name ICMPv6 lacks leaves the rule matching some ICMPv6 messages, which ones unknown.
 */
function icmp6GroupSpecs(group: ServiceObject, entry: ParsedEntry, env: EntryEnvironment): ServiceSpec[] {
  const icmp6 = ProtocolSet.of(ICMP6);
  const types = env.resolver.icmp6TypesOf(group);
  if ('untranslatable' in types) {
    const reason = `${group.name} holds ICMP (IPv4) types; after icmp6, "${types.untranslatable}" has no known ICMPv6 meaning`;
    entry.unresolved.push({ kind: 'icmp-type', name: group.name, reason });
    entry.problems.push({ severity: 'warning', message: reason });
    return [specOf(icmp6)];
  }
  entry.problems.push({ severity: 'info', message: `${group.name} holds ICMP type names; after icmp6 they are read as the ICMPv6 types of the same name` });
  return types.map((type) => ({ ...specOf(icmp6), icmp: { type } }));
}

/**
 * An ICMP type after a protocol group. With one ICMP protocol in the group it reads as after
 * that protocol; with both, the type is numbered for ICMP and what it means for ICMPv6 is not
 * said, so the whole group becomes a maybe.
 */
function readIcmpTypeAfterGroup(cursor: TokenCursor, entry: ParsedEntry, env: EntryEnvironment, protocols: ProtocolSet): void {
  const bothIcmps = protocols.has(ICMP) && protocols.has(ICMP6);
  if (!bothIcmps) return readIcmpType(cursor, entry, env, protocols.has(ICMP) ? ICMP : ICMP6);
  const group = entry.services;
  readIcmpType(cursor, entry, env, ICMP);
  if (entry.services === group || !hasIcmpType(entry.services.upper)) return;
  entry.services = { lower: [], upper: group.upper };
  entry.unresolved.push({ kind: 'icmp-type', reason: 'an ICMP type after a group of ICMP and ICMPv6: the rule matches only some messages of each' });
}

function undefinedName(entry: ParsedEntry, name: string, expected: string, env: EntryEnvironment): void {
  const actual = env.resolver.describe(name);
  const reason = actual ? `${name} is ${actual}, not ${expected}` : `${name} is not defined`;
  entry.unresolved.push({ kind: 'undefined-reference', name, reason });
  entry.problems.push({ severity: 'error', message: reason });
}
