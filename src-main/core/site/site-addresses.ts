import { AddressSet, type IpFamily } from '../net/index';

/**
 * Reads one address item of a site file (a host, CIDR, range, or comma-separated list of them).
 * Unlike a firewall configuration, a site file may not write a host with its prefix length:
 * `Recorder: 10.10.20.11/24` is most often an interface address pasted from the server, and
 * reading it as the whole 10.10.20.0/24 would make 254 other hosts a Recorder without saying so.
 */
export function parseSiteAddressItem(item: string): AddressSet {
  const set = AddressSet.parse(item);
  for (const part of item.split(',')) {
    const network = /^\s*([^\s/]+)\s*(?:\/\s*\d+|\s+\d+\.\d+\.\d+\.\d+)\s*$/.exec(part);
    if (!network) continue;
    const subnet = AddressSet.parse(part);
    if (!startsAt(subnet, AddressSet.parse(network[1]!))) {
      throw new Error(`"${part.trim()}" has host bits set: write ${network[1]} for the one host, or ${subnet.toString()} for the whole subnet`);
    }
  }
  return set;
}

/** Whether the network's first address is the address written before its prefix or mask. */
function startsAt(network: AddressSet, address: AddressSet): boolean {
  return (['ipv4', 'ipv6'] as IpFamily[]).every((family) => network.family(family).min() === address.family(family).min());
}
