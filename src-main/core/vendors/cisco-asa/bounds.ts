import { AddressSet, PortSet, ProtocolSet } from '../../net/index';
import type { MatchBox, ServiceSpec } from '../../model/index';
import { PORTED_PROTOCOLS, specOf } from './services';

/**
 * Each part of a rule as two sets: `lower` is what it certainly matches, `upper` what it might
 * match once unresolved names (FQDNs, undefined objects, unknown ports) are taken as anything.
 * They are equal when the part is exact.
 */
export interface Bound<T> {
  lower: T;
  upper: T;
}

export function exact<T>(value: T): Bound<T> {
  return { lower: value, upper: value };
}

export const unknownAddresses = (): Bound<AddressSet> => ({ lower: AddressSet.empty(), upper: AddressSet.any() });
export const unknownServices = (): Bound<ServiceSpec[]> => ({ lower: [], upper: [specOf(ProtocolSet.all())] });
export const unknownPorts = (): Bound<PortSet> => ({ lower: PortSet.empty(), upper: PortSet.all() });

export interface MatchParts {
  sources: AddressSet;
  destinations: AddressSet;
  services: readonly ServiceSpec[];
  sourcePorts?: PortSet;
  destinationPorts?: PortSet;
  /** Keep services narrowed to an ICMP type (as all of ICMP); only right for the upper bound. */
  keepIcmpTypes: boolean;
}

/**
 * Boxes for sources × destinations × each service. Port conditions written on the rule narrow
 * every service and leave out protocols without ports. Services that differ only in their
 * destination ports share a box, so `object-group` port lists stay one box.
 */
export function matchBoxes(parts: MatchParts): MatchBox[] {
  if (parts.sources.isEmpty() || parts.destinations.isEmpty()) return [];
  const narrowed: ServiceSpec[] = [];
  for (const service of parts.services) {
    if (service.icmp && !parts.keepIcmpTypes) continue;
    const ported = parts.sourcePorts !== undefined || parts.destinationPorts !== undefined;
    const spec: ServiceSpec = {
      ...service,
      protocols: ported ? service.protocols.intersect(PORTED_PROTOCOLS) : service.protocols,
      sourcePorts: parts.sourcePorts ? service.sourcePorts.intersect(parts.sourcePorts) : service.sourcePorts,
      destinationPorts: parts.destinationPorts ? service.destinationPorts.intersect(parts.destinationPorts) : service.destinationPorts,
    };
    if (spec.protocols.isEmpty() || spec.sourcePorts.isEmpty() || spec.destinationPorts.isEmpty()) continue;
    const sameShape = narrowed.find(
      (other) => !other.icmp && !spec.icmp && other.protocols.equals(spec.protocols) && other.sourcePorts.equals(spec.sourcePorts),
    );
    if (sameShape) sameShape.destinationPorts = sameShape.destinationPorts.union(spec.destinationPorts);
    else narrowed.push(spec);
  }
  return narrowed.map((spec) => ({
    sources: parts.sources,
    destinations: parts.destinations,
    protocols: spec.protocols,
    sourcePorts: spec.sourcePorts,
    destinationPorts: spec.destinationPorts,
    ...(spec.icmp ? { icmp: spec.icmp } : {}),
  }));
}
