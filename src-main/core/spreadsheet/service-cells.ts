import { ICMP, ICMP6, parseProtocol, PortParseError, PortSet, ProtocolParseError, ProtocolSet, TCP, UDP } from '../net/index';
import type { ServiceObject, ServiceSpec } from '../model/index';
import { exact } from '../model/match-building';
import { PORTED_PROTOCOLS, specOf } from '../model/match-building';
import type { CellReading } from './address-cells';
import { isAnyWord, looksLikeName, splitItems } from './cell-items';
import { lookupServiceName } from './service-names';

export type ServiceLookup = (name: string) => ServiceObject | undefined;

export interface ServiceContext {
  lookup: ServiceLookup;
  /** From the row's Protocol column: the protocol of ports written without one. */
  protocols?: ProtocolSet;
  /** FortiGate's exports: "53:53" is destination port 53 from source port 53, not a range. */
  colonNamesSourcePorts?: boolean;
}

interface ServicePart {
  lower: ServiceSpec[];
  /** What the item might match; undefined when that is exactly `lower`. */
  upper?: ServiceSpec[];
  /** A protocol the item wrote, carried to later bare ports of the cell ("TCP 80, 443"). */
  writtenProtocols?: ProtocolSet;
}

const UNKNOWN: ServicePart = { lower: [], upper: [specOf(ProtocolSet.all())] };

/**
 * A service cell: "443/80", "9285, 9590", "1050-1065", "tcp/443", "TCP 443", "443/tcp",
 * "udp:161", one item per line, any, a bare protocol (all its ports), service names (https,
 * ms-sql-s), object and group names. A port with no protocol anywhere (neither written nor in
 * a Protocol column) is uncertain rather than guessed to be TCP.
 */
export function readServiceCell(text: string, context: ServiceContext): CellReading<ServiceSpec[]> {
  const reading: CellReading<ServiceSpec[]> = { bound: exact([]), referencedObjects: [], unresolved: [], problems: [], warnings: [], notes: [] };
  const lower: ServiceSpec[] = [];
  const upper: ServiceSpec[] = [];
  let carried: ProtocolSet | undefined;
  for (const item of splitItems(text)) {
    const part = readServiceItem(item, context, carried, reading);
    lower.push(...part.lower);
    upper.push(...(part.upper ?? part.lower));
    carried = part.writtenProtocols ?? carried;
  }
  const unprotocolled = reading.unresolved.filter((item) => item.kind === 'unknown-protocol').map((item) => item.name);
  if (unprotocolled.length > 0) {
    reading.warnings.push(`${unprotocolled.join(', ')} ${unprotocolled.length > 1 ? 'are' : 'is'} written without a protocol and the sheet has no Protocol column: TCP or UDP is not known`);
  }
  reading.bound = { lower, upper: upper.length === lower.length && upper.every((spec, index) => spec === lower[index]) ? lower : upper };
  return reading;
}

function readServiceItem(item: string, context: ServiceContext, carried: ProtocolSet | undefined, reading: CellReading<ServiceSpec[]>): ServicePart {
  const word = item.toLowerCase();
  if (isAnyWord(item)) return { lower: [specOf(ProtocolSet.all())] };
  if (word === 'application-default') {
    reading.unresolved.push({ kind: 'unknown-port', name: item, reason: 'application-default: the ports are those of the rule\'s applications, which the export does not list' });
    reading.notes.push('application-default: the ports depend on the applications (App-ID), so what the rule opens is not known from the export');
    return UNKNOWN;
  }
  const object = context.lookup(item);
  if (object) {
    reading.referencedObjects.push(object.name);
    reading.unresolved.push(...object.unresolved);
    return object.unresolved.length === 0 ? { lower: object.services } : { lower: object.services, upper: UNKNOWN.upper! };
  }
  const written = writtenProtocolAndPorts(item);
  if (written !== undefined) return withPorts(item, written.protocols, written.ports, reading, { written: true, context });
  if (/^\d/.test(item)) {
    const protocols = context.protocols ?? carried;
    if (protocols !== undefined) return withPorts(item, protocols, item, reading, { written: false, context });
    return portsWithoutProtocol(item, reading);
  }
  const named = lookupServiceName(item);
  if (named) return { lower: named };
  const protocolAndName = namedWithProtocol(item, reading);
  if (protocolAndName) return protocolAndName;
  // "HTTP HTTPS SSH" or "TCP-450 TCP-1050-1065": several services separated by spaces.
  const words = item.split(/\s+/);
  const isService = (part: string) => context.lookup(part) !== undefined || lookupServiceName(part) !== undefined || writtenProtocolAndPorts(part)?.ports !== undefined;
  if (words.length > 1 && words.every(isService)) {
    return words
      .map((part) => readServiceItem(part, context, carried, reading))
      .reduce<ServicePart>((all, part) => ({ lower: [...all.lower, ...part.lower], upper: [...(all.upper ?? all.lower), ...(part.upper ?? part.lower)] }), { lower: [] });
  }
  const why = looksLikeName(item) ? `"${item}" is not a port, protocol or known service, and no service object of that name is defined` : `"${item}" is not a port, range, protocol or service`;
  reading.unresolved.push({ kind: looksLikeName(item) ? 'undefined-reference' : 'unknown-port', name: item, reason: why });
  reading.problems.push(why);
  if (looksLikeName(item)) reading.referencedObjects.push(item);
  return UNKNOWN;
}

