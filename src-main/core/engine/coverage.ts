import { formatPortEntries } from '../matrix/ports';
import type { MatrixRow } from '../matrix/schema';
import { placeInFile } from '../model/index';
import { FlowSpace } from '../net/index';
import type { Site } from '../site/index';
import type { FlowPath, FlowResult, FlowStatus, RuleReference } from './audit-result';
import { describePart, missingParts, referenceOf, unique, whereOf } from './describe';
import { crossingsOf, type AuditedFirewall, type Crossing } from './firewall-path';
import type { RequiredFlow } from './required-flow';
import type { Outcome } from './verdict';

/**
 * What passes at every hour decides `allowed`; a flow that passes only at some hours (a permit
 * on a recurring time-range) is not blocked either: it is `partial`, its gap the other hours.
 */
function statusOf(total: FlowSpace, permitted: FlowSpace, unknown: FlowSpace, passesSometimes = false): Exclude<FlowStatus, 'not-applicable'> {
  if (!unknown.isEmpty()) return 'unknown';
  if (permitted.isEmpty()) return passesSometimes ? 'partial' : 'blocked';
  return total.isSubsetOf(permitted) ? 'allowed' : 'partial';
}

const passesSometimes = (outcome: Outcome): boolean => (outcome.partTimePermits?.length ?? 0) > 0;

export interface FirewallVerdict {
  path: FlowPath;
  outcome: Outcome;
  audited: AuditedFirewall;
  /** Each interface pair's own outcome: a remediation needs the interface a denial happened at. */
  crossings: Crossing[];
}

/** A row's verdict and the exact sets behind it, for the findings built on it. */
export interface RowCoverage {
  result: FlowResult;
  verdicts: FirewallVerdict[];
}

/** Merges a firewall's crossings (one per interface pair) into one path entry. */
function verdictAt(audited: AuditedFirewall, space: FlowSpace, site: Site): FirewallVerdict | undefined {
  const crossings = crossingsOf(audited, space);
  if (crossings.length === 0) return undefined;
  const outcome: Outcome = {
    permitted: FlowSpace.empty(), denied: FlowSpace.empty(), unknown: FlowSpace.empty(), decisions: [], unknownReasons: [], inactiveMatches: [],
  };
  for (const { outcome: part } of crossings) {
    outcome.permitted = outcome.permitted.union(part.permitted);
    outcome.denied = outcome.denied.union(part.denied);
    outcome.unknown = outcome.unknown.union(part.unknown);
    outcome.decisions.push(...part.decisions);
    outcome.unknownReasons.push(...part.unknownReasons);
    outcome.inactiveMatches.push(...part.inactiveMatches);
    if (part.partTimePermits) (outcome.partTimePermits ??= []).push(...part.partTimePermits);
  }
  const crossed = outcome.permitted.union(outcome.denied).union(outcome.unknown);
  const refs = (action: 'permit' | 'deny'): RuleReference[] =>
    unique(outcome.decisions.filter((decision) => decision.action === action).map((decision) => referenceOf(decision.decider)), (ref) => ref.id);
  const interfaces = (pick: 'ingress' | 'egress') => [...new Set(crossings.map((crossing) => crossing[pick]).filter((name): name is string => name !== undefined))].join(', ');
  const path: FlowPath = {
    firewall: audited.entry.name,
    status: statusOf(crossed, outcome.permitted, outcome.unknown, passesSometimes(outcome)),
    ...(interfaces('ingress') && { ingress: interfaces('ingress') }),
    ...(interfaces('egress') && { egress: interfaces('egress') }),
    permittedBy: refs('permit'),
    deniedBy: refs('deny'),
    missing: missingParts(outcome.denied, site.ephemeralPorts),
    ...(outcome.unknownReasons.length > 0 && { unknown: [...new Set(outcome.unknownReasons)] }),
  };
  return { path, outcome, audited, crossings };
}

/** The verdict for one matrix row across every audited firewall it crosses. */
export function coverageOfRow(required: RequiredFlow, site: Site, firewalls: readonly AuditedFirewall[]): RowCoverage {
  const row = required.row;
  const base = {
    row: row.row, source: row.source, destination: row.destination, sourceRole: row.sourceRole, destinationRole: row.destinationRole,
    transport: row.transport, ports: formatPortEntries(row.ports),
  };
  if (!required.applicable) return { result: { ...base, status: 'not-applicable', reason: required.reason, paths: [] }, verdicts: [] };

  const verdicts = firewalls.map((audited) => verdictAt(audited, required.space, site)).filter((verdict): verdict is FirewallVerdict => verdict !== undefined);
  if (verdicts.length === 0) return { result: { ...base, status: 'allowed', reason: 'crosses no audited firewall', paths: [] }, verdicts };

  const denied = verdicts.reduce((space, verdict) => space.union(verdict.outcome.denied), FlowSpace.empty());
  const unknown = verdicts.reduce((space, verdict) => space.union(verdict.outcome.unknown), FlowSpace.empty()).subtract(denied);
  const permitted = required.space.subtract(denied).subtract(unknown);
  const status = statusOf(required.space, permitted, unknown, verdicts.some((verdict) => passesSometimes(verdict.outcome)));
  return { result: { ...base, status, reason: reasonFor(status, verdicts, row), paths: verdicts.map((verdict) => verdict.path) }, verdicts };
}

function reasonFor(status: FlowStatus, verdicts: FirewallVerdict[], row: MatrixRow): string {
  if (status === 'allowed') {
    return verdicts
      .map(({ path }) => `permitted by ${path.firewall} ${path.permittedBy.map((ref) => `${ref.id}${whereOf(ref) ? ` (${whereOf(ref)})` : ''}`).join(', ')}`)
      .join('; ');
  }
  if (status === 'unknown') {
    const reasons = verdicts.flatMap(({ path }) => (path.unknown ?? []).map((reason) => `${path.firewall} ${reason}`));
    return `depends on what could not be resolved: ${reasons.slice(0, 3).join('; ')}`;
  }
  const sentences: string[] = [];
  for (const { path, outcome } of verdicts) {
    if (path.missing.length === 0) continue;
    const first = path.missing[0]!;
    const inactive = outcome.inactiveMatches.find(({ rule }) => rule.action === 'permit' && !outcome.denied.intersect(inactiveSpace(outcome, rule.id)).isEmpty());
    const deniers = path.deniedBy.map((ref) => ref.note ?? (!whereOf(ref) ? ref.text : `${ref.id} (${whereOf(ref)})`));
    const more = path.missing.length > 1 ? ` (and ${path.missing.length - 1} more part${path.missing.length > 2 ? 's' : ''})` : '';
    const partTime = outcome.partTimePermits?.[0];
    const cause = inactive
      ? `is only permitted by an inactive line (${inactive.rule.id}, ${placeInFile(inactive.rule.ref)})`
      : partTime
        ? `is only permitted ${partTime.when} (${partTime.rule.id}, ${placeInFile(partTime.rule.ref)}); at other times it is denied by ${deniers.join(', ')}`
        : `is denied by ${deniers.join(', ')}`;
    sentences.push(`${describePart(first, row.transport)}${more} ${cause} on ${path.firewall}`);
  }
  return sentences.join('; ');
}

function inactiveSpace(outcome: Outcome, ruleId: string): FlowSpace {
  return outcome.inactiveMatches.filter(({ rule }) => rule.id === ruleId).reduce((space, item) => space.union(item.space), FlowSpace.empty());
}
