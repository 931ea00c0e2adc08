import type { AuditResult, FlowStatus, Severity } from '../../engine/audit-result';
import type { ReportVerdict } from './report-model';

const FAILING_STATUSES: readonly FlowStatus[] = ['partial', 'blocked', 'unknown'];
const FAILING_SEVERITIES: readonly Severity[] = ['critical', 'high'];

/**
 * The criterion is written out in the report so that a reader can apply it themselves. An
 * `unknown` row fails it too: the audit could not show that the flow passes, and a sign-off
 * must not rest on a row nobody could decide.
 */
export const PASS_CRITERION =
  'The firewalls pass when no matrix row is partial, blocked or unknown, and no finding is critical or high.';

export function verdictOf(audit: AuditResult): ReportVerdict {
  const reasons: string[] = [];
  for (const status of FAILING_STATUSES) {
    const rows = audit.flows.filter((flow) => flow.status === status).map((flow) => flow.row);
    if (rows.length > 0) reasons.push(`${plural(rows.length, 'matrix row')} ${status} (${named(rows.map((row) => `row ${row}`))})`);
  }
  for (const severity of FAILING_SEVERITIES) {
    const ids = audit.findings.filter((finding) => finding.severity === severity).map((finding) => finding.id);
    if (ids.length > 0) reasons.push(`${plural(ids.length, `${severity} finding`)} (${named(ids)})`);
  }
  const passed = reasons.length === 0;
  return {
    passed,
    criterion: PASS_CRITERION,
    statement: passed
      ? `PASS: the audited firewalls let every required WFOS flow through and no critical or high finding remains.`
      : `FAIL: the audited firewalls do not meet the criterion.`,
    reasons,
  };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first few by name; a reason is a sentence, the sections that follow list them all. */
function named(items: readonly string[], limit = 10): string {
  return items.length > limit ? `${items.slice(0, limit).join(', ')} and ${items.length - limit} more` : items.join(', ');
}
