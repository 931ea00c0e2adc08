import type { AuditResult, Finding } from '../../engine/audit-result';
import { COVERAGE_GAP_KIND } from './finding-groups';
import type { FirewallRemediation, RemediationStep } from './report-model';
import { listOf, ruleLineOf } from './rule-line';

/**
 * One change plan per firewall, built from the engine's remediation text as it is.
 *
 * Order matters because the ASA's `access-list NAME line N` numbers shift as lines are added
 * or removed: within each list the steps run from the bottom of the list up, so every step's
 * line number is still right when it is entered. Steps without a list (unused objects) come
 * last, when no rule refers to them any more.
 */
export function remediationPlan(audit: AuditResult, vendorNames: Readonly<Record<string, string>>): FirewallRemediation[] {
  return audit.sources
    .map((source) => {
      const findings = audit.findings.filter((finding) => finding.firewall === source.name && finding.remediation.trim() !== '');
      return {
        firewall: source.name,
        vendor: source.vendor,
        syntax: vendorNames[source.vendor] ?? source.vendor,
        steps: orderForEntry(findings).map((finding) => stepOf(finding, findings)),
      };
    })
    .filter((plan) => plan.steps.length > 0);
}

function orderForEntry(findings: readonly Finding[]): Finding[] {
  const position = (finding: Finding) => finding.rule?.line ?? finding.rule?.row ?? 0;
  // Lists in the order the configuration writes them: where each one's first cited rule is.
  const listStart = new Map<string, number>();
  for (const finding of findings) {
    const list = listOf(finding.rule);
    if (list !== undefined) listStart.set(list, Math.min(listStart.get(list) ?? Infinity, position(finding)));
  }
  const listRank = (finding: Finding) => {
    const list = listOf(finding.rule);
    return list === undefined ? Infinity : listStart.get(list)!;
  };
  return [...findings].sort((a, b) => compare(listRank(a), listRank(b)) || (listOf(a.rule) ?? '').localeCompare(listOf(b.rule) ?? '') || position(b) - position(a) || a.id.localeCompare(b.id));
}

/** Numbers that may be Infinity: subtraction would give NaN for two of them. */
function compare(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function stepOf(finding: Finding, all: readonly Finding[]): RemediationStep {
  const list = listOf(finding.rule);
  return {
    findingId: finding.id,
    kind: finding.kind,
    severity: finding.severity,
    title: finding.title,
    ...(list !== undefined && { list }),
    ...(finding.rule && { rule: ruleLineOf(finding.rule) }),
    text: finding.remediation,
    conflictsWith: changesRule(finding) ? all.filter((other) => other !== finding && changesRule(other) && other.rule?.id === finding.rule?.id).map((other) => other.id) : [],
  };
}

/** A coverage gap adds rules before its rule without touching it; every other step changes its rule. */
function changesRule(finding: Finding): boolean {
  return finding.kind !== COVERAGE_GAP_KIND && finding.rule !== undefined;
}
