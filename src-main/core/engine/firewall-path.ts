import { NULL_ROUTE_INTERFACE, placeInFile, type Firewall } from '../model/index';
import { FlowSpace, type AddressSet } from '../net/index';
import type { SiteFirewall } from '../site/index';
import { agreedOutcome } from './agreement';
import { evaluateCrossing } from './crossing';
import { unique } from './describe';
import { schedulesOf, whenPermitted, type Schedules } from './schedules';
import { defaultOutcome, unknownOutcome } from './rule-chain';
import { asOnAuditDate, rulesOutOfTime, type OutOfTime } from './time-ranges';
import { topologyOf, type Side, type Topology } from './topology';
import type { Outcome } from './verdict';

/** One audited source with what the engine needs to place flows on it. */
export interface AuditedFirewall {
  entry: SiteFirewall;
  /** As it filters on the audit date: rules outside their time-range's window are inactive. */
  firewall: Firewall;
  topology: Topology;
  /** Rules taken as inactive for their time-range, by rule id. */
  outOfTime: ReadonlyMap<string, OutOfTime>;
  /** How it filters at different times, where rules on recurring time-ranges make it differ. */
  schedules?: Schedules;
  /** A host firewall whose rules say their direction: the rules for traffic reaching the host, and leaving it. */
  byDirection?: Record<'in' | 'out', Filtering>;
}

/** A firewall's rules as they filter one kind of traffic, with their schedules. */
interface Filtering {
  firewall: Firewall;
  schedules?: Schedules;
}

export function auditedFirewall(entry: SiteFirewall, parsed: Firewall, at: Date = new Date()): AuditedFirewall {
  const outOfTime = rulesOutOfTime(parsed, at);
  const firewall = asOnAuditDate(parsed, outOfTime);
  const schedules = schedulesOf(firewall);
  const directed = entry.host !== undefined && firewall.ruleLists.some((list) => list.rules.some((rule) => rule.direction !== undefined));
  return {
    entry,
    firewall,
    topology: topologyOf(firewall, entry),
    outOfTime: new Map([...outOfTime].map(([rule, why]) => [rule.id, why])),
    ...(schedules && { schedules }),
    ...(directed && { byDirection: { in: filteringOf(firewall, 'in'), out: filteringOf(firewall, 'out') } }),
  };
}

/** The rules that filter traffic going one way: those written for it and those for both ways. */
function filteringOf(firewall: Firewall, direction: 'in' | 'out'): Filtering {
  const ruleLists = firewall.ruleLists.map((list) => ({ ...list, rules: list.rules.filter((rule) => rule.direction === undefined || rule.direction === direction) }));
  const oneWay = { ...firewall, ruleLists };
  const schedules = schedulesOf(oneWay);
  return { firewall: oneWay, ...(schedules && { schedules }) };
}

export interface Crossing {
  ingress: string | undefined;
  egress: string | undefined;
  outcome: Outcome;
}

/** A part of a flow between two sides of a firewall, before any list has looked at it. */
export interface PlacedPart {
  source: Side;
  destination: Side;
  part: FlowSpace;
  /** Both ends placed (or nothing places anything): the lists decide. Otherwise whether it crosses is not known. */
  routed: boolean;
  /** At a host firewall: traffic reaching the host (`in`) or leaving it (`out`). */
  direction?: 'in' | 'out';
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
  return placedParts(audited, space).map((placed) => ({
    ingress: placed.source.name,
    egress: placed.destination.name,
    outcome: outcomeOf(audited, placed),
  }));
}

/** Where each part of a flow meets this firewall: by which interfaces it enters and leaves. */
export function placedParts(audited: AuditedFirewall, space: FlowSpace): PlacedPart[] {
  const placed: PlacedPart[] = [];
  for (const box of space.boxes()) {
    const sourceSides = audited.topology.sidesOf(box.sources);
    const destinationSides = audited.topology.sidesOf(box.destinations);
    for (const source of sourceSides) {
      for (const destination of destinationSides) {
        const routed = audited.topology.basis === 'none' || (source.name !== undefined && destination.name !== undefined);
        if (audited.topology.basis !== 'none' && source.name === undefined && destination.name === undefined) continue;
        if (source.name !== undefined && source.name === destination.name) continue;
        const ends = withoutSelfTraffic(source.addresses, destination.addresses);
        if (ends === undefined) continue;
        const whole = FlowSpace.of({ ...box, ...ends });
        if (!audited.entry.host) {
          placed.push({ source, destination, part: whole, routed });
          continue;
        }
        const { inbound, outbound } = hostParts(whole, audited.entry.host);
        if (!inbound.isEmpty()) placed.push({ source, destination, part: inbound, routed, direction: 'in' });
        if (!outbound.isEmpty()) placed.push({ source, destination, part: outbound, routed, direction: 'out' });
      }
    }
  }
  return placed;
}

