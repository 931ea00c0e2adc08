import type { FirewallRemediation, ReportModel } from '../../model/report-model';
import { MUTED, SEVERITY_TINTS } from '../../palette';
import { remediationPlanHeading, stepNotes, stepsByList, stepTitle } from '../../text/report-phrases';
import { SECTION_EMPTY, SECTION_INTROS, SECTION_TITLES } from '../../text/section-texts';
import { STYLES, type ReportCanvas } from '../canvas';

/** The change plan per firewall, in the firewall's own syntax, in an order that can be applied. */
export function drawRemediation(canvas: ReportCanvas, model: ReportModel): void {
  canvas.section(SECTION_TITLES.remediation, SECTION_INTROS.remediation, model.remediation.length === 0 ? SECTION_EMPTY.remediation : undefined);
  for (const plan of model.remediation) drawPlan(canvas, plan);
}

function drawPlan(canvas: ReportCanvas, plan: FirewallRemediation): void {
  canvas.heading(remediationPlanHeading(plan), 2, 80);
  for (const group of stepsByList(plan.steps)) {
    canvas.heading(group.heading, 3, 50);
    for (const { step, index } of group.steps) {
      const lines = canvas.type.lines(stepTitle(step, index), STYLES.smallBold, canvas.width - 8);
      const height = lines.length * canvas.type.lineHeight(STYLES.smallBold) + 3;
      canvas.ensure(height + 30);
      canvas.doc.rect(canvas.left, canvas.y - 1, 3, height).fill(SEVERITY_TINTS[step.severity]);
      canvas.drawLines(lines, STYLES.smallBold, canvas.left + 8);
      canvas.space(2);
      for (const note of stepNotes(step)) canvas.paragraph(note, { ...STYLES.small, color: MUTED }, 8, 1);
      canvas.remediation(step.text, 8);
    }
  }
}
