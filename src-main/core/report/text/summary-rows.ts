import type { FlowStatus, Severity } from '../../engine/audit-result';
import type { FindingEntry, ReportModel } from '../model/report-model';
import { diagnosticCounts } from './report-phrases';

const WORST_LISTED = 15;
/** A summary names a few findings per severity; the sections after it list them all. */
const NAMED_PER_SEVERITY = 12;

export interface CountRow<K> {
  key: K;
  count: number;
  /** Which rows or findings, "–" for none. */
  which: string;
}

/** "Matrix rows by status": each status, how many rows, and their numbers. */
export function statusCounts(model: ReportModel): CountRow<FlowStatus>[] {
  return model.summary.flows.map(({ status, count }) => ({ key: status, count, which: model.coverage.filter((row) => row.status === status).map((row) => row.row).join(', ') || '–' }));
}

/** "Findings by severity": each severity, how many findings, and the first of them by id and kind. */
export function severityCounts(model: ReportModel): CountRow<Severity>[] {
  return model.summary.findings.map(({ severity, count }) => ({
    key: severity,
    count,
    which: listed(model.findings.filter((finding) => finding.severity === severity).map((finding) => `${finding.id} ${finding.kind}`)),
  }));
}

export const FIREWALL_COLUMNS = ['Firewall', 'Vendor', 'Rules', 'Topology from', 'Diagnostics'] as const;

/** "Firewalls audited": one line per source, in the columns above. */
export function firewallRows(model: ReportModel): string[][] {
  return model.evidence.sources.map((source) => [source.name, source.vendor, String(source.rules), source.topology, diagnosticCounts(source)]);
}

/** The critical and high findings the summary names, and the sentence for those it leaves to the sections after. */
export function worstFindings(model: ReportModel): { listed: FindingEntry[]; more?: string } {
  const worst = model.findings.filter((finding) => finding.severity === 'critical' || finding.severity === 'high');
  return {
    listed: worst.slice(0, WORST_LISTED),
    ...(worst.length > WORST_LISTED && { more: `… and ${worst.length - WORST_LISTED} more; every finding is listed in the sections that follow.` }),
  };
}

function listed(items: readonly string[]): string {
  if (items.length === 0) return '–';
  const named = items.slice(0, NAMED_PER_SEVERITY).join(', ');
  return items.length > NAMED_PER_SEVERITY ? `${named} and ${items.length - NAMED_PER_SEVERITY} more` : named;
}
