import type { ReportModel, SignOffParty } from '../../model/report-model';
import { STYLES, type ReportCanvas } from '../canvas';
import { RULE_LINE } from '../../palette';
import { signOffFields } from '../../text/report-phrases';
import { SECTION_TITLES, signOffIntro } from '../../text/section-texts';

const LABEL_WIDTH = 95;

/** The page people sign by hand: names printed when known, lines to write on when not. */
export function drawSignOff(canvas: ReportCanvas, model: ReportModel): void {
  canvas.heading(SECTION_TITLES.signOff, 1);
  canvas.paragraph(signOffIntro(model.cover.matrixTitle));
  canvas.space(8);
  for (const party of [model.signOff.auditor, model.signOff.customer]) drawParty(canvas, party);
}

function drawParty(canvas: ReportCanvas, party: SignOffParty): void {
  canvas.ensure(250);
  canvas.heading(party.title, 2, 220);
  for (const [label, value] of signOffFields(party)) field(canvas, label, value);
  canvas.space(14);
  field(canvas, 'Signature', '');
  canvas.space(4);
  canvas.paragraph('Comments', STYLES.bold, 0, 2);
  const top = canvas.y;
  const height = 60;
  canvas.doc.rect(canvas.left, top, canvas.width, height).lineWidth(0.6).stroke(RULE_LINE);
  if (party.comments) {
    canvas.y = top + 4;
    canvas.paragraph(party.comments, STYLES.body, 4);
  }
  canvas.y = Math.max(canvas.y, top + height) + 18;
}

/** A label and its value on a line to write on, the line drawn whether or not the value is known. */
function field(canvas: ReportCanvas, label: string, value: string): void {
  const lineHeight = canvas.type.lineHeight(STYLES.body);
  const lines = canvas.type.lines(value, { ...STYLES.body, size: 10 }, canvas.width - LABEL_WIDTH);
  canvas.ensure(lines.length * lineHeight + 12);
  canvas.type.draw(canvas.type.lines(label, STYLES.bold, LABEL_WIDTH)[0]!, canvas.left, canvas.y + 4, STYLES.bold);
  const top = canvas.y;
  canvas.y += 3;
  canvas.drawLines(lines, { ...STYLES.body, size: 10 }, canvas.left + LABEL_WIDTH);
  canvas.y = Math.max(canvas.y, top + lineHeight + 6);
  canvas.doc.moveTo(canvas.left + LABEL_WIDTH, canvas.y).lineTo(canvas.left + canvas.width, canvas.y).lineWidth(0.6).stroke('#7a7a7a');
  canvas.y += 10;
}
