import type { ReportModel } from '../../model/report-model';
import { FAIL_COLOUR, PASS_COLOUR, SEVERITY_TINTS, STATUS_TINTS } from '../../palette';
import { SECTION_TITLES, SUMMARY_TITLES } from '../../text/section-texts';
import { FIREWALL_COLUMNS, firewallRows, severityCounts, statusCounts, worstFindings, type CountRow } from '../../text/summary-rows';
import { STYLES, type ReportCanvas } from '../canvas';
import { cell, drawTable } from '../table';

const FIREWALL_SHARES = [1.5, 1.5, 0.6, 1.2, 1.5];

/** One page a manager reads: the verdict against its criterion, the counts, the worst findings. */
export function drawSummary(canvas: ReportCanvas, model: ReportModel): void {
  const { verdict } = model;
  canvas.heading(SECTION_TITLES.summary, 1);
  canvas.paragraph(verdict.statement, { ...STYLES.bold, size: 11, color: verdict.passed ? PASS_COLOUR : FAIL_COLOUR }, 0, 4);
  canvas.paragraph(`Criterion: ${verdict.criterion}`, STYLES.body);
  for (const reason of verdict.reasons) canvas.paragraph(`•  ${reason}`, STYLES.body, 10, 2);
  canvas.space(8);

  countTable(canvas, SUMMARY_TITLES.rowsByStatus, ['Status', 'Rows'], statusCounts(model), STATUS_TINTS);
  countTable(canvas, SUMMARY_TITLES.findingsBySeverity, ['Severity', 'Findings'], severityCounts(model), SEVERITY_TINTS);

  canvas.heading(SUMMARY_TITLES.firewalls, 3);
  drawTable(
    canvas,
    FIREWALL_COLUMNS.map((header, index) => ({ header, share: FIREWALL_SHARES[index]! })),
    firewallRows(model),
  );

  const worst = worstFindings(model);
  if (worst.listed.length > 0) {
    canvas.heading(SUMMARY_TITLES.worst, 3);
    drawTable(
      canvas,
      [{ header: 'ID', share: 0.8 }, { header: 'Severity', share: 0.9 }, { header: 'Firewall', share: 1.3 }, { header: 'Finding', share: 5 }],
      worst.listed.map((finding) => [finding.id, cell(finding.severity, STYLES.smallBold, SEVERITY_TINTS[finding.severity]), finding.firewall, finding.title]),
    );
    if (worst.more) canvas.paragraph(worst.more, STYLES.small);
  }
}

/** A count per category and which items they are, the category cell tinted as elsewhere in the report. */
function countTable<K extends string>(canvas: ReportCanvas, title: string, headers: [string, string], rows: readonly CountRow<K>[], tints: Record<K, string>): void {
  canvas.heading(title, 3);
  drawTable(
    canvas,
    [{ header: headers[0], share: 1.2 }, { header: headers[1], share: 0.6 }, { header: 'Which', share: 5 }],
    rows.map((row) => [cell(row.key, STYLES.smallBold, tints[row.key]), String(row.count), row.which]),
  );
}
