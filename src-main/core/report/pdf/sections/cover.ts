import type { ReportModel } from '../../model/report-model';
import { FAIL_COLOUR, MUTED, PASS_COLOUR } from '../../palette';
import { coverFacts } from '../../text/report-phrases';
import { coverSubtitle } from '../../text/section-texts';
import { STYLES, type ReportCanvas } from '../canvas';

/** The first page: who, where, against which matrix, by whom, when, with which tool, and the verdict. */
export function drawCover(canvas: ReportCanvas, model: ReportModel): void {
  const { cover, verdict } = model;
  canvas.space(90);
  canvas.paragraph(cover.title, { ...STYLES.h1, size: 24 }, 0, 6);
  canvas.paragraph(coverSubtitle(cover.matrixTitle, cover.site), { ...STYLES.body, size: 11, color: MUTED }, 0, 36);
  canvas.keyValues(coverFacts(model));
  canvas.space(26);
  const colour = verdict.passed ? PASS_COLOUR : FAIL_COLOUR;
  const lines = canvas.type.lines(verdict.statement, { ...STYLES.bold, size: 12, color: colour }, canvas.width - 24);
  const height = lines.length * canvas.type.lineHeight({ size: 12 }) + 16;
  canvas.doc.rect(canvas.left, canvas.y, canvas.width, height).lineWidth(1.5).stroke(colour);
  canvas.y += 8;
  canvas.drawLines(lines, { ...STYLES.bold, size: 12, color: colour }, canvas.left + 12);
  canvas.y += 16;
  canvas.paragraph(verdict.criterion, STYLES.small);
  canvas.space(20);
  canvas.paragraph(
    'This report carries the SHA-256 of every configuration it read and of the audit result (embedded in this file as audit.json). ' +
      'When it is digitally signed, the signature covers the whole file: `wfos-audit verify REPORT.pdf` shows who signed it and whether anything changed since.',
    { ...STYLES.small, color: MUTED },
  );
}
