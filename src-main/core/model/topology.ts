import type { SourceRef } from './source-ref';

/** A routed interface (ASA nameif) or a zone member; what the engine places flows behind. */
export interface Interface {
  /** The name rules and routes use (ASA nameif, a zone name); absent when the port carries no traffic. */
  name?: string;
  /** The hardware or logical port as configured, e.g. "GigabitEthernet0/1.120" or "Port-channel1". */
  hardware: string;
  securityLevel?: number;
  vlan?: number;
  description?: string;
  /** Connected subnets as CIDR strings (v4 and v6), e.g. "10.10.20.0/24". */
  addresses: string[];
  /** The firewall's own addresses on this interface (active and standby), for `interface NAME` in rules. */
  ownAddresses: string[];
  /** The address comes from DHCP or PPPoE, so connected subnets are not known from the file. */
  dynamicAddress: boolean;
  shutdown: boolean;
  /**
   * Passes no traffic through the firewall, only traffic to and from the firewall itself (ASA
   * `management-only`): its subnets and routes place no flow.
   */
  managementOnly?: boolean;
  ref: SourceRef;
}

export interface Route {
  /** Interface name (nameif) the route points out of. */
  interface: string;
  /** CIDR, e.g. "0.0.0.0/0" or "2001:db8:40::/48". */
  destination: string;
  /** Empty for a route that discards (`route Null0`). */
  gateway: string;
  /** Administrative distance: of two routes to the same prefix the lower one is used. */
  metric?: number;
  /** Carries only traffic leaving a VPN tunnel (ASA `tunneled`), never cleartext flows. */
  tunneled?: boolean;
  /** Traffic routed here is dropped (ASA `route Null0`). */
  discard?: boolean;
  ref: SourceRef;
}

/** The interface name a discarding route is written with. */
export const NULL_ROUTE_INTERFACE = 'Null0';
