import type { Rule } from '../../model/index';
import type { AddressSet, FlowSpace, PortSet } from '../../net/index';
import { cidrToMask } from './remediation-masks';

/**
 * ASA syntax for what an audit recommends. Addresses and ports that fit on one ACE are
 * written inline; anything larger goes into an object-group defined just before, so each
 * printed block can be pasted into configuration mode as it is.
 */
export function asaPermitLines(list: string, space: FlowSpace, options: { line?: number; groupPrefix: string }): string[] {
  const definitions: string[] = [];
  const aces: string[] = [];
  space.boxes().forEach((box, index) => {
    const name = (part: string) => `${options.groupPrefix}-${index + 1}-${part}`;
    const source = addressOperand(box.sources, name('SRC'), definitions);
    const destination = addressOperand(box.destinations, name('DST'), definitions);
    const protocol = box.protocols.toString();
    const ports = protocol === 'tcp' || protocol === 'udp' ? portOperand(box.destinationPorts, name('PORTS'), protocol, definitions) : '';
    const at = options.line !== undefined ? ` line ${options.line + index}` : '';
    aces.push(`access-list ${list}${at} extended permit ${protocol} ${source} ${destination}${ports ? ` ${ports}` : ''}`);
  });
  return [...definitions, ...aces];
}

/** The ACEs that replace an over-permissive rule, at its place in its list. */
export function asaTightenedRule(rule: Rule, needed: FlowSpace): string {
  const lines = asaPermitLines(rule.list, needed, { line: rule.position, groupPrefix: `WFOS-${rule.list}-${rule.position}` });
  const original = 'line' in rule.ref ? rule.ref.text.trim() : undefined;
  return [...lines, ...(original ? [`no ${original}`] : [])].join('\n');
}

function addressOperand(addresses: AddressSet, groupName: string, definitions: string[]): string {
  if (addresses.isAnyV4() && addresses.isAnyV6()) return 'any';
  if (addresses.isAnyV4() && addresses.v6().isEmpty()) return 'any4';
  const cidrs = addresses.toCidrs();
  if (cidrs.length === 1) return cidrOperand(cidrs[0]!);
  definitions.push(`object-group network ${groupName}`, ...cidrs.map((cidr) => ` network-object ${cidrOperand(cidr)}`));
  return `object-group ${groupName}`;
}

function cidrOperand(cidr: string): string {
  const [address, length] = cidr.split('/') as [string, string];
  const v6 = address.includes(':');
  if ((v6 && length === '128') || (!v6 && length === '32')) return `host ${address}`;
  return v6 ? cidr : `${address} ${cidrToMask(Number(length))}`;
}

function portOperand(ports: PortSet, groupName: string, protocol: string, definitions: string[]): string {
  if (ports.isAll()) return '';
  const ranges = ports.ranges();
  const item = ([low, high]: readonly [number, number]) => (low === high ? `eq ${low}` : `range ${low} ${high}`);
  if (ranges.length === 1) return item(ranges[0]!);
  definitions.push(`object-group service ${groupName} ${protocol}`, ...ranges.map((range) => ` port-object ${item(range)}`));
  return `object-group ${groupName}`;
}

