import type { Firewall } from '../model/index';
import { type AddressSet, partitionByLongestPrefix, type PrefixEntry } from '../net/index';
import type { SiteFirewall } from '../site/index';

/** Which interface (or zone) each part of an address set sits behind, as the firewall sees it. */
export interface Side {
  /** Interface or zone name; undefined where the firewall has no route to the addresses. */
  name: string | undefined;
  addresses: AddressSet;
}

export interface Topology {
  /** Where the placement comes from, for the report. */
  basis: 'configuration' | 'site zones' | 'none';
  sidesOf(addresses: AddressSet): Side[];
}

/**
 * The firewall's view of the network: the site's `zones:` when given (they override the
 * file), otherwise connected subnets and routes from the configuration, longest prefix first.
 * Connected subnets are listed before routes so they win a tie, as they do on the device.
 */
export function topologyOf(firewall: Firewall, siteEntry: SiteFirewall): Topology {
  let entries: PrefixEntry<string>[];
  let basis: Topology['basis'];
  if (siteEntry.zones && siteEntry.zones.length > 0) {
    basis = 'site zones';
    entries = siteEntry.zones.flatMap((zone) => zone.addresses.toCidrs().map((cidr) => ({ cidr, value: zone.name })));
  } else {
    const up = firewall.interfaces.filter((item) => item.name !== undefined && !item.shutdown);
    const upNames = new Set(up.map((item) => item.name));
    entries = [
      ...up.flatMap((item) => item.addresses.map((cidr) => ({ cidr, value: item.name! }))),
      ...firewall.routes.filter((route) => upNames.has(route.interface)).map((route) => ({ cidr: route.destination, value: route.interface })),
    ];
    basis = entries.length > 0 ? 'configuration' : 'none';
  }
  return {
    basis,
    sidesOf: (addresses) =>
      basis === 'none'
        ? [{ name: undefined, addresses }]
        : partitionByLongestPrefix(entries, addresses).map((part) => ({ name: part.value, addresses: part.addresses })),
  };
}
