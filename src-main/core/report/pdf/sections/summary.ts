import type { ReportModel } from '../../model/report-model';
import { STYLES, type ReportCanvas } from '../canvas';
import { FAIL_COLOUR, PASS_COLOUR, SEVERITY_TINTS, STATUS_TINTS } from '../palette';
import { cell, drawTable } from '../table';

const WORST_LISTED = 15;
/** A summary names a few findings per severity; the sections after it list them all. */
const NAMED_PER_SEVERITY = 12;

/** One page a manager reads: the verdict against its criterion, the counts, the worst findings. */
export function drawSummary(canvas: ReportCanvas, model: ReportModel): void {
  const { verdict, summary } = model;
  canvas.heading('Executive summary', 1);
  canvas.paragraph(verdict.statement, { ...STYLES.bold, size: 11, color: verdict.passed ? PASS_COLOUR : FAIL_COLOUR }, 0, 4);
  canvas.paragraph(`Criterion: ${verdict.criterion}`, STYLES.body);
  for (const reason of verdict.reasons) canvas.paragraph(`•  ${reason}`, STYLES.body, 10, 2);
  canvas.space(8);

  countTable(
    canvas,
    'Matrix rows by status',
    ['Status', 'Rows'],
    summary.flows.map(({ status, count }) => ({ label: status, tint: STATUS_TINTS[status], count, which: model.coverage.filter((row) => row.status === status).map((row) => row.row).join(', ') || '–' })),
  );
  countTable(
    canvas,
    'Findings by severity',
    ['Severity', 'Findings'],
    summary.findings.map(({ severity, count }) => ({
      label: severity,
      tint: SEVERITY_TINTS[severity],
      count,
      which: listed(model.findings.filter((finding) => finding.severity === severity).map((finding) => `${finding.id} ${finding.kind}`)),
    })),
  );

  canvas.heading('Firewalls audited', 3);
  drawTable(
    canvas,
    [{ header: 'Firewall', share: 1.5 }, { header: 'Vendor', share: 1.5 }, { header: 'Rules', share: 0.6 }, { header: 'Topology from', share: 1.2 }, { header: 'Diagnostics', share: 1.5 }],
    model.evidence.sources.map((source) => [
      source.name,
      source.vendor,
      String(source.rules),
      source.topology,
      source.diagnostics.map((item) => `${item.count} ${item.severity}`).join(', ') || 'none',
    ]),
  );

  const worst = model.findings.filter((finding) => finding.severity === 'critical' || finding.severity === 'high');
  if (worst.length > 0) {
    canvas.heading('Critical and high findings', 3);
    drawTable(
      canvas,
      [{ header: 'ID', share: 0.8 }, { header: 'Severity', share: 0.9 }, { header: 'Firewall', share: 1.3 }, { header: 'Finding', share: 5 }],
      worst.slice(0, WORST_LISTED).map((finding) => [finding.id, cell(finding.severity, STYLES.smallBold, SEVERITY_TINTS[finding.severity]), finding.firewall, finding.title]),
    );
    if (worst.length > WORST_LISTED) canvas.paragraph(`… and ${worst.length - WORST_LISTED} more; every finding is listed in the sections that follow.`, STYLES.small);
  }
}

/** A count per category and which items they are, the category cell tinted as elsewhere in the report. */
function countTable(canvas: ReportCanvas, title: string, headers: [string, string], rows: { label: string; tint: string; count: number; which: string }[]): void {
  canvas.heading(title, 3);
  drawTable(
    canvas,
    [{ header: headers[0], share: 1.2 }, { header: headers[1], share: 0.6 }, { header: 'Which', share: 5 }],
    rows.map((row) => [cell(row.label, STYLES.smallBold, row.tint), String(row.count), row.which]),
  );
}

function listed(items: readonly string[]): string {
  if (items.length === 0) return '–';
  const named = items.slice(0, NAMED_PER_SEVERITY).join(', ');
  return items.length > NAMED_PER_SEVERITY ? `${named} and ${items.length - NAMED_PER_SEVERITY} more` : named;
}
