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

export type FindingOrder = 'severity' | 'firewall' | 'kind' | 'line';

/** Findings in the order asked for; severity (most severe first) breaks every tie, then the F-number. */
export function sortFindings(findings: readonly Finding[], order: FindingOrder): Finding[] {
  const severity = (finding: Finding) => SEVERITY_ORDER.indexOf(finding.severity);
  const line = (finding: Finding) => finding.rule?.line ?? finding.rule?.row ?? Number.MAX_SAFE_INTEGER;
  const primary: Record<FindingOrder, (a: Finding, b: Finding) => number> = {
    severity: () => 0,
    firewall: (a, b) => a.firewall.localeCompare(b.firewall),
    kind: (a, b) => a.kind.localeCompare(b.kind),
    line: (a, b) => a.firewall.localeCompare(b.firewall) || line(a) - line(b),
  };
  return [...findings].sort((a, b) => primary[order](a, b) || severity(a) - severity(b) || a.id.localeCompare(b.id));
}

export interface FlowGroup {
  component: string;
  flows: FlowResult[];
}

/**
 * The rows under the WFOS component they concern (the port matrix's grouping), each group in
 * order of urgency; groups keep the matrix's component order.
 */
export function flowsByComponent(flows: readonly FlowResult[], groups: readonly { component: string; rows: readonly { row: number }[] }[]): FlowGroup[] {
  const byRow = new Map(flows.map((flow) => [flow.row, flow]));
  return groups
    .map((group) => ({ component: group.component, flows: flowsByUrgency(group.rows.flatMap((row) => byRow.get(row.row) ?? []), new Set()) }))
    .filter((group) => group.flows.length > 0);
}
