import type { FindingEntry, ReportModel } from '../../model/report-model';
import { citation } from '../../model/rule-line';
import { STYLES, type ReportCanvas } from '../canvas';
import { SEVERITY_TINTS } from '../palette';
import { cell, drawTable } from '../table';
import { ruleBlocks } from './coverage';

const INTRO = {
  gaps:
    'Matrix rows that are partly or wholly blocked. Each lists the addresses and ports that do not get through, the line that denies them, ' +
    'and the rules that add exactly what is missing, placed before that line.',
  overPermissive:
    'Rules that permit traffic to or from WFOS addresses beyond what the deployed matrix rows need. Each shows the rule as written, ' +
    'what it permits beyond the matrix, and a replacement that permits only what the rows it serves need.',
  hygiene: 'Rules that can never match, change nothing, are inactive, or objects nothing uses: they do not open WFOS flows but make the rule base harder to audit.',
};

/** Partial and blocked rows: exactly what does not get through, where, and what to add. */
export function drawGaps(canvas: ReportCanvas, model: ReportModel): void {
  canvas.section('Coverage gaps', INTRO.gaps, model.gaps.length === 0 ? 'No matrix row is partial or blocked.' : undefined);
  for (const gap of model.gaps) {
    canvas.heading(`Row ${gap.row}: ${gap.flow}`, 2, 80);
    canvas.paragraph(`${gap.status === 'blocked' ? 'Blocked' : 'Partly blocked'}: ${gap.reason}.`);
    for (const { firewall, parts } of gap.missing) {
      canvas.paragraph(`Missing on ${firewall}:`, STYLES.bold, 0, 1);
      for (const part of parts) canvas.paragraph(`•  ${part}`, STYLES.body, 10, 1);
      canvas.space(3);
    }
    for (const finding of gap.findings) {
      canvas.paragraph(`${finding.id} (${finding.severity}) on ${finding.firewall}: ${finding.detail}`, STYLES.small);
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
  canvas.section('Over-permissive rules', INTRO.overPermissive, model.overPermissive.length === 0 ? 'No rule permits more than the matrix needs.' : undefined);
  for (const finding of model.overPermissive) {
    findingHeading(canvas, finding);
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
  canvas.section('Hygiene findings', INTRO.hygiene, model.hygiene.length === 0 ? 'No hygiene findings.' : undefined);
  if (model.hygiene.length === 0) return;
  drawTable(
    canvas,
    [{ header: 'ID', share: 0.7 }, { header: 'Severity', share: 0.75 }, { header: 'Kind', share: 0.95 }, { header: 'Finding, rule and remediation', share: 5 }],
    model.hygiene.map((finding) => [
      cell(finding.id, STYLES.smallBold),
      cell(finding.severity, STYLES.smallBold, SEVERITY_TINTS[finding.severity]),
      cell(finding.kind),
      {
        blocks: [
          { text: `${finding.title} (${finding.firewall})`, style: STYLES.smallBold },
          ...(finding.rule ? ruleBlocks('', [finding.rule]) : []),
          { text: finding.detail, style: STYLES.small },
          { text: finding.remediation, style: STYLES.small },
        ],
      },
    ]),
  );
}

function findingHeading(canvas: ReportCanvas, finding: FindingEntry): void {
  canvas.heading(`${finding.id}: ${finding.title}`, 2, 70);
  const tag = `${finding.severity} · ${finding.kind} · ${finding.firewall}${finding.rows.length > 0 ? ` · serves matrix rows ${finding.rows.join(', ')}` : ''}`;
  const lines = canvas.type.lines(tag, STYLES.smallBold, canvas.width - 8);
  const height = lines.length * canvas.type.lineHeight(STYLES.smallBold) + 3;
  canvas.ensure(height);
  canvas.doc.rect(canvas.left, canvas.y - 1, canvas.width, height).fill(SEVERITY_TINTS[finding.severity]);
  canvas.drawLines(lines, STYLES.smallBold, canvas.left + 4);
  canvas.space(5);
}
