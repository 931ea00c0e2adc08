import type { ReportModel } from '../../model/report-model';
import { STYLES, type ReportCanvas } from '../canvas';
import { formatDate, formatDateTime } from '../../model/dates';
import { FAIL_COLOUR, MUTED, PASS_COLOUR } from '../palette';

/** The first page: who, where, against which matrix, by whom, when, with which tool, and the verdict. */
export function drawCover(canvas: ReportCanvas, model: ReportModel, firewalls: readonly string[]): void {
  const { cover, verdict } = model;
  canvas.space(90);
  canvas.paragraph(cover.title, { ...STYLES.h1, size: 24 }, 0, 6);
  canvas.paragraph(`${cover.matrixTitle}: port matrix compliance of the firewalls at ${cover.site}`, { ...STYLES.body, size: 11, color: MUTED }, 0, 36);
  canvas.keyValues([
    ['Customer', cover.customer],
    ['Site', cover.site],
    ['Port matrix', `${cover.matrixTitle} (${cover.matrixId}), ${cover.matrixRows} rows`],
    ['Matrix source', cover.matrixSource],
    ['Firewalls audited', firewalls.length > 0 ? firewalls.join(', ') : 'none'],
    ['Auditor', cover.auditor || '(not named)'],
    ['Report date', formatDate(cover.issuedAt)],
    ['Audit run', formatDateTime(cover.auditGeneratedAt)],
    ['Tool', `${cover.tool.name} ${cover.tool.version}`],
  ]);
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
