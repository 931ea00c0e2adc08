import type { AuditResult, Finding, FlowResult, FlowStatus } from '../engine/audit-result';

export type RowChangeKind = 'fixed' | 'newly-broken' | 'still-open' | 'unchanged';

export interface RowChange {
  row: number;
  sourceRole: string;
  destinationRole: string;
  transport: string;
  ports: string;
  /** Absent when the row was not in that audit (another matrix). */
  before?: FlowStatus;
  after?: FlowStatus;
  change: RowChangeKind;
}

export interface FindingChanges {
  fixed: Finding[];
  new: Finding[];
  /** Each pair: the finding in the previous audit and the same finding now (its number may differ). */
  stillOpen: { previous: Finding; current: Finding }[];
}

export interface AuditComparison {
  previous: { generatedAt: string; matrix: string };
  current: { generatedAt: string; matrix: string };
  rows: RowChange[];
  counts: Record<RowChangeKind, number>;
  findings: FindingChanges;
}

/** A row needs work when part of the flow does not pass, or nobody can tell whether it does. */
const OPEN: ReadonlySet<FlowStatus> = new Set(['blocked', 'partial', 'unknown']);

function rowChange(before: FlowStatus | undefined, after: FlowStatus | undefined): RowChangeKind {
  const wasOpen = before !== undefined && OPEN.has(before);
  const isOpen = after !== undefined && OPEN.has(after);
  if (wasOpen && isOpen) return 'still-open';
  if (wasOpen && after === 'allowed') return 'fixed';
  if (!wasOpen && isOpen) return 'newly-broken';
  return 'unchanged';
}

/**
 * What changed between two audits of a site: each matrix row's status (matched by row number)
 * and the findings (matched by what they are about, not by their F-numbers, which shift
 * whenever anything is added or fixed).
 */
export function compareAudits(previous: AuditResult, current: AuditResult): AuditComparison {
  const before = new Map(previous.flows.map((flow) => [flow.row, flow]));
  const after = new Map(current.flows.map((flow) => [flow.row, flow]));
  const numbers = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
  const rows = numbers.map((row): RowChange => {
    const old = before.get(row);
    const now = after.get(row);
    const flow = (now ?? old) as FlowResult;
    return {
      row,
      sourceRole: flow.sourceRole,
      destinationRole: flow.destinationRole,
      transport: flow.transport,
      ports: flow.ports,
      ...(old && { before: old.status }),
      ...(now && { after: now.status }),
      change: rowChange(old?.status, now?.status),
    };
  });
  const counts: Record<RowChangeKind, number> = { fixed: 0, 'newly-broken': 0, 'still-open': 0, unchanged: 0 };
  for (const row of rows) counts[row.change] += 1;
  return {
    previous: { generatedAt: previous.generatedAt, matrix: previous.matrix.id },
    current: { generatedAt: current.generatedAt, matrix: current.matrix.id },
    rows,
    counts,
    findings: compareFindings(previous.findings, current.findings),
  };
}

/**
 * The identity of a finding across audits: its kind, firewall and the rule as written (the
 * rule's id where it has no text). A coverage gap is about its row; the deny that causes it
 * is often the same for many rows.
 */
export function findingKey(finding: Finding): string {
  const rule = finding.rule ? finding.rule.text.trim().replace(/\s+/g, ' ') || finding.rule.id : '';
  const rows = finding.kind === 'coverage-gap' ? (finding.rows ?? []).join(',') : '';
  return [finding.kind, finding.firewall, rule, rows, rule || rows ? '' : finding.title].join('\u0000');
}

function compareFindings(previous: readonly Finding[], current: readonly Finding[]): FindingChanges {
  const waiting = new Map<string, Finding[]>();
  for (const finding of previous) {
    const key = findingKey(finding);
    waiting.set(key, [...(waiting.get(key) ?? []), finding]);
  }
  const changes: FindingChanges = { fixed: [], new: [], stillOpen: [] };
  for (const finding of current) {
    // Identical lines (a duplicated ACE) give equal keys: pair them off one by one.
    const match = waiting.get(findingKey(finding))?.shift();
    if (match) changes.stillOpen.push({ previous: match, current: finding });
    else changes.new.push(finding);
  }
  changes.fixed = [...waiting.values()].flat().sort((a, b) => a.id.localeCompare(b.id));
  return changes;
}