/**
 * Service names whose port depends on who wrote them: IANA's (and this table's) differ from the
 * Cisco ASA's, which ASDM exports write as "udp/radius". Taken from neither, they stay unknown.
 */
const VENDOR_DEPENDENT_NAMES: ReadonlyMap<string, string> = new Map([
  ['radius', '1812 by IANA, 1645 on a Cisco ASA'],
  ['radius-acct', '1813 by IANA, 1646 on a Cisco ASA'],
  ['cifs', '445 by Microsoft, 3020 on a Cisco ASA'],
  ['kerberos', '88 by IANA, 750 on a Cisco ASA'],
]);

/**
 * "tcp/https", "udp/snmp", "tcp-udp/domain" (ASDM, hand-made): a protocol and a service name,
 * the name's ports over that protocol. A protocol the name is not defined for, or a name whose
 * port differs between vendors, is said at the cell rather than guessed.
 */
function namedWithProtocol(item: string, reading: CellReading<ServiceSpec[]>): ServicePart | undefined {
  const parts = /^([a-z][a-z0-9]*(?:[-/]udp)?)\s*[/:]\s*([a-z][a-z0-9_.-]*)$/i.exec(item);
  const protocols = parts ? protocolWord(parts[1]!) : undefined;
  if (!parts || !protocols) return undefined;
  const name = parts[2]!.toLowerCase();
  const vendorDependent = VENDOR_DEPENDENT_NAMES.get(name);
  const named = lookupServiceName(name);
  let why: string | undefined;
  if (vendorDependent) why = `"${item}": the port of ${name} depends on the vendor (${vendorDependent}); write the port number`;
  else if (!named) return undefined;
  const services = (named ?? []).flatMap((spec) => {
    const shared = spec.protocols.intersect(protocols);
    return shared.isEmpty() ? [] : [{ ...spec, protocols: shared }];
  });
  if (why === undefined && services.length === 0) why = `"${item}": ${name} is not a ${protocols.toString()} service`;
  if (why === undefined) return { lower: services, writtenProtocols: protocols };
  reading.unresolved.push({ kind: 'unknown-port', name: item, reason: why });
  reading.problems.push(why);
  // The protocol is written: only the port is unknown.
  return { lower: [], upper: [specOf(protocols)], writtenProtocols: protocols };
}

/**
 * Protocol and ports as written in one item; ports undefined for a bare protocol. Cisco FMC's
 * "TCP (6):443" carries the protocol number beside the name; "1050:1065" is a range, as
 * iptables and Sophos write it.
 */
function writtenProtocolAndPorts(written: string): { protocols: ProtocolSet; ports?: string } | undefined {
  const item = written.replace(/^([a-z][a-z0-9]*)\s*\(\d{1,3}\)\s*(?=[/:]|$)/i, '$1');
  const protocolFirst = /^([a-z][a-z0-9+]*(?:[-/]udp)?)\s*(?:[/:_]\s*|\s+|-(?=\d))(\d[\d\s/:-]*|any|all)$/i.exec(item);
  if (protocolFirst) {
    const protocols = protocolWord(protocolFirst[1]!);
    if (protocols) return { protocols, ports: protocolFirst[2]! };
  }
  const portsFirst = /^(\d[\d\s:-]*?)\s*(?:\/\s*|\s+)([a-z][a-z0-9-]*)$/i.exec(item);
  if (portsFirst) {
    const protocols = protocolWord(portsFirst[2]!);
    if (protocols) return { protocols, ports: portsFirst[1]! };
  }
  const protocols = /^[a-z][a-z0-9/-]*$/i.test(item) ? protocolWord(item) : undefined;
  return protocols ? { protocols } : undefined;
}

