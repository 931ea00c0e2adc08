import { placeInFile } from '../model/index';
import { FlowSpace, type PortSet } from '../net/index';
import type { FlowResult, Severity } from './audit-result';
import type { FirewallVerdict, RowCoverage } from './coverage';
import { citationOf, describePart, missingParts, referenceOf, unique } from './describe';
import type { FindingDraft } from './finding-draft';
import { gapRemediationSteps } from './gap-remediation';
import { deciderId } from './verdict';

/**
 * One coverage-gap finding per row that is partial or blocked, or unknown with a part denied
 * for certain: the engineer fixes a row, not a firewall, so every firewall that denies part of
 * it is named in the one finding, each with its own remediation. The finding's firewall and
 * rule are the first on the path that denies anything.
 */
export function coverageGapFindings(coverage: RowCoverage, ephemeralPorts: PortSet): FindingDraft[] {
  const { result } = coverage;
  if (result.status !== 'partial' && result.status !== 'blocked' && result.status !== 'unknown') return [];
  const denying = coverage.verdicts.filter((verdict) => !verdict.outcome.denied.isEmpty());
  if (denying.length === 0) return [];

  const first = denying[0]!;
  const firstDenial = first.outcome.decisions.find((decision) => decision.action === 'deny')!;
  const several = denying.length > 1;
  const lead = several ? [`Denied on ${denying.length} firewalls on its path (${denying.map(nameOf).join(', ')}); each needs its own change.`] : [];
  const unknownTail = result.status === 'unknown' ? [unknownRest(coverage, ephemeralPorts)] : [];
  return [
    {
      kind: 'coverage-gap',
      severity: severityOf(result),
      firewall: nameOf(first),
      rule: referenceOf(firstDenial.decider),
      rows: [result.row],
      title: `Row ${result.row} ${result.sourceRole} → ${result.destinationRole} (${result.ports}/${result.transport}) ${statusPhrase(result)}`,
      detail: [...lead, ...denying.map((verdict) => missingOn(verdict, result.transport, ephemeralPorts)), ...unknownTail].join('\n'),
      remediation: denying.flatMap((verdict) => remediationFor(verdict, result.row, several)).join('\n\n'),
    },
  ];
}

const nameOf = (verdict: FirewallVerdict): string => verdict.audited.entry.name;

function severityOf(result: FlowResult): Severity {
  return result.status === 'blocked' ? 'high' : 'medium';
}

function statusPhrase(result: FlowResult): string {
  if (result.status === 'blocked') return 'is blocked';
  if (result.status === 'partial') return 'is partly blocked';
  return 'is unknown; part of it is blocked for certain';
}

/** "Missing on fw: 80/tcp from … Denied by agents_in#implicit (…)." and any inactive line that would have let it through. */
function missingOn(verdict: FirewallVerdict, transport: string, ephemeralPorts: PortSet): string {
  const { outcome, audited } = verdict;
  const parts = missingParts(outcome.denied, ephemeralPorts).map((part) => describePart(part, transport));
  const deniers = unique(
    outcome.decisions.filter((decision) => decision.action === 'deny').map((decision) => decision.decider),
    deciderId,
  );
  const inactive = unique(
    outcome.inactiveMatches.filter(({ rule, space }) => rule.action === 'permit' && !space.intersect(outcome.denied).isEmpty()).map(({ rule }) => rule),
    (rule) => rule.id,
  ).map((rule) => `${rule.id} (${placeInFile(rule.ref)}) would permit part of it but ${audited.outOfTime.has(rule.id) ? 'is outside its time-range on the audit date' : 'is inactive'}.`);
  const partTime = unique(outcome.partTimePermits ?? [], ({ rule }) => rule.id).map(
    ({ rule, when }) => `${rule.id} (${placeInFile(rule.ref)}) permits part of it only ${when}, and WFOS traffic runs around the clock.`,
  );
  return [`Missing on ${nameOf(verdict)}: ${parts.join('; ')}.`, `Denied by ${deniers.map(citationOf).join(', ')}.`, ...inactive, ...partTime].join(' ');
}

/** For a row left unknown: what of it is not denied for certain, and what could not be resolved. */
function unknownRest(coverage: RowCoverage, ephemeralPorts: PortSet): string {
  const union = (pick: (verdict: FirewallVerdict) => FlowSpace) => coverage.verdicts.reduce((space, verdict) => space.union(pick(verdict)), FlowSpace.empty());
  const unknown = union((verdict) => verdict.outcome.unknown).subtract(union((verdict) => verdict.outcome.denied));
  const parts = missingParts(unknown, ephemeralPorts).map((part) => describePart(part, coverage.result.transport));
  const reasons = coverage.verdicts.flatMap(({ path }) => (path.unknown ?? []).map((reason) => `${path.firewall} ${reason}`));
  return `The rest is unknown: ${parts.join('; ')} depends on what could not be resolved: ${[...new Set(reasons)].join('; ')}.`;
}

function remediationFor(verdict: FirewallVerdict, row: number, several: boolean): string[] {
  return gapRemediationSteps(verdict, `WFOS-ROW${row}`).map(({ heading, body }) =>
    several ? `On ${nameOf(verdict)}, ${heading.charAt(0).toLowerCase()}${heading.slice(1)}:\n${body}` : `${heading}:\n${body}`,
  );
}
