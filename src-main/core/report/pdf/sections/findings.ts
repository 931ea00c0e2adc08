import type { FindingEntry, ReportModel } from '../../model/report-model';
import { citation } from '../../model/rule-line';
import { SEVERITY_TINTS } from '../../palette';
import { findingHeading, findingTag, gapFindingLine, gapHeading, gapStatement } from '../../text/report-phrases';
import { SECTION_EMPTY, SECTION_INTROS, SECTION_TITLES } from '../../text/section-texts';
import { hygieneBlocks } from '../../text/text-blocks';
import { STYLES, type ReportCanvas } from '../canvas';
import { blocksCell, cell, drawTable } from '../table';

/** Partial and blocked rows: exactly what does not get through, where, and what to add. */
export function drawGaps(canvas: ReportCanvas, model: ReportModel): void {
  canvas.section(SECTION_TITLES.gaps, SECTION_INTROS.gaps, model.gaps.length === 0 ? SECTION_EMPTY.gaps : undefined);
  for (const gap of model.gaps) {
    canvas.heading(gapHeading(gap), 2, 80);
    canvas.paragraph(gapStatement(gap));
    for (const { firewall, parts } of gap.missing) {
      canvas.paragraph(`Missing on ${firewall}:`, STYLES.bold, 0, 1);
      for (const part of parts) canvas.paragraph(`•  ${part}`, STYLES.body, 10, 1);
      canvas.space(3);
    }
    for (const finding of gap.findings) {
      canvas.paragraph(gapFindingLine(finding), STYLES.small);
      if (finding.rule) {
        canvas.paragraph(`Denied by ${citation(finding.rule)}:`, STYLES.muted, 0, 1);
        canvas.code(finding.rule.text);
      }
      canvas.remediation(finding.remediation);
    }
  }
}

/** Rules that open more than the matrix needs: the excess, quantified, and the tightened rule. */
export function drawOverPermissive(canvas: ReportCanvas, model: ReportModel): void {
  canvas.section(SECTION_TITLES.overPermissive, SECTION_INTROS.overPermissive, model.overPermissive.length === 0 ? SECTION_EMPTY.overPermissive : undefined);
  for (const finding of model.overPermissive) {
    drawFindingHeading(canvas, finding);
    if (finding.rule) {
      canvas.paragraph(`${citation(finding.rule)}:`, STYLES.muted, 0, 1);
      canvas.code(finding.rule.text);
    }
    canvas.paragraph(finding.detail, STYLES.small);
    canvas.remediation(finding.remediation);
  }
}

/** Shadowed, redundant, disabled and unused: one table, the rule quoted in each row. */
export function drawHygiene(canvas: ReportCanvas, model: ReportModel): void {
  canvas.section(SECTION_TITLES.hygiene, SECTION_INTROS.hygiene, model.hygiene.length === 0 ? SECTION_EMPTY.hygiene : undefined);
  if (model.hygiene.length === 0) return;
  drawTable(
    canvas,
    [{ header: 'ID', share: 0.7 }, { header: 'Severity', share: 0.75 }, { header: 'Kind', share: 0.95 }, { header: 'Finding, rule and remediation', share: 5 }],
    model.hygiene.map((finding) => [
      cell(finding.id, STYLES.smallBold),
      cell(finding.severity, STYLES.smallBold, SEVERITY_TINTS[finding.severity]),
      cell(finding.kind),
      blocksCell(hygieneBlocks(finding)),
    ]),
  );
}

function drawFindingHeading(canvas: ReportCanvas, finding: FindingEntry): void {
  canvas.heading(findingHeading(finding), 2, 70);
  const lines = canvas.type.lines(findingTag(finding), STYLES.smallBold, canvas.width - 8);
  const height = lines.length * canvas.type.lineHeight(STYLES.smallBold) + 3;
  canvas.ensure(height);
  canvas.doc.rect(canvas.left, canvas.y - 1, canvas.width, height).fill(SEVERITY_TINTS[finding.severity]);
  canvas.drawLines(lines, STYLES.smallBold, canvas.left + 4);
  canvas.space(5);
}
