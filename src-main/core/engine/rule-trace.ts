import type { MatrixRow } from '../matrix/schema';
import { FlowSpace, type PortSet } from '../net/index';
import type { Site } from '../site/index';
import type { RuleReference } from './audit-result';
import { referenceOf } from './describe';
import { crossingsOf, type AuditedFirewall } from './firewall-path';
import { requiredFlowOf } from './required-flow';
import type { Outcome } from './verdict';

/** One part of a flow and what decided it, as the trace shows it. */
export interface TracedDecision {
  action: 'permit' | 'deny';
  /** A rule of the configuration, or the device's built-in behaviour (`kind: 'default'`). */
  kind: 'rule' | 'default';
  rule: RuleReference;
  /** The packets it decided, a line per box: "1050-1065/tcp from 10.10.20.11 to 10.40.0.10". */
  packets: string[];
}

export interface TracedCrossing {
  ingress?: string;
  egress?: string;
  decisions: TracedDecision[];
  /** Inactive (disabled) rules that would have matched part of the flow where they stand. */
  inactive: { rule: RuleReference; packets: string[] }[];
  /** What could not be resolved (an FQDN object, no route): the parts it leaves unknown. */
  unknown: string[];
  /** permitted, denied and unknown parts of what crossed here. */
  outcome: { permitted: FlowSpace; denied: FlowSpace; unknown: FlowSpace };
}

export interface FirewallTrace {
  firewall: string;
  crossings: TracedCrossing[];
}

const MAX_BOXES_SHOWN = 8;

/** A space as lines a person reads; ports and protocol first, as the matrix writes them. */
export function describeSpace(space: FlowSpace, ephemeral?: PortSet): string[] {
  const boxes = space.boxes();
  const lines = boxes.slice(0, MAX_BOXES_SHOWN).map((box) => {
    const protocols = box.protocols.toString();
    const ports = box.destinationPorts.toString();
    const sourcePorts = ephemeral && ephemeral.isSubsetOf(box.sourcePorts) ? '' : ` from port ${box.sourcePorts.toString()}`;
    return `${ports === '0-65535' ? '' : `${ports}/`}${protocols} from ${box.sources.toString()} to ${box.destinations.toString()}${sourcePorts}`;
  });
  if (boxes.length > MAX_BOXES_SHOWN) lines.push(`and ${boxes.length - MAX_BOXES_SHOWN} more parts`);
  return lines;
}

function tracedCrossing(ingress: string | undefined, egress: string | undefined, outcome: Outcome, ephemeral: PortSet | undefined): TracedCrossing {
  return {
    ...(ingress !== undefined && { ingress }),
    ...(egress !== undefined && { egress }),
    decisions: outcome.decisions.map((decision) => ({
      action: decision.action,
      kind: decision.decider.kind,
      rule: referenceOf(decision.decider),
      packets: describeSpace(decision.space, ephemeral),
    })),
    inactive: outcome.inactiveMatches.map(({ rule, space }) => ({ rule: referenceOf({ kind: 'rule', rule }), packets: describeSpace(space, ephemeral) })),
    unknown: [...new Set(outcome.unknownReasons)],
    outcome: { permitted: outcome.permitted, denied: outcome.denied, unknown: outcome.unknown },
  };
}

/**
 * How each firewall decides a packet space, crossing by crossing (one per pair of interfaces
 * or zones the space enters and leaves by), each part with the rule or built-in behaviour
 * that decided it, in evaluation order. Firewalls the space does not cross are left out.
 */
export function traceSpace(space: FlowSpace, firewalls: readonly AuditedFirewall[], ephemeral?: PortSet): FirewallTrace[] {
  return firewalls.flatMap((audited) => {
    const crossings = crossingsOf(audited, space);
    if (crossings.length === 0) return [];
    return [{ firewall: audited.entry.name, crossings: crossings.map(({ ingress, egress, outcome }) => tracedCrossing(ingress, egress, outcome, ephemeral)) }];
  });
}

export type RowTrace = { row: number; applicable: false; reason: string } | { row: number; applicable: true; firewalls: FirewallTrace[] };

/** The decisions behind one matrix row's verdict at this site. */
export function traceRow(row: MatrixRow, site: Site, firewalls: readonly AuditedFirewall[]): RowTrace {
  const required = requiredFlowOf(row, site);
  if (!required.applicable) return { row: row.row, applicable: false, reason: required.reason };
  return { row: row.row, applicable: true, firewalls: traceSpace(required.space, firewalls, site.ephemeralPorts) };
}

/** Whole-firewall sums of a trace's crossings. */
export function outcomeOfTrace(trace: FirewallTrace): { permitted: FlowSpace; denied: FlowSpace; unknown: FlowSpace } {
  return trace.crossings.reduce(
    (sum, crossing) => ({
      permitted: sum.permitted.union(crossing.outcome.permitted),
      denied: sum.denied.union(crossing.outcome.denied),
      unknown: sum.unknown.union(crossing.outcome.unknown),
    }),
    { permitted: FlowSpace.empty(), denied: FlowSpace.empty(), unknown: FlowSpace.empty() },
  );
}
