import { formatDate } from '../model/dates';
import type { ReportModel } from '../model/report-model';
import { STYLES, type ReportCanvas } from './canvas';
import { MUTED, RULE_LINE } from '../palette';

const HEADER_Y = 30;
const FOOTER_GAP = 26;

/**
 * The running header and footer and "Page 3 of 17", written once every page exists (pdfkit
 * buffers the pages), since the total is only known at the end.
 */
export function drawPageFrames(canvas: ReportCanvas, model: ReportModel): void {
  const { doc, type } = canvas;
  const range = doc.bufferedPageRange();
  const style = { ...STYLES.muted, size: 7 };
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const width = doc.page.width - 2 * canvas.left;
    if (index > range.start) {
      const left = type.lines(`${model.cover.title} · ${model.cover.customer} · ${model.cover.site}`, style, width * 0.75);
      left.forEach((line, number) => type.draw(line, canvas.left, HEADER_Y + number * type.lineHeight(style), style));
      const right = type.lines(`Issued ${formatDate(model.cover.issuedAt)}`, style, width * 0.25)[0]!;
      type.draw(right, canvas.left + width - right.width, HEADER_Y, style);
      const under = HEADER_Y + left.length * type.lineHeight(style) + 3;
      doc.moveTo(canvas.left, under).lineTo(canvas.left + width, under).lineWidth(0.5).stroke(RULE_LINE);
    }
    const footerY = doc.page.height - FOOTER_GAP - type.lineHeight(style);
    doc.moveTo(canvas.left, footerY - 5).lineTo(canvas.left + width, footerY - 5).lineWidth(0.5).stroke(RULE_LINE);
    const tool = type.lines(`${model.cover.tool.name} ${model.cover.tool.version} · ${model.cover.matrixTitle}`, style, width * 0.7)[0]!;
    type.draw(tool, canvas.left, footerY, style);
    const page = type.lines(`Page ${index - range.start + 1} of ${range.count}`, { ...style, color: '#1a1a1a' }, width * 0.3)[0]!;
    type.draw(page, canvas.left + width - page.width, footerY, { ...style, color: '#1a1a1a' });
  }
}

/** The contents page (reserved as page 2) with each section's page, each entry a link. */
export function drawContents(canvas: ReportCanvas, pageIndex: number): void {
  const { doc, type } = canvas;
  doc.switchToPage(pageIndex);
  canvas.y = canvas.top;
  type.draw(type.lines('Contents', STYLES.h1, canvas.width)[0]!, canvas.left, canvas.y, STYLES.h1);
  canvas.y += type.lineHeight(STYLES.h1) + 12;
  const entries = canvas.headings.map((heading) => {
    const style = heading.level === 1 ? STYLES.body : { ...STYLES.small, color: MUTED };
    const indent = heading.level === 1 ? 0 : 14;
    const lines = type.lines(heading.title, style, canvas.width - indent - 40);
    return { heading, style, indent, lines, height: lines.length * type.lineHeight(style) + (heading.level === 1 ? 4 : 1) };
  });
  // Sub-sections are listed only when all of them fit: a large audit lists its sections alone.
  const everything = entries.reduce((sum, entry) => sum + entry.height, 0) <= canvas.bottom - canvas.y;
  for (const { heading, style, indent, lines, height } of entries) {
    if (heading.level === 2 && !everything) continue;
    const top = canvas.y;
    canvas.drawLines(lines, style, canvas.left + indent);
    const page = type.lines(String(heading.page + 1), style, 40)[0]!;
    type.draw(page, canvas.left + canvas.width - page.width, canvas.y - type.lineHeight(style), style);
    const dotsFrom = canvas.left + indent + lines[lines.length - 1]!.width + 4;
    const dotsTo = canvas.left + canvas.width - page.width - 4;
    if (dotsTo > dotsFrom) {
      const baseline = canvas.y - type.lineHeight(style) * 0.3;
      doc.moveTo(dotsFrom, baseline).lineTo(dotsTo, baseline).lineWidth(0.4).dash(0.5, { space: 2.5 }).stroke(RULE_LINE).undash();
    }
    doc.goTo(canvas.left, top, canvas.width, canvas.y - top, heading.destination);
    canvas.y = top + height;
  }
}
