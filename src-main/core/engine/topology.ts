import { NULL_ROUTE_INTERFACE, type Firewall, type Route, type SourceRef } from '../model/index';
import { type AddressSet, partitionByLongestPrefix, type PrefixEntry } from '../net/index';
import type { SiteFirewall } from '../site/index';

/** Which interface (or zone) each part of an address set sits behind, as the firewall sees it. */
export interface Side {
  /** Interface or zone name; undefined where the firewall has no route to the addresses. */
  name: string | undefined;
  addresses: AddressSet;
  /** The route to Null0 that claims these addresses: the firewall drops what it sends there. */
  discardedBy?: SourceRef;
}

export interface Topology {
  /** Where the placement comes from, for the report. */
  basis: 'configuration' | 'site zones' | 'none';
  sidesOf(addresses: AddressSet): Side[];
}

/** One entry of the placement table: where a prefix leads. */
interface Destination {
  name: string;
  discardedBy?: SourceRef;
}

/**
 * The firewall's view of the network: the site's `zones:` when given (they override the
 * file), otherwise connected subnets and routes from the configuration, longest prefix first.
 * A transparent firewall's routes serve only its own traffic, so they place nothing there.
 */
export function topologyOf(firewall: Firewall, siteEntry: SiteFirewall): Topology {
  let entries: PrefixEntry<Destination>[];
  let basis: Topology['basis'];
  if (siteEntry.zones && siteEntry.zones.length > 0) {
    basis = 'site zones';
    // One entry object per name: the partition groups addresses by entry identity.
    const byName = new Map(siteEntry.zones.map((zone) => [zone.name, { name: zone.name }]));
    entries = siteEntry.zones.flatMap((zone) => zone.addresses.toCidrs().map((cidr) => ({ cidr, value: byName.get(zone.name)! })));
  } else {
    entries = firewall.behaviour.transparent ? [] : routedEntries(firewall);
    basis = entries.length > 0 ? 'configuration' : 'none';
  }
  return {
    basis,
    sidesOf: (addresses) =>
      basis === 'none'
        ? [{ name: undefined, addresses }]
        : partitionByLongestPrefix(entries, addresses).map((part) => ({
            name: part.value?.name,
            addresses: part.addresses,
            ...(part.value?.discardedBy && { discardedBy: part.value.discardedBy }),
          })),
  };
}

/**
 * Connected subnets of the interfaces that pass traffic, then the routes out of them, as the
 * data routing table holds them. Connected subnets come first so they win a tie, as they do on
 * the device; of routes to the same prefix the lowest administrative distance wins. Routes
 * that carry only VPN traffic (`tunneled`) and management-only interfaces place no flow.
 */
function routedEntries(firewall: Firewall): PrefixEntry<Destination>[] {
  const up = firewall.interfaces.filter((item) => item.name !== undefined && !item.shutdown && !item.managementOnly);
  const byName = new Map(up.map((item) => [item.name!, { name: item.name! }]));
  const routes = firewall.routes
    .filter((route) => !route.tunneled && (route.discard || byName.has(route.interface)))
    .sort((a, b) => distanceOf(a) - distanceOf(b));
  return [
    ...up.flatMap((item) => item.addresses.map((cidr) => ({ cidr, value: byName.get(item.name!)! }))),
    ...routes.map((route) => ({
      cidr: route.destination,
      value: route.discard ? { name: NULL_ROUTE_INTERFACE, discardedBy: route.ref } : byName.get(route.interface)!,
    })),
  ];
}

/** A static route's administrative distance is 1 unless the line says otherwise. */
function distanceOf(route: Route): number {
  return route.metric ?? 1;
}
