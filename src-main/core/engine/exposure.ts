import type { ProtocolSet} from '../net/index';
import { AddressSet, PortSet, TCP, UDP, type FlowSpace } from '../net/index';

/** Services whose exposure turns a broad rule into an incident: remote control, files, databases. */
const SENSITIVE_SERVICES: readonly { name: string; protocol: number; ports: PortSet }[] = [
  { name: 'SSH', protocol: TCP, ports: PortSet.of(22) },
  { name: 'Telnet', protocol: TCP, ports: PortSet.of(23) },
  { name: 'SMB/NetBIOS', protocol: TCP, ports: PortSet.fromRanges([[135, 135], [139, 139], [445, 445]]) },
  { name: 'NetBIOS', protocol: UDP, ports: PortSet.of(137, 138) },
  { name: 'SQL Server', protocol: TCP, ports: PortSet.of(1433, 1434) },
  { name: 'SQL Server Browser', protocol: UDP, ports: PortSet.of(1434) },
  { name: 'Oracle', protocol: TCP, ports: PortSet.of(1521) },
  { name: 'MySQL', protocol: TCP, ports: PortSet.of(3306) },
  { name: 'PostgreSQL', protocol: TCP, ports: PortSet.of(5432) },
  { name: 'RDP', protocol: TCP, ports: PortSet.of(3389) },
  { name: 'RDP', protocol: UDP, ports: PortSet.of(3389) },
  { name: 'VNC', protocol: TCP, ports: PortSet.of(5900, 5903) },
  { name: 'WinRM', protocol: TCP, ports: PortSet.of(5985, 5986) },
  { name: 'SNMP', protocol: UDP, ports: PortSet.of(161, 162) },
];

/** Addresses that are not the Internet: private, loopback, link-local, CGNAT, ULA. */
const INTERNAL = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', '::1']
  .map((cidr) => AddressSet.parse(cidr))
  .reduce((set, item) => set.union(item), AddressSet.empty());

export function includesInternet(addresses: AddressSet): boolean {
  return !addresses.subtract(INTERNAL).isEmpty();
}

export function isAnyAddress(addresses: AddressSet): boolean {
  return addresses.isAnyV4() || addresses.isAnyV6();
}

/** Names of the sensitive services a space reaches, e.g. ["RDP", "SMB/NetBIOS"]. */
export function sensitiveServicesIn(space: FlowSpace): string[] {
  const names = new Set<string>();
  for (const box of space.boxes()) {
    for (const service of SENSITIVE_SERVICES) {
      if (box.protocols.has(service.protocol) && box.destinationPorts.overlaps(service.ports)) names.add(service.name);
    }
  }
  return [...names];
}

/**
 * Every protocol (ASA "ip"). Every port of TCP (or of TCP and UDP) is not every service:
 * the other protocols stay closed, and the finding says which ports are open instead.
 */
export function isAnyService(protocols: ProtocolSet): boolean {
  return protocols.isAll();
}