function outcomeOf(audited: AuditedFirewall, { source, destination, part, routed, direction }: PlacedPart): Outcome {
  if (destination.discardedBy) {
    return defaultOutcome(part, {
      kind: 'default',
      id: 'null-route',
      action: 'deny',
      text: `the route to ${NULL_ROUTE_INTERFACE} that discards traffic to ${destination.addresses.toString()}`,
      ref: destination.discardedBy,
    });
  }
  if (source.discardedBy) {
    return unknownOutcome(part, `replies to ${source.addresses.toString()} are routed to ${NULL_ROUTE_INTERFACE} (${placeInFile(source.discardedBy)}), and which interface its traffic enters by is not known`);
  }
  if (!routed) return unknownOutcome(part, noRouteReason(source.name === undefined ? source.addresses : destination.addresses));
  const { firewall, schedules } = (direction && audited.byDirection?.[direction]) || audited;
  const always = evaluateCrossing(firewall, source.name, destination.name, part);
  return schedules ? acrossSchedules(schedules, always, (then) => evaluateCrossing(then, source.name, destination.name, part), part) : always;
}

/**
 * With every rule in force, a rule that decides nothing could be taken away without changing
 * anything: only when a rule on a recurring time-range decides part of the flow does the time
 * of day matter. Then each schedule is walked: WFOS traffic runs around the clock, so what is
 * denied at any time is a gap, with the permits that let it through only at some times.
 */
function acrossSchedules(schedules: Schedules, always: Outcome, evaluate: (firewall: Firewall) => Outcome, part: FlowSpace): Outcome {
  const timed = always.decisions.some((decision) => decision.decider.kind === 'rule' && schedules.recurringRuleIds.has(decision.decider.rule.id));
  if (!timed) return always;
  const outcomes = schedules.cases.map((schedule) => ({ schedule, outcome: evaluate(schedule.firewall) }));
  const cases = outcomes.map(({ schedule, outcome }) => ({ label: schedule.label, outcome }));
  const agreed = agreedOutcome(cases, part, {
    why: `rules on recurring time-ranges apply only part of the time (${schedules.description})`,
    deciders: 'the schedules',
    disputed: 'denied',
  });
  const gap = agreed.denied;
  const permitting = outcomes.filter(({ outcome }) => outcome.permitted.overlaps(gap)).map(({ schedule }) => schedule);
  const denying = outcomes.filter(({ outcome }) => outcome.denied.overlaps(gap)).map(({ schedule }) => schedule);
  const when = whenPermitted(schedules, permitting, denying);
  const partTimePermits = agreed.partTimePermits && unique(agreed.partTimePermits, ({ rule }) => rule.id).map((permit) => ({ ...permit, when }));
  // Rules a schedule takes out are not inactive: only those the file disables are.
  return { ...agreed, inactiveMatches: always.inactiveMatches, ...(partTimePermits && { partTimePermits }) };
}

function noRouteReason(unrouted: AddressSet): string {
  return `no route to ${unrouted.toString()} in the configuration (it may be learned dynamically or from DHCP); give the site file zones: to place it`;
}

/**
 * A host talking to itself never leaves it: no network firewall sees that traffic, nor the
 * host's own. Where one end is a single host the pair is taken out exactly; where both ends
 * are wider, the pairs of a host with itself cannot be cut from a box and stay.
 */
function withoutSelfTraffic(sources: AddressSet, destinations: AddressSet): { sources: AddressSet; destinations: AddressSet } | undefined {
  if (destinations.isOneAddress() && sources.overlaps(destinations)) {
    const others = sources.subtract(destinations);
    return others.isEmpty() ? undefined : { sources: others, destinations };
  }
  if (sources.isOneAddress() && destinations.overlaps(sources)) {
    const others = destinations.subtract(sources);
    return others.isEmpty() ? undefined : { sources, destinations: others };
  }
  return { sources, destinations };
}

/**
 * What of the space a host firewall filters: flows to its addresses (inbound) and flows from
 * them (outbound). Only those address pairs: a box naming the host among other sources does
 * not bring the others' traffic to it.
 */
function hostParts(space: FlowSpace, host: AddressSet): { inbound: FlowSpace; outbound: FlowSpace } {
  let inbound = FlowSpace.empty();
  let outbound = FlowSpace.empty();
  for (const box of space.boxes()) {
    const fromHost = box.sources.intersect(host);
    if (!fromHost.isEmpty()) outbound = outbound.union(FlowSpace.of({ ...box, sources: fromHost }));
    const toHost = box.destinations.intersect(host);
    const others = box.sources.subtract(host);
    if (!toHost.isEmpty() && !others.isEmpty()) inbound = inbound.union(FlowSpace.of({ ...box, sources: others, destinations: toHost }));
  }
  return { inbound, outbound };
}
