import { AddressParseError, AddressSet } from '../../net/index';
import type { Interface } from '../../model/index';
import type { ConfigCommand, ConfigLine } from './lines';
import { restAfterWords } from './lines';
import type { RawNetworkDef, ReadState } from './raw-config';

// Physical and negotiation settings: they decide whether a link comes up, not what it lets through.
const IGNORED_INTERFACE_SETTINGS = [
  'speed', 'duplex', 'mac-address', 'channel-group', 'member-interface', 'lacp', 'delay', 'flowcontrol',
  'ospf', 'eigrp', 'rip', 'igmp', 'pim', 'pppoe', 'bfd', 'authentication', 'ddns', 'dhcp', 'nve-only',
  'management-only', 'security-group', 'cts', 'bridge-group', 'zone-member', 'negotiation', 'mtu', 'ip-client',
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
    settingIgnored = ctx.isIgnored(line);
  }
  raw.interfaces.push(result);
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
  } else if (first === 'no' && (second === 'nameif' || second === 'security-level' || second === 'shutdown')) {
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

/** `route IFNAME NET MASK GATEWAY [metric] [track N | tunneled]`. */
export function readRoute(line: ConfigLine, { ctx, raw }: ReadState): void {
  const [, iface, network, mask, gateway, metric] = line.tokens;
  if (iface === undefined || network === undefined || mask === undefined || gateway === undefined) {
    return ctx.notUnderstood(line, 'route needs interface, network, mask and gateway');
  }
  // The ASA accepts "route outside 0 0 gw" and prints it as 0.0.0.0 0.0.0.0; accept both.
  const expand = (word: string) => (word === '0' ? '0.0.0.0' : word);
  const destination = `${expand(addressOfName(network, raw.names))} ${expand(mask)}`;
  addRoute(line, iface, destination, addressOfName(gateway, raw.names), metric, { ctx, raw });
}

/** `ipv6 route IFNAME X/len GATEWAY [metric]`. */
export function readIpv6Route(line: ConfigLine, state: ReadState): void {
  const [, , iface, prefix, gateway, metric] = line.tokens;
  if (iface === undefined || prefix === undefined || gateway === undefined) {
    return state.ctx.notUnderstood(line, 'ipv6 route needs interface, prefix and gateway');
  }
  addRoute(line, iface, prefix, addressOfName(gateway, state.raw.names), metric, state);
}

/**
 * With `names` on, the running configuration shows a `name` alias in place of every address it
 * stands for, routes included ("route inside BRANCH-LAN 255.255.0.0 CORE-RTR 1"). Names come
 * before routes in the file, so the alias is known by the time the route is read.
 */
function addressOfName(word: string, names: ReadonlyMap<string, RawNetworkDef>): string {
  return names.get(word)?.address ?? word;
}

function addRoute(line: ConfigLine, iface: string, destinationText: string, gateway: string, metric: string | undefined, { ctx, raw }: ReadState): void {
  try {
    const [destination] = AddressSet.parse(destinationText).toCidrs();
    if (destination === undefined) return ctx.notUnderstood(line);
    raw.routes.push({
      interface: iface,
      destination,
      gateway,
      ...(metric !== undefined && /^\d+$/.test(metric) ? { metric: Number(metric) } : {}),
      ref: ctx.ref(line),
    });
    ctx.understood(line);
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    ctx.report(line.number, 'error', `route: ${error.message}`);
    ctx.notUnderstood(line);
  }
}
