import { AddressParseError, AddressSet } from '../../net/index';
import { NULL_ROUTE_INTERFACE, type Interface } from '../../model/index';
import type { ConfigCommand, ConfigLine } from './lines';
import { restAfterWords } from './lines';
import type { RawNetworkDef, ReadState } from './raw-config';

// Physical and negotiation settings: they decide whether a link comes up, not what it lets through.
const IGNORED_INTERFACE_SETTINGS = [
  'speed', 'duplex', 'mac-address', 'channel-group', 'member-interface', 'lacp', 'delay', 'flowcontrol',
  'ospf', 'eigrp', 'rip', 'igmp', 'pim', 'pppoe', 'bfd', 'authentication', 'ddns', 'dhcp', 'nve-only',
  'security-group', 'cts', 'zone-member', 'negotiation', 'mtu', 'ip-client',
  'power', 'multicast', 'hello-interval', 'hold-time', 'dns', 'policy-route', 'wccp',
  // Port-channel bundling, switch ports (ASA 5505, Firepower 1010), VTI tunnel endpoints, DHCP
  // relay and EIGRP summaries: how packets get here, not which are let through.
  'port-channel', 'switchport', 'spanning-tree', 'tunnel', 'dhcprelay', 'summary-address', 'split-horizon',
];

/** `interface X` block: name, level, addresses (connected subnets), vlan, shutdown. */
export function readInterface(command: ConfigCommand, { ctx, raw }: ReadState): void {
  const hardware = command.head.tokens[1];
  if (hardware === undefined) {
    ctx.notUnderstood(command.head, 'interface without a name');
    command.children.forEach((line) => ctx.notUnderstood(line));
    return;
  }
  ctx.understood(command.head);
  const result: Interface = {
    hardware,
    addresses: [],
    ownAddresses: [],
    dynamicAddress: false,
    shutdown: false,
    ref: ctx.ref(command.head),
  };
  let settingIndent = Infinity;
  let settingIgnored = false;
  for (const line of command.children) {
    const indent = indentOf(line);
    // A setting's own sub-mode (`cts manual` with its `propagate` and `policy` lines) is
    // indented one step further, and goes with the setting that opened it.
    if (indent > settingIndent && settingIgnored) {
      ctx.ignored(line);
      continue;
    }
    settingIndent = Math.min(settingIndent, indent);
    readInterfaceSetting(line, result, { ctx, raw });
    if (line.tokens[0] === 'bridge-group' && line.tokens[1] !== undefined) raw.bridgeGroups.set(hardware, line.tokens[1]);
    settingIgnored = ctx.isIgnored(line);
  }
  if (result.name !== undefined && result.securityLevel === undefined) defaultSecurityLevel(result, command.head, ctx.report.bind(ctx));
  raw.interfaces.push(result);
}

/**
 * Naming an interface sets its level: 100 for `inside`, 0 for any other name. The running
 * configuration prints the level anyway; a file edited by hand may not.
 */
function defaultSecurityLevel(target: Interface, head: ConfigLine, report: Report): void {
  target.securityLevel = target.name === 'inside' ? 100 : 0;
  report(head.number, 'info', `interface ${target.hardware} (${target.name}) has no security-level line: the ASA's default for that name, ${target.securityLevel}, is taken`);
}

function indentOf(line: ConfigLine): number {
  return line.text.length - line.text.trimStart().length;
}

function readInterfaceSetting(line: ConfigLine, target: Interface, { ctx }: ReadState): void {
  const [first, second, third] = line.tokens.map((token) => token.toLowerCase());
  const arg = line.tokens[1];
  if (first === 'nameif' && arg !== undefined) {
    target.name = arg;
  } else if (first === 'security-level' && arg !== undefined && /^\d+$/.test(arg) && Number(arg) <= 100) {
    target.securityLevel = Number(arg);
  } else if (first === 'vlan' && arg !== undefined && /^\d+$/.test(arg)) {
    target.vlan = Number(arg);
  } else if (first === 'description') {
    target.description = restAfterWords(line, 1);
  } else if (first === 'shutdown') {
    target.shutdown = true;
  } else if (first === 'management-only') {
    target.managementOnly = true;
  } else if (first === 'bridge-group' && arg !== undefined && /^\d+$/.test(arg)) {
    // Membership is kept by readInterface; what it changes is said once all is read.
  } else if (first === 'no' && (second === 'nameif' || second === 'security-level' || second === 'shutdown' || second === 'management-only')) {
    // The ASA prints the explicit absence; it is the default we already assume.
  } else if (first === 'no' && (second === 'ip' || second === 'ipv6') && third === 'address') {
    // Same: no address, no connected subnet.
  } else if (first === 'ip' && second === 'address') {
    if (!readIpv4Address(line, target, ctx.report.bind(ctx))) return ctx.notUnderstood(line);
  } else if (first === 'ipv6' && second === 'address') {
    if (!readIpv6Address(line, target, ctx.report.bind(ctx))) return ctx.notUnderstood(line);
  } else if (first === 'ipv6' || IGNORED_INTERFACE_SETTINGS.includes(first ?? '') || first === 'no') {
    return ctx.ignored(line);
  } else {
    return ctx.notUnderstood(line);
  }
  ctx.understood(line);
}

type Report = (line: number, severity: 'error' | 'warning' | 'info', message: string) => void;

