import type { FaceName, ReportFonts } from './report-fonts';

export interface TextStyle {
  face: FaceName;
  size: number;
  color: string;
}

/** A stretch of one line set in one font. */
export interface Piece {
  text: string;
  font: string;
  width: number;
}

export interface TypesetLine {
  pieces: Piece[];
  width: number;
  /** Continuation lines of wrapped code start further in, so a reader sees they continue. */
  indent: number;
}

const LEADING = 1.3;

/**
 * Sets text into lines that fit a width, choosing the font glyph by glyph. pdfkit's own
 * wrapping knows one font per call and clips nothing but also splits nothing it cannot break;
 * here every line is measured before it is placed, a word longer than the width is broken
 * between characters, and nothing is ever cut off. Tables use the measured heights to repeat
 * their headers across page breaks.
 */
export class Typesetter {
  /** Advance widths by font and size, then by character. */
  private readonly advances = new Map<string, Map<string, number>>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: ReportFonts,
  ) {}

  lineHeight(style: Pick<TextStyle, 'size'>): number {
    return style.size * LEADING;
  }

  width(text: string, style: Pick<TextStyle, 'face' | 'size'>): number {
    return this.runsOf(text, style.face).reduce((sum, run) => sum + this.runWidth(run.text, run.font, style.size), 0);
  }

  /** The lines of a text at a width; "\n" always breaks. */
  lines(text: string, style: TextStyle, width: number, hangingIndent = 0): TypesetLine[] {
    const lines: TypesetLine[] = [];
    for (const hardLine of printable(text).split('\n')) {
      for (const [index, content] of this.wrap(hardLine, style, width, hangingIndent).entries()) {
        const pieces = this.runsOf(content, style.face).map((run) => ({ ...run, width: this.runWidth(run.text, run.font, style.size) }));
        lines.push({ pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0), indent: index === 0 ? 0 : hangingIndent });
      }
    }
    return lines;
  }

  /** Draws one line with its top at y. */
  draw(line: TypesetLine, x: number, y: number, style: TextStyle): void {
    let at = x + line.indent;
    const baseline = this.fonts.faces[style.face].ascent;
    this.doc.fillColor(style.color);
    for (const piece of line.pieces) {
      const shift = (baseline - this.fileOf(piece.font).ascent) * style.size;
      this.doc.font(piece.font).fontSize(style.size).text(piece.text, at, y + shift, { lineBreak: false });
      at += piece.width;
    }
  }

  private fileOf(font: string) {
    return font === this.fonts.fallback.name ? this.fonts.fallback : this.fonts.faces[font as FaceName];
  }

  private wrap(text: string, style: TextStyle, width: number, hangingIndent: number): string[] {
    const out: string[] = [];
    let current = '';
    let currentWidth = 0;
    const room = () => (out.length === 0 ? width : width - hangingIndent);
    const flush = () => {
      out.push(current.trimEnd());
      current = '';
      currentWidth = 0;
    };
    // A word may also break after a comma or semicolon: port lists have no spaces to break at.
    for (const token of text.match(/\s+|[^\s,;]+[,;]?|[,;]/g) ?? ['']) {
      const isSpace = /^\s/.test(token);
      // Spaces that a break swallowed are not carried to the start of the next line.
      if (isSpace && current === '' && out.length > 0) continue;
      const tokenWidth = this.width(token, style);
      if (currentWidth + tokenWidth <= room() || (isSpace && current !== '')) {
        current += token;
        currentWidth += tokenWidth;
        continue;
      }
      if (current.trim() !== '') flush();
      else if (current !== '') {
        current = '';
        currentWidth = 0;
      }
      if (isSpace) continue;
      if (tokenWidth <= room()) {
        current = token;
        currentWidth = tokenWidth;
        continue;
      }
      for (const character of Array.from(token)) {
        const characterWidth = this.width(character, style);
        if (current !== '' && currentWidth + characterWidth > room()) flush();
        current += character;
        currentWidth += characterWidth;
      }
    }
    if (current !== '' || out.length === 0) out.push(current.trimEnd());
    return out;
  }

  private runsOf(text: string, face: FaceName): { text: string; font: string }[] {
    const primary = this.fonts.faces[face];
    const fallback = this.fonts.fallback;
    const runs: { text: string; font: string }[] = [];
    for (const character of Array.from(text)) {
      const codePoint = character.codePointAt(0)!;
      const previous = runs[runs.length - 1];
      // Spaces stay in the primary face: the CJK fallback may have no glyph for them.
      const font = codePoint < 0x80 || /\s/.test(character) || primary.coverage.has(codePoint) || !fallback.coverage.has(codePoint) ? primary.name : fallback.name;
      const keep = previous && previous.font === font;
      if (keep) previous.text += character;
      else runs.push({ text: character, font });
    }
    return runs;
  }

  /**
   * A run's width as the sum of its characters' advances. Shaping every distinct word through
   * fontkit took most of a large report's time; per-character advances are cached once per
   * font and size. Kerning is left out of the measure, which only ever makes a drawn line a
   * hair narrower than measured: a line still never overflows.
   */
  private runWidth(text: string, font: string, size: number): number {
    const key = `${font}\u0000${size}`;
    let advances = this.advances.get(key);
    if (!advances) this.advances.set(key, (advances = new Map()));
    let width = 0;
    for (const character of text) {
      let advance = advances.get(character);
      if (advance === undefined) {
        advance = this.doc.font(font).fontSize(size).widthOfString(character);
        advances.set(character, advance);
      }
      width += advance;
    }
    return width;
  }
}

/** Tabs as spaces and control characters dropped: neither has a glyph, both would print as boxes. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}
