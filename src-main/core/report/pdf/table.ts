import { STYLES, type ReportCanvas } from './canvas';
import { HEADER_FILL, RULE_LINE } from '../palette';
import type { TextBlock, TextKind } from '../text/text-blocks';
import type { TextStyle, TypesetLine } from './typesetter';

/** A cell is one or more blocks of text, each in its own style (a label, then a rule's text). */
export interface Cell {
  blocks: readonly { text: string; style?: TextStyle }[];
  fill?: string;
}

export interface Column {
  header: string;
  /** Share of the table's width; the shares are normalised. */
  share: number;
}

const PADDING = 3;

interface LaidCell {
  lines: { line: TypesetLine; style: TextStyle }[];
  fill?: string;
}

export function cell(text: string, style?: TextStyle, fill?: string): Cell {
  return { blocks: [{ text, ...(style && { style }) }], ...(fill && { fill }) };
}

const KIND_STYLES: Record<TextKind, TextStyle> = { strong: STYLES.smallBold, plain: STYLES.small, muted: STYLES.muted, code: STYLES.mono };

/** A cell of the report's shared text blocks, each in the type style of its kind. */
export function blocksCell(blocks: readonly TextBlock[]): Cell {
  return { blocks: blocks.map((block) => ({ text: block.text, style: KIND_STYLES[block.kind] })) };
}

/**
 * A table that flows over pages: the header row is repeated at the top of every page the
 * table reaches, a row that fits on a page is never split, and a row taller than a page is
 * split between lines, so long rule text is always printed in full.
 */
export function drawTable(canvas: ReportCanvas, columns: readonly Column[], rows: readonly (Cell | string)[][]): void {
  const total = columns.reduce((sum, column) => sum + column.share, 0);
  const widths = columns.map((column) => (column.share / total) * canvas.width);
  const lay = (content: Cell | string, index: number): LaidCell => {
    const value = typeof content === 'string' ? cell(content) : content;
    const lines = value.blocks.flatMap((block) => {
      const style = block.style ?? STYLES.small;
      return canvas.type.lines(block.text, style, widths[index]! - 2 * PADDING, style.face === 'mono' ? canvas.type.width('  ', style) : 0).map((line) => ({ line, style }));
    });
    return { lines, ...(value.fill && { fill: value.fill }) };
  };
  const header = columns.map((column, index) => lay(cell(column.header, STYLES.smallBold, HEADER_FILL), index));
  const heightOf = (laid: LaidCell) => laid.lines.reduce((sum, item) => sum + canvas.type.lineHeight(item.style), 0);
  const headerHeight = Math.max(...header.map(heightOf)) + 2 * PADDING;

  const drawHeader = () => {
    drawChunk(canvas, header, widths, header.map((laid) => laid.lines), headerHeight);
  };
  canvas.ensure(headerHeight + 3 * canvas.type.lineHeight(STYLES.small) + 2 * PADDING);
  drawHeader();

  for (const row of rows) {
    const laid = row.map(lay);
    const rowHeight = Math.max(...laid.map(heightOf)) + 2 * PADDING;
    const pageRoom = canvas.bottom - canvas.top - headerHeight;
    if (canvas.y + rowHeight > canvas.bottom && rowHeight <= pageRoom) {
      canvas.newPage();
      drawHeader();
    }
    const remaining = laid.map((item) => [...item.lines]);
    while (remaining.some((lines) => lines.length > 0)) {
      const room = canvas.bottom - canvas.y - 2 * PADDING;
      const taken = remaining.map((lines) => takeLines(lines, room, (style) => canvas.type.lineHeight(style)));
      if (taken.every((lines) => lines.length === 0)) {
        canvas.newPage();
        drawHeader();
        continue;
      }
      const height = Math.max(...taken.map((lines) => lines.reduce((sum, item) => sum + canvas.type.lineHeight(item.style), 0))) + 2 * PADDING;
      drawChunk(canvas, laid, widths, taken, height);
      if (remaining.some((lines) => lines.length > 0)) {
        canvas.newPage();
        drawHeader();
      }
    }
  }
  canvas.space(8);
}

/** Removes and returns the lines from the front of `lines` that fit in `room` points. */
function takeLines(lines: LaidCell['lines'], room: number, heightOf: (style: TextStyle) => number): LaidCell['lines'] {
  const taken: LaidCell['lines'] = [];
  let used = 0;
  while (lines.length > 0 && used + heightOf(lines[0]!.style) <= room) {
    used += heightOf(lines[0]!.style);
    taken.push(lines.shift()!);
  }
  return taken;
}

function drawChunk(canvas: ReportCanvas, cells: readonly LaidCell[], widths: readonly number[], lines: readonly LaidCell['lines'][], height: number): void {
  const { doc } = canvas;
  let x = canvas.left;
  cells.forEach((laid, index) => {
    const width = widths[index]!;
    if (laid.fill) doc.rect(x, canvas.y, width, height).fill(laid.fill);
    let y = canvas.y + PADDING;
    for (const { line, style } of lines[index]!) {
      canvas.type.draw(line, x + PADDING, y, style);
      y += canvas.type.lineHeight(style);
    }
    x += width;
  });
  doc.moveTo(canvas.left, canvas.y + height).lineTo(canvas.left + canvas.width, canvas.y + height).lineWidth(0.5).strokeColor(RULE_LINE).stroke();
  canvas.y += height;
}
