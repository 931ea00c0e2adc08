import { CODE_FILL, INK, MUTED } from '../palette';
import { remediationParts } from '../text/report-phrases';
import type { TextStyle, TypesetLine, Typesetter } from './typesetter';

export const STYLES = {
  body: { face: 'sans', size: 9, color: INK },
  bold: { face: 'bold', size: 9, color: INK },
  small: { face: 'sans', size: 7.5, color: INK },
  smallBold: { face: 'bold', size: 7.5, color: INK },
  muted: { face: 'sans', size: 7.5, color: MUTED },
  mono: { face: 'mono', size: 7.2, color: INK },
  h1: { face: 'bold', size: 16, color: INK },
  h2: { face: 'bold', size: 12, color: INK },
  h3: { face: 'bold', size: 9.5, color: INK },
} as const satisfies Record<string, TextStyle>;

export type Layout = 'portrait' | 'landscape';

/** Where a heading landed, for the contents page and the bookmarks. */
export interface PlacedHeading {
  level: 1 | 2;
  title: string;
  page: number;
  destination: string;
}

const MARGIN = { top: 64, bottom: 58, left: 50, right: 50 };
const HEADING_SIZES = { 1: STYLES.h1, 2: STYLES.h2, 3: STYLES.h3 } as const;

/**
 * The flow of the report over A4 pages: a cursor that moves down, and a new page whenever the
 * next thing would not fit. Page margins are kept here rather than in pdfkit so that pdfkit
 * never adds a page on its own; the running header and footer go into them at the end.
 */
export class ReportCanvas {
  y = MARGIN.top;
  readonly headings: PlacedHeading[] = [];
  private layout: Layout = 'portrait';
  private outlineParent: PDFKit.PDFOutline | undefined;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly type: Typesetter,
  ) {}

  get left(): number {
    return MARGIN.left;
  }

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  get top(): number {
    return MARGIN.top;
  }

  /** Index of the page being written, from 0. */
  get page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  newPage(layout: Layout = this.layout): void {
    this.layout = layout;
    this.doc.addPage({ size: 'A4', layout, margin: 0 });
    this.y = MARGIN.top;
  }

  /** Moves to a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGIN.top) this.newPage();
  }

  space(points: number): void {
    this.y += points;
  }

  /** A heading, kept with at least `keepWith` points of what follows it; level 1 starts a page. */
  heading(title: string, level: 1 | 2 | 3, keepWith = 60): void {
    const style = HEADING_SIZES[level];
    if (level === 1 && this.y > MARGIN.top) this.newPage('portrait');
    const lines = this.type.lines(title, style, this.width);
    this.ensure(lines.length * this.type.lineHeight(style) + keepWith);
    if (level !== 3) this.mark(title, level);
    this.drawLines(lines, style, this.left);
    this.y += level === 1 ? 8 : 4;
  }

  /** A section: its heading on a new page, what it holds, and a plain line when it holds nothing. */
  section(title: string, intro: string, empty?: string): void {
    this.heading(title, 1);
    this.paragraph(intro);
    if (empty !== undefined) this.paragraph(empty, STYLES.bold);
  }

  /** A bookmark and a named destination at the cursor, listed on the contents page. */
  mark(title: string, level: 1 | 2): void {
    const destination = `section-${this.headings.length + 1}`;
    this.doc.addNamedDestination(destination);
    this.headings.push({ level, title, page: this.page, destination });
    if (level === 1) this.outlineParent = this.doc.outline.addItem(title);
    else (this.outlineParent ?? this.doc.outline).addItem(title);
  }

  paragraph(text: string, style: TextStyle = STYLES.body, indent = 0, gapAfter = 4): void {
    this.drawLines(this.type.lines(text, style, this.width - indent), style, this.left + indent);
    this.y += gapAfter;
  }

  /** Configuration text: monospaced on a tinted band, wrapped lines indented, never clipped. */
  code(text: string, indent = 0): void {
    const style = STYLES.mono;
    const hanging = this.type.width('    ', style);
    const lines = this.type.lines(text, style, this.width - indent - 8, hanging);
    const height = this.type.lineHeight(style);
    for (const line of lines) {
      this.ensure(height);
      this.doc.rect(this.left + indent, this.y, this.width - indent, height).fill(CODE_FILL);
      this.type.draw(line, this.left + indent + 4, this.y + 1, style);
      this.y += height;
    }
    this.y += 5;
  }

  /** The engine's remediation text: its opening sentence as prose, the commands as code. */
  remediation(text: string, indent = 0): void {
    const { prose, code } = remediationParts(text);
    if (prose !== undefined) this.paragraph(prose, STYLES.small, indent, code === undefined ? 4 : 1);
    if (code !== undefined) this.code(code, indent);
  }

  /** Label and value pairs, the value wrapping in its own column. */
  keyValues(pairs: readonly (readonly [string, string])[], labelWidth = 120, valueStyle: TextStyle = STYLES.body): void {
    for (const [label, value] of pairs) {
      const labelLines = this.type.lines(label, STYLES.bold, labelWidth - 6);
      const valueLines = this.type.lines(value, valueStyle, this.width - labelWidth);
      const height = Math.max(labelLines.length * this.type.lineHeight(STYLES.bold), valueLines.length * this.type.lineHeight(valueStyle));
      if (height <= this.bottom - this.top) this.ensure(height);
      const top = this.y;
      this.drawLines(labelLines, STYLES.bold, this.left);
      const afterLabel = this.y;
      this.y = top;
      this.drawLines(valueLines, valueStyle, this.left + labelWidth);
      this.y = Math.max(this.y, afterLabel) + 2;
    }
  }

  /** Lines at x from the cursor down, breaking to new pages between lines. */
  drawLines(lines: readonly TypesetLine[], style: TextStyle, x: number): void {
    const height = this.type.lineHeight(style);
    for (const line of lines) {
      this.ensure(height);
      this.type.draw(line, x, this.y, style);
      this.y += height;
    }
  }
}