/** A protocol word: tcp, udp, icmp, gre, esp, a number is not one here (it would be a port). */
export function protocolWord(word: string): ProtocolSet | undefined {
  const text = word.trim().toLowerCase();
  if (['tcp/udp', 'tcp-udp', 'tcpudp', 'udp/tcp', 'tcp+udp', 'tcp&udp', 'both'].includes(text)) return ProtocolSet.of(TCP, UDP);
  if (text === 'ip' || text === 'any' || text === 'all') return ProtocolSet.all();
  if (/^\d+$/.test(text)) return undefined;
  try {
    return ProtocolSet.of(parseProtocol(text));
  } catch (error) {
    if (error instanceof ProtocolParseError) return undefined;
    throw error;
  }
}

function withPorts(
  item: string,
  protocols: ProtocolSet,
  portsText: string | undefined,
  reading: CellReading<ServiceSpec[]>,
  { written, context }: { written: boolean; context: ServiceContext },
): ServicePart {
  const carry = written ? { writtenProtocols: protocols } : {};
  if (portsText === undefined || isAnyWord(portsText)) return { lower: [specOf(protocols)], ...carry };
  const icmpType = icmpTypeOf(protocols, portsText);
  if (icmpType !== undefined) return { lower: [{ ...specOf(protocols), icmp: { type: icmpType } }], ...carry };
  const sides = destinationAndSource(portsText, context.colonNamesSourcePorts ?? false);
  const ports = readPorts(sides.destination);
  const sourcePorts = sides.source === undefined ? PortSet.all() : readPorts(sides.source);
  const unreadable = typeof ports === 'string' ? ports : typeof sourcePorts === 'string' ? sourcePorts : undefined;
  if (typeof ports === 'string' || typeof sourcePorts === 'string') {
    reading.unresolved.push({ kind: 'unknown-port', name: item, reason: unreadable! });
    reading.problems.push(unreadable!);
    return { ...UNKNOWN, ...carry };
  }
  const ported = protocols.intersect(PORTED_PROTOCOLS);
  if (ported.isEmpty()) {
    const why = `"${item}": ${protocols.toString()} has no ports`;
    reading.unresolved.push({ kind: 'unsupported', name: item, reason: why });
    reading.problems.push(why);
    return { ...UNKNOWN, ...carry };
  }
  return { lower: [{ ...specOf(ported), destinationPorts: ports, sourcePorts }], ...carry };
}

/**
 * FortiGate writes a custom service's ports as DESTINATION:SOURCE ("443:1024-65535", "53:53");
 * iptables and Sophos write a range as LOW:HIGH ("1050:1065"). A range on either side of the
 * colon can only be FortiGate's; two single ports are read as the export's style writes them.
 */
function destinationAndSource(text: string, colonNamesSourcePorts: boolean): { destination: string; source?: string } {
  const sides = /^\s*(\d+(?:\s*-\s*\d+)?)\s*:\s*(\d+(?:\s*-\s*\d+)?)\s*$/.exec(text);
  if (!sides) return { destination: text };
  const [, destination, source] = sides as unknown as [string, string, string];
  return colonNamesSourcePorts || destination.includes('-') || source.includes('-') ? { destination, source } : { destination: text };
}

/** "icmp/8" names an ICMP type, not a port. */
function icmpTypeOf(protocols: ProtocolSet, text: string): number | undefined {
  const single = protocols.equals(ProtocolSet.of(ICMP)) || protocols.equals(ProtocolSet.of(ICMP6));
  return single && /^\d{1,3}$/.test(text.trim()) && Number(text) <= 255 ? Number(text) : undefined;
}

function portsWithoutProtocol(item: string, reading: CellReading<ServiceSpec[]>): ServicePart {
  const ports = readPorts(item);
  if (typeof ports === 'string') {
    reading.unresolved.push({ kind: 'unknown-port', name: item, reason: ports });
    reading.problems.push(ports);
    return UNKNOWN;
  }
  reading.unresolved.push({ kind: 'unknown-protocol', name: item, reason: `${item} is written without a protocol: TCP or UDP is not known` });
  return { lower: [], upper: [{ ...specOf(PORTED_PROTOCOLS), destinationPorts: ports }] };
}

/**
 * "443", "1050-1065", "1050 - 1065", "1050:1065", "80 443" and the matrix's "443/80" (two ports); the parse
 * error's message (`"4435-" is not a port or range`) when the text is not ports.
 */
export function readPorts(text: string): PortSet | string {
  try {
    return PortSet.parse(text.trim().replace(/(\d)\s*[-:]\s*(?=\d)/g, '$1-').replace(/\s*\/\s*/g, ' '));
  } catch (error) {
    if (error instanceof PortParseError) return error.message;
    throw error;
  }
}
