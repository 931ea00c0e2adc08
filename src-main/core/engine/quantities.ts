import type { IcmpMatch } from '../model/index';
import { PORTED_PROTOCOLS } from '../model/match-building';
import { ICMP, ICMP6, PortSet, ProtocolSet, type AddressSet, type FlowSpace } from '../net/index';
import { isAnyAddress } from './exposure';

// One formatter for every count: toLocaleString builds a new one per call, which a large
// audit's thousands of findings felt (about 2 µs a bigint).
const grouped = new Intl.NumberFormat('en-US');
const number = (value: number | bigint) => grouped.format(value);

/** "any address", "1 address", "256 addresses". */
export function countAddresses(addresses: AddressSet): string {
  if (isAnyAddress(addresses)) return 'any address';
  const { v4, v6 } = addresses.size();
  const total = v4 + v6;
  return `${number(total)} address${total === 1n ? '' : 'es'}`;
}

/** "1 port", "65,536 ports". */
export function countPorts(ports: PortSet): string {
  const size = ports.size();
  return `${number(size)} port${size === 1 ? '' : 's'}`;
}

/**
 * The TCP, UDP and SCTP part of a space and its destination ports. ICMP and the other
 * protocols have no ports: their boxes hold every port only as a placeholder, which must not count.
 */
export function portedPart(space: FlowSpace): { protocols: ProtocolSet; ports: PortSet } {
  let protocols = ProtocolSet.empty();
  let ports = PortSet.empty();
  for (const box of space.boxes()) {
    const ported = box.protocols.intersect(PORTED_PROTOCOLS);
    if (ported.isEmpty()) continue;
    protocols = protocols.union(ported);
    ports = ports.union(box.destinationPorts);
  }
  return { protocols, ports };
}

/**
 * What a rule matches of a protocol it narrows to ICMP types, by protocol number, e.g.
 * "ICMP echo (type 8)": spaces can only hold such a part as all of the protocol.
 */
export type IcmpLabels = ReadonlyMap<number, string>;

const ICMP_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'echo-reply'], [3, 'unreachable'], [4, 'source-quench'], [5, 'redirect'], [8, 'echo'],
  [9, 'router-advertisement'], [10, 'router-solicitation'], [11, 'time-exceeded'], [12, 'parameter-problem'],
  [13, 'timestamp-request'], [14, 'timestamp-reply'], [17, 'mask-request'], [18, 'mask-reply'], [30, 'traceroute'],
]);
const ICMP6_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'unreachable'], [2, 'packet-too-big'], [3, 'time-exceeded'], [4, 'parameter-problem'], [128, 'echo'], [129, 'echo-reply'],
  [133, 'router-solicitation'], [134, 'router-advertisement'], [135, 'neighbor-solicitation'], [136, 'neighbor-advertisement'], [137, 'redirect'],
]);

/** "ICMP echo (type 8)", "ICMP echo-reply (type 0), unreachable (type 3 code 4)", "ICMPv6 type 200". */
export function icmpTypesText(protocol: number, matches: readonly IcmpMatch[]): string {
  const names = protocol === ICMP6 ? ICMP6_TYPE_NAMES : ICMP_TYPE_NAMES;
  const sorted = [...matches].sort((a, b) => a.type - b.type || (a.code ?? -1) - (b.code ?? -1));
  const items = new Set(
    sorted.map(({ type, code }) => {
      const numbers = `type ${type}${code === undefined ? '' : ` code ${code}`}`;
      const name = names.get(type);
      return name === undefined ? numbers : `${name} (${numbers})`;
    }),
  );
  return `${protocol === ICMP6 ? 'ICMPv6' : 'ICMP'} ${[...items].join(', ')}`;
}

const PORTLESS_NAMED: readonly (readonly [number, string])[] = [
  [ICMP, 'all ICMP types'],
  [ICMP6, 'all ICMPv6 types'],
];

/**
 * Protocols in words, each as it is open: "tcp to 3 ports" (or "every TCP port"), "all ICMP
 * types" or the types a rule names, never ICMP "to 65,536 ports"; other protocols without
 * ports as the protocol set prints them. `portedText` words the TCP/UDP/SCTP part.
 */
export function protocolParts(protocols: ProtocolSet, labels: IcmpLabels, portedText: (ported: ProtocolSet) => string): string[] {
  const parts: string[] = [];
  const ported = protocols.intersect(PORTED_PROTOCOLS);
  if (!ported.isEmpty()) parts.push(portedText(ported));
  let rest = protocols.subtract(PORTED_PROTOCOLS);
  const named: string[] = [];
  for (const [protocol, whole] of PORTLESS_NAMED) {
    if (!rest.has(protocol)) continue;
    named.push(labels.get(protocol) ?? whole);
    rest = rest.subtract(ProtocolSet.of(protocol));
  }
  if (!rest.isEmpty()) parts.push(rest.toString());
  return [...parts, ...named];
}

/** "every TCP port", "every TCP and UDP port" */
export function everyPortText(ported: ProtocolSet): string {
  return `every ${ported.toString().toUpperCase().split(',').join(' and ')} port`;
}

/** The services of a rule or a need in a sentence: "tcp to 3 ports and all ICMP types", "every protocol". */
export function servicesText(protocols: ProtocolSet, ports: PortSet, labels: IcmpLabels = new Map()): string {
  if (protocols.isAll()) return 'every protocol';
  if (protocols.isEmpty()) return 'nothing';
  const portedText = (ported: ProtocolSet) => (ports.isAll() ? everyPortText(ported) : `${ported.toString()} to ${countPorts(ports)}`);
  return protocolParts(protocols, labels, portedText).join(' and ');
}
