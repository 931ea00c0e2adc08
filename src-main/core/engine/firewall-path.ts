import type { Firewall } from '../model/index';
import { FlowSpace, type AddressSet } from '../net/index';
import type { SiteFirewall } from '../site/index';
import { evaluateCrossing } from './crossing';
import { unknownOutcome } from './rule-chain';
import { asOnAuditDate, rulesOutOfTime, type OutOfTime } from './time-ranges';
import { topologyOf, type Topology } from './topology';
import type { Outcome } from './verdict';

/** One audited source with what the engine needs to place flows on it. */
export interface AuditedFirewall {
  entry: SiteFirewall;
  /** As it filters on the audit date: rules outside their time-range's window are inactive. */
  firewall: Firewall;
  topology: Topology;
  /** Rules taken as inactive for their time-range, by rule id. */
  outOfTime: ReadonlyMap<string, OutOfTime>;
}

export function auditedFirewall(entry: SiteFirewall, parsed: Firewall, at: Date = new Date()): AuditedFirewall {
  const outOfTime = rulesOutOfTime(parsed, at);
  const firewall = asOnAuditDate(parsed, outOfTime);
  return { entry, firewall, topology: topologyOf(firewall, entry), outOfTime: new Map([...outOfTime].map(([rule, why]) => [rule.id, why])) };
}

export interface Crossing {
  ingress: string | undefined;
  egress: string | undefined;
  outcome: Outcome;
}

/**
 * The parts of a flow that cross this firewall, each evaluated between its ingress and
 * egress interface. Address pairs behind the same interface do not cross it, nor do pairs
 * the firewall has no route for at either end. When only one end has no route in the
 * configuration (routes learned by OSPF or DHCP, say), whether the flow crosses is not
 * known, and the verdict says so rather than guessing. A host firewall filters what
 * reaches or leaves its own addresses.
 */
export function crossingsOf(audited: AuditedFirewall, space: FlowSpace): Crossing[] {
  const crossings: Crossing[] = [];
  for (const box of space.boxes()) {
    const sourceSides = audited.topology.sidesOf(box.sources);
    const destinationSides = audited.topology.sidesOf(box.destinations);
    for (const source of sourceSides) {
      for (const destination of destinationSides) {
        const routed = audited.topology.basis === 'none' || (source.name !== undefined && destination.name !== undefined);
        if (audited.topology.basis !== 'none' && source.name === undefined && destination.name === undefined) continue;
        if (source.name !== undefined && source.name === destination.name) continue;
        const part = FlowSpace.of({ ...box, sources: source.addresses, destinations: destination.addresses });
        if (audited.entry.host && !touchesHost(audited, part)) continue;
        const outcome = routed
          ? evaluateCrossing(audited.firewall, source.name, destination.name, part)
          : unknownOutcome(part, noRouteReason(audited, source.name === undefined ? source.addresses : destination.addresses));
        crossings.push({ ingress: source.name, egress: destination.name, outcome });
      }
    }
  }
  return crossings;
}

function noRouteReason(audited: AuditedFirewall, unrouted: AddressSet): string {
  return `no route to ${unrouted.toString()} in the configuration (it may be learned dynamically or from DHCP); give the site file zones: to place it`;
}

function touchesHost(audited: AuditedFirewall, part: FlowSpace): boolean {
  const host = audited.entry.host!;
  return part.projectDestinations().overlaps(host) || part.projectSources().overlaps(host);
}
