import type { FirewallRemediation, ReportModel } from '../../model/report-model';
import { citation } from '../../model/rule-line';
import { STYLES, type ReportCanvas } from '../canvas';
import { MUTED, SEVERITY_TINTS } from '../palette';

/** The change plan per firewall, in the firewall's own syntax, in an order that can be applied. */
export function drawRemediation(canvas: ReportCanvas, model: ReportModel): void {
  canvas.section(
    'Remediation by firewall',
    'The changes each firewall needs, as commands in its own syntax: rules that add exactly the missing flows, placed before the line ' +
      'that blocks them; replacements that narrow over-permissive rules to what the matrix needs; clean-up of rules that do nothing. ' +
      'Within each list the steps run from the bottom of the list up, so the line numbers in later steps are still right when they are entered. ' +
      'Review every change against the customer\'s other traffic before applying it: the audit knows the WFOS flows, not everything else the firewall carries.',
    model.remediation.length === 0 ? 'Nothing to change.' : undefined,
  );
  for (const plan of model.remediation) drawPlan(canvas, plan);
}

function drawPlan(canvas: ReportCanvas, plan: FirewallRemediation): void {
  canvas.heading(`${plan.firewall} (${plan.syntax})`, 2, 80);
  let list: string | undefined;
  plan.steps.forEach((step, index) => {
    if (step.list !== list || index === 0) {
      list = step.list;
      canvas.heading(list ? `Rule list ${list}` : 'Objects and other changes', 3, 50);
    }
    const lines = canvas.type.lines(`Step ${index + 1}. ${step.findingId} (${step.severity}, ${step.kind}): ${step.title}`, STYLES.smallBold, canvas.width - 8);
    const height = lines.length * canvas.type.lineHeight(STYLES.smallBold) + 3;
    canvas.ensure(height + 30);
    canvas.doc.rect(canvas.left, canvas.y - 1, 3, height).fill(SEVERITY_TINTS[step.severity]);
    canvas.drawLines(lines, STYLES.smallBold, canvas.left + 8);
    canvas.space(2);
    if (step.rule) canvas.paragraph(`Concerns ${citation(step.rule)}.`, { ...STYLES.small, color: MUTED }, 8, 1);
    if (step.conflictsWith.length > 0) {
      canvas.paragraph(`${step.conflictsWith.join(', ')} also change${step.conflictsWith.length === 1 ? 's' : ''} this rule: apply one of them.`, { ...STYLES.small, color: MUTED }, 8, 1);
    }
    canvas.remediation(step.text, 8);
  });
}
