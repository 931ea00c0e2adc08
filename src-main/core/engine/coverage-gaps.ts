import type { Rule } from '../model/index';
import type { ruleById } from '../model/index';
import type { Severity } from './audit-result';
import type { RowCoverage } from './coverage';
import { describePart, missingParts, referenceOf } from './describe';
import type { FindingDraft } from './finding-draft';
import { missingPermitText } from './remediation';
import type { Decision } from './verdict';

/**
 * One coverage-gap finding per partial or blocked row and firewall, naming exactly what is
 * missing and the rules to add, placed before the line that blocks them.
 */
export function coverageGapFindings(coverage: RowCoverage, ephemeralPorts: Parameters<typeof missingParts>[1]): FindingDraft[] {
  const { result } = coverage;
  if (result.status !== 'partial' && result.status !== 'blocked') return [];
  const severity: Severity = result.status === 'blocked' ? 'high' : 'medium';
  return coverage.verdicts
    .filter((verdict) => !verdict.outcome.denied.isEmpty())
    .map(({ audited, outcome, path }) => {
      const denials = outcome.decisions.filter((decision) => decision.action === 'deny');
      const first = denials[0]!;
      const parts = missingParts(outcome.denied, ephemeralPorts);
      const placement = placementFor(audited.firewall, first);
      const label = `WFOS-ROW${result.row}`;
      const permits = missingPermitText(audited.firewall.vendor, placement.list, placement.before, outcome.denied, label);
      const noListNote = placement.list ? '' : `\nNo access list applies where this traffic enters ${audited.entry.name}; applying one changes what else passes, so add it with the rules the interface needs.`;
      return {
        kind: 'coverage-gap',
        severity,
        firewall: audited.entry.name,
        rule: referenceOf(first.decider),
        rows: [result.row],
        title: `Row ${result.row} ${result.sourceRole} → ${result.destinationRole} (${result.ports}/${result.transport}) is ${result.status === 'blocked' ? 'blocked' : 'partly blocked'}`,
        detail: `Missing on ${path.firewall}: ${parts.map((part) => describePart(part, result.transport)).join('; ')}. Denied by ${[...new Set(denials.map((decision) => referenceOf(decision.decider).id))].join(', ')}.`,
        remediation: `${placement.before ? `Insert before ${placement.before.id}` : placement.list ? `Add to ${placement.list}` : 'Add'}:\n${permits}${noListNote}`,
      };
    });
}

/** Where new permits go: before the first rule that denies the flow, or at the end of its list. */
function placementFor(firewall: Parameters<typeof ruleById>[0], decision: Decision): { list?: string; before?: Rule } {
  if (decision.decider.kind === 'rule') return { list: decision.decider.rule.list, before: decision.decider.rule };
  const implicit = /^(.+)#implicit$/.exec(decision.decider.id);
  return implicit ? { list: implicit[1]! } : {};
}

