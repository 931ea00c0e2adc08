import type { AuditResult, Finding, FlowResult, FlowStatus, Severity } from '../../src-main/core/engine/audit-result';

export const STATUS_ORDER: readonly FlowStatus[] = ['blocked', 'partial', 'unknown', 'allowed', 'not-applicable'];
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export const STATUS_LABEL: Record<FlowStatus, string> = {
  allowed: 'Allowed',
  partial: 'Partial',
  blocked: 'Blocked',
  unknown: 'Unknown',
  'not-applicable': 'Not deployed',
};

/** Rows that need attention first, then by row number: how an engineer works through them. */
export function flowsByUrgency(flows: readonly FlowResult[], statuses: ReadonlySet<FlowStatus>): FlowResult[] {
  return flows
    .filter((flow) => statuses.size === 0 || statuses.has(flow.status))
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.row - b.row);
}

export function findingsBySeverity(findings: readonly Finding[], severities: ReadonlySet<Severity>, text: string): Finding[] {
  const needle = text.trim().toLowerCase();
  return findings.filter(
    (finding) =>
      (severities.size === 0 || severities.has(finding.severity)) &&
      (!needle || [finding.title, finding.kind, finding.detail, finding.rule?.text ?? '', finding.firewall].some((cell) => cell.toLowerCase().includes(needle))),
  );
}

/** A row's findings: its coverage gap and the rules that serve it too broadly. */
export function findingsForRow(result: AuditResult, row: number): Finding[] {
  return result.findings.filter((finding) => finding.rows?.includes(row));
}

/** "line 128" or "Policies row 14". */
export function whereText(reference: { line?: number; sheet?: string; row?: number }): string {
  if (reference.line !== undefined) return `line ${reference.line}`;
  if (reference.sheet !== undefined) return `${reference.sheet} row ${reference.row}`;
  return 'built-in';
}
