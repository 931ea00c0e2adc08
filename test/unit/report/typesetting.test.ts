import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../src-main/core/report/pdf/report-fonts';
import { Typesetter, type TextStyle } from '../../../src-main/core/report/pdf/typesetter';

const fonts = loadReportFonts();
const body: TextStyle = { face: 'sans', size: 9, color: '#000' };
const mono: TextStyle = { face: 'mono', size: 7.2, color: '#000' };

function typesetter(): Typesetter {
  const doc = new PDFDocument({ autoFirstPage: false });
  for (const font of [...Object.values(fonts.faces), fonts.fallback]) doc.registerFont(font.name, font.bytes);
  return new Typesetter(doc, fonts);
}

const textOf = (line: { pieces: { text: string }[] }) => line.pieces.map((piece) => piece.text).join('');

describe('glyph coverage of the bundled fonts', () => {
  it('knows that DejaVu sets Latin names and the fallback sets CJK', () => {
    for (const character of 'AëŁüß→…') expect(fonts.faces.sans.coverage.has(character.codePointAt(0)!), character).toBe(true);
    for (const character of '東京') {
      expect(fonts.faces.sans.coverage.has(character.codePointAt(0)!), character).toBe(false);
      expect(fonts.fallback.coverage.has(character.codePointAt(0)!), character).toBe(true);
    }
    expect(fonts.faces.bold.coverage.has('Ł'.codePointAt(0)!)).toBe(true);
    expect(fonts.faces.mono.coverage.has('東'.codePointAt(0)!)).toBe(false);
  });
});

describe('setting text into lines', () => {
  it('wraps at spaces within the width and loses no word', () => {
    const type = typesetter();
    const text = 'Zoë Łukasik audited the firewalls of the Tokyo 東京 contact center for Müller and found the legacy AES range blocked by an inactive line.';
    const lines = type.lines(text, body, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120.001);
    expect(lines.map(textOf).join(' ')).toBe(text);
  });

  it('switches to the fallback font for the characters DejaVu lacks, per run', () => {
    const [line] = typesetter().lines('Site 東京 DC', body, 500);
    expect(line!.pieces.map((piece) => [piece.text, piece.font])).toEqual([['Site ', 'sans'], ['東京', 'fallback'], [' DC', 'sans']]);
  });

  it('breaks a word longer than the width between characters instead of cutting it off', () => {
    const word = 'object-group-WFOS-inside_in-3-11-PORTS-with-a-name-longer-than-any-column';
    const lines = typesetter().lines(word, mono, 60);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map(textOf).join('')).toBe(word);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(60.001);
  });

  it('breaks port lists after commas, keeps hard line breaks and indents continued code lines', () => {
    const type = typesetter();
    const width = type.width('33012-33014,33022,33029,', body) + 1;
    expect(type.lines('33012-33014,33022,33029,34101-34103,34105-34107,34301/tcp', body, width).map(textOf)).toEqual(['33012-33014,33022,33029,', '34101-34103,34105-34107,', '34301/tcp']);
    const code = type.lines('object-group service X tcp\n port-object eq 80\naccess-list inside_in line 5 extended permit tcp host 10.10.20.11 host 10.10.20.12 eq 443', mono, 200, 12);
    expect(textOf(code[1]!)).toBe(' port-object eq 80');
    expect(code.slice(2).map((line) => line.indent)).toEqual([0, ...Array(code.length - 3).fill(12)]);
    expect(code.slice(2).map(textOf).join(' ')).toBe('access-list inside_in line 5 extended permit tcp host 10.10.20.11 host 10.10.20.12 eq 443');
  });

  it('prints tabs as spaces and drops control characters, which have no glyph', () => {
    expect(typesetter().lines('a\tb\u0007c', body, 500).map(textOf)).toEqual(['a    bc']);
  });
});
