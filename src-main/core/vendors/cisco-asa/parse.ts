import { AddressSet } from '../../net/index';
import type { Firewall } from '../../model/index';
import type { RawConfig } from './raw-config';
import { settleInterfaces } from './interface-checks';
import { readConfig } from './read-config';
import { ObjectResolver } from './resolve-objects';
import { applyAccessGroups, buildRuleLists } from './rule-lists';

export const ASA_VENDOR_ID = 'cisco-asa';

/** `show running-config` of an ASA (8.3 or later) or of FTD's LINA, as the vendor-neutral model. */
export function parseAsaConfig(text: string, file: string): Firewall {
  const { raw, ctx, counts } = readConfig(text, file);
  settleInterfaces(raw, ctx);
  const resolver = new ObjectResolver(raw, ctx);
  const built = buildRuleLists(
    raw.accessListLines,
    { resolver, names: raw.names, interfaces: raw.interfaces, any: anyFor(raw.version, raw.product) },
    raw.timeRanges,
    ctx,
  );
  const interfaceNames = new Set(raw.interfaces.flatMap((iface) => (iface.name === undefined ? [] : [iface.name])));
  applyAccessGroups(built, raw.accessGroups, interfaceNames, ctx);
  const { diagnostics, stats } = ctx.finish(counts);
  return {
    vendor: ASA_VENDOR_ID,
    file,
    ...(raw.hostname !== undefined ? { hostname: raw.hostname } : {}),
    ...(raw.version !== undefined ? { version: raw.version } : {}),
    interfaces: raw.interfaces,
    routes: raw.routes,
    objects: resolver.table(),
    ruleLists: built.lists,
    nat: raw.nat,
    timeRanges: raw.timeRanges,
    behaviour: {
      sameSecurityTraffic: raw.sameSecurity,
      defaultAction: 'security-level',
      implicitAction: 'deny',
      transparent: raw.transparent,
    },
    diagnostics,
    stats,
  };
}

/** ASA 9.0 made `any` cover IPv4 and IPv6; 8.x kept IPv6 in separate `ipv6 access-list`s. */
function anyFor(version: string | undefined, product: RawConfig['product']): AddressSet {
  if (product === 'ftd') return AddressSet.any();
  const major = version === undefined ? NaN : Number.parseInt(version, 10);
  return major < 9 ? AddressSet.anyV4() : AddressSet.any();
}