/** `ip address A M [standby S]`, `ip address dhcp [setroute]`, `ip address pppoe [setroute]`. */
function readIpv4Address(line: ConfigLine, target: Interface, report: Report): boolean {
  const [, , address, mask, standbyWord, standby] = line.tokens;
  if (address === 'dhcp' || address === 'pppoe') {
    target.dynamicAddress = true;
    report(line.number, 'info', `interface ${target.hardware} gets its address from ${address.toUpperCase()}: its subnet is not known from this file`);
    return true;
  }
  if (address === undefined || mask === undefined) return false;
  try {
    const subnet = AddressSet.parse(`${address} ${mask}`).toCidrs();
    target.addresses.push(...subnet);
    target.ownAddresses.push(address);
    if (standbyWord === 'standby' && standby !== undefined) {
      AddressSet.parse(standby);
      target.ownAddresses.push(standby);
    }
    return true;
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    report(line.number, 'error', `interface ${target.hardware}: ${error.message}`);
    return false;
  }
}

/**
 * `ipv6 address X/len [standby Y | eui-64]`; link-local and autoconfig addresses add no routed
 * subnet. With eui-64 the firewall's own address is built from its MAC address, so only the
 * subnet is known.
 */
function readIpv6Address(line: ConfigLine, target: Interface, report: Report): boolean {
  const [, , prefix, option, standby] = line.tokens;
  if (prefix === undefined) return false;
  if (prefix.toLowerCase() === 'autoconfig' || prefix.toLowerCase() === 'dhcp') {
    target.dynamicAddress = true;
    return true;
  }
  if (option?.toLowerCase() === 'link-local') return true;
  const slash = prefix.indexOf('/');
  if (slash < 0) return false;
  try {
    target.addresses.push(...AddressSet.parse(prefix).toCidrs());
    if (option?.toLowerCase() === 'eui-64') return true;
    target.ownAddresses.push(prefix.slice(0, slash));
    if (option?.toLowerCase() === 'standby' && standby !== undefined) {
      const standbyAddress = standby.split('/')[0] ?? standby;
      AddressSet.parse(standbyAddress);
      target.ownAddresses.push(standbyAddress);
    }
    return true;
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    report(line.number, 'error', `interface ${target.hardware}: ${error.message}`);
    return false;
  }
}

/**
 * `route IFNAME NET MASK GATEWAY [DISTANCE] [track N | tunneled]`, and `route Null0 NET MASK
 * [DISTANCE]`, which discards what it routes.
 */
export function readRoute(line: ConfigLine, state: ReadState): void {
  const { ctx, raw } = state;
  const [, iface, network, mask, ...rest] = line.tokens;
  const discard = iface?.toLowerCase() === NULL_ROUTE_INTERFACE.toLowerCase();
  if (iface === undefined || network === undefined || mask === undefined || (!discard && rest[0] === undefined)) {
    return ctx.notUnderstood(line, discard ? 'route Null0 needs network and mask' : 'route needs interface, network, mask and gateway');
  }
  // The ASA accepts "route outside 0 0 gw" and prints it as 0.0.0.0 0.0.0.0; accept both.
  const expand = (word: string) => (word === '0' ? '0.0.0.0' : word);
  const destination = `${expand(addressOfName(network, raw.names))} ${expand(mask)}`;
  if (discard) {
    // A next hop means nothing for a discarding route; the distance may follow the mask directly.
    const options = rest[0] !== undefined && !/^\d+$/.test(rest[0]) ? rest.slice(1) : rest;
    return addRoute(line, { interface: NULL_ROUTE_INTERFACE, destination, gateway: '', options, discard: true }, state);
  }
  addRoute(line, { interface: iface, destination, gateway: addressOfName(rest[0]!, raw.names), options: rest.slice(1), discard: false }, state);
}

/** `ipv6 route IFNAME X/len GATEWAY [DISTANCE] [tunneled]`. */
export function readIpv6Route(line: ConfigLine, state: ReadState): void {
  const [, , iface, prefix, gateway, ...options] = line.tokens;
  if (iface === undefined || prefix === undefined || gateway === undefined) {
    return state.ctx.notUnderstood(line, 'ipv6 route needs interface, prefix and gateway');
  }
  addRoute(line, { interface: iface, destination: prefix, gateway: addressOfName(gateway, state.raw.names), options, discard: false }, state);
}

/**
 * With `names` on, the running configuration shows a `name` alias in place of every address it
 * stands for, routes included ("route inside BRANCH-LAN 255.255.0.0 CORE-RTR 1"). Names come
 * before routes in the file, so the alias is known by the time the route is read.
 */
function addressOfName(word: string, names: ReadonlyMap<string, RawNetworkDef>): string {
  return names.get(word)?.address ?? word;
}

interface RouteWords {
  interface: string;
  destination: string;
  gateway: string;
  /** What follows the gateway: a distance, `track N`, `tunneled`. */
  options: readonly string[];
  discard: boolean;
}

function addRoute(line: ConfigLine, words: RouteWords, { ctx, raw }: ReadState): void {
  const [distance] = words.options;
  try {
    const [destination] = AddressSet.parse(words.destination).toCidrs();
    if (destination === undefined) return ctx.notUnderstood(line);
    if (!words.discard && !isSingleAddress(words.gateway)) return ctx.notUnderstood(line, `the gateway "${words.gateway}" is not an address`);
    raw.routes.push({
      interface: words.interface,
      destination,
      gateway: words.gateway,
      ...(distance !== undefined && /^\d+$/.test(distance) ? { metric: Number(distance) } : {}),
      ...(words.options.some((word) => word.toLowerCase() === 'tunneled') ? { tunneled: true } : {}),
      ...(words.discard ? { discard: true } : {}),
      ref: ctx.ref(line),
    });
    ctx.understood(line);
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    ctx.report(line.number, 'error', `route: ${error.message}`);
    ctx.notUnderstood(line);
  }
}

function isSingleAddress(word: string): boolean {
  try {
    return AddressSet.parse(word).isOneAddress();
  } catch (error) {
    if (error instanceof AddressParseError) return false;
    throw error;
  }
}
