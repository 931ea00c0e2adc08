import { AddressSet, PortSet, ProtocolSet, TCP, UDP } from '../net/index';
import type { ServiceSpec } from './objects';
import type { MatchBox } from './rules';
import type { Uncertainty } from './uncertainty';

/*
 * Building a rule's match boxes from what a source wrote, shared by every reader (vendor
 * configurations and rule exports): the parts as lower/upper bounds, the services, the boxes.
 */

const SCTP = 132;

/** Protocols that have ports at all; port conditions leave the others out. */
export const PORTED_PROTOCOLS = ProtocolSet.of(TCP, UDP, SCTP);

/** A service of these protocols on any source and destination port. */
export function specOf(protocols: ProtocolSet): ServiceSpec {
  return { protocols, sourcePorts: PortSet.all(), destinationPorts: PortSet.all() };
}

/** Whether any service is narrowed to an ICMP type, which the boxes can only widen to all of ICMP. */
export function hasIcmpType(services: readonly ServiceSpec[]): boolean {
  for (const service of services) if (service.icmp) return true;
  return false;
}

/** The same uncertainty said twice (a group named twice in one rule) is reported once. */
export function dedupeUncertainties(list: readonly Uncertainty[]): Uncertainty[] {
  if (list.length < 2) return list.slice();
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = `${item.kind}\u0000${item.name ?? ''}\u0000${item.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}


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
  const { sourcePorts, destinationPorts, keepIcmpTypes } = parts;
  const ported = sourcePorts !== undefined || destinationPorts !== undefined;
  if (parts.services.length === 1) {
    // Most rules name one protocol: one box, with no merging to do.
    const service = parts.services[0]!;
    if (service.icmp && !keepIcmpTypes) return [];
    const box: MatchBox = {
      sources: parts.sources,
      destinations: parts.destinations,
      protocols: ported ? portedOnly(service.protocols) : service.protocols,
      sourcePorts: narrowPorts(service.sourcePorts, sourcePorts),
      destinationPorts: narrowPorts(service.destinationPorts, destinationPorts),
    };
    if (service.icmp) box.icmp = service.icmp;
    if (box.protocols.isEmpty() || box.sourcePorts.isEmpty() || box.destinationPorts.isEmpty()) return [];
    return [box];
  }
  const narrowed: ServiceSpec[] = [];
  for (const service of parts.services) {
    if (service.icmp && !keepIcmpTypes) continue;
    const spec: ServiceSpec = {
      protocols: ported ? portedOnly(service.protocols) : service.protocols,
      sourcePorts: narrowPorts(service.sourcePorts, sourcePorts),
      destinationPorts: narrowPorts(service.destinationPorts, destinationPorts),
    };
    if (service.icmp) spec.icmp = service.icmp;
    if (spec.protocols.isEmpty() || spec.sourcePorts.isEmpty() || spec.destinationPorts.isEmpty()) continue;
    let sameShape: ServiceSpec | undefined;
    if (!spec.icmp) {
      for (const other of narrowed) {
        if (!other.icmp && other.protocols.equals(spec.protocols) && other.sourcePorts.equals(spec.sourcePorts)) {
          sameShape = other;
          break;
        }
      }
    }
    if (sameShape) sameShape.destinationPorts = sameShape.destinationPorts.union(spec.destinationPorts);
    else narrowed.push(spec);
  }
  const boxes: MatchBox[] = new Array(narrowed.length);
  for (let i = 0; i < narrowed.length; i++) {
    const spec = narrowed[i]!;
    const box: MatchBox = {
      sources: parts.sources,
      destinations: parts.destinations,
      protocols: spec.protocols,
      sourcePorts: spec.sourcePorts,
      destinationPorts: spec.destinationPorts,
    };
    if (spec.icmp) box.icmp = spec.icmp;
    boxes[i] = box;
  }
  return boxes;
}

/**
 * A service's ports narrowed by the rule's port condition. Most services allow every port
 * (a bare `tcp`), so the condition's own set is kept rather than a copy of it.
 */
function narrowPorts(ports: PortSet, condition: PortSet | undefined): PortSet {
  if (condition === undefined) return ports;
  return ports.isAll() ? condition : ports.intersect(condition);
}

// Protocol sets are immutable and few distinct ones occur, so their ported part is kept.
const PORTED_PART = new WeakMap<ProtocolSet, ProtocolSet>();

function portedOnly(protocols: ProtocolSet): ProtocolSet {
  let part = PORTED_PART.get(protocols);
  if (part === undefined) {
    part = protocols.intersect(PORTED_PROTOCOLS);
    PORTED_PART.set(protocols, part);
  }
  return part;
}
