import type { Firewall } from '../model/index';
import { FlowSpace } from '../net/index';
import type { SiteFirewall } from '../site/index';
import { evaluateCrossing } from './crossing';
import { topologyOf, type Topology } from './topology';
import type { Outcome } from './verdict';

/** One audited source with what the engine needs to place flows on it. */
export interface AuditedFirewall {
  entry: SiteFirewall;
  firewall: Firewall;
  topology: Topology;
}

export function auditedFirewall(entry: SiteFirewall, firewall: Firewall): AuditedFirewall {
  return { entry, firewall, topology: topologyOf(firewall, entry) };
}

export interface Crossing {
  ingress: string | undefined;
  egress: string | undefined;
  outcome: Outcome;
}

/**
 * The parts of a flow that cross this firewall, each evaluated between its ingress and
 * egress interface. Address pairs behind the same interface do not cross it; neither do
 * addresses the firewall has no route for. A host firewall filters what reaches or leaves
 * its own addresses.
 */
export function crossingsOf(audited: AuditedFirewall, space: FlowSpace): Crossing[] {
  const crossings: Crossing[] = [];
  for (const box of space.boxes()) {
    const sourceSides = audited.topology.sidesOf(box.sources);
    const destinationSides = audited.topology.sidesOf(box.destinations);
    for (const source of sourceSides) {
      for (const destination of destinationSides) {
        const unrouted = audited.topology.basis !== 'none' && (source.name === undefined || destination.name === undefined);
        if (unrouted || (source.name !== undefined && source.name === destination.name)) continue;
        const part = FlowSpace.of({ ...box, sources: source.addresses, destinations: destination.addresses });
        if (audited.entry.host && !touchesHost(audited, part)) continue;
        crossings.push({ ingress: source.name, egress: destination.name, outcome: evaluateCrossing(audited.firewall, source.name, destination.name, part) });
      }
    }
  }
  return crossings;
}

function touchesHost(audited: AuditedFirewall, part: FlowSpace): boolean {
  const host = audited.entry.host!;
  return part.projectDestinations().overlaps(host) || part.projectSources().overlaps(host);
}
