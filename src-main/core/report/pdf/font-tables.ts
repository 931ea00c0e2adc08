/**
 * What the report needs to know from a TrueType file, read from its tables.
 *
 * Which code points a font has a glyph for, from its `cmap` table. The report
 * sets text in DejaVu and switches to the CJK fallback for the characters DejaVu lacks; asking
 * the font file itself is exact, where measuring a missing glyph's width would only guess.
 */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
}

export function glyphCoverageOf(font: Uint8Array): GlyphCoverage {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(view, 'cmap');
  const subtables = Array.from({ length: view.getUint16(cmap + 2) }, (_, index) => {
    const record = cmap + 4 + index * 8;
    const offset = cmap + view.getUint32(record + 4);
    return { platform: view.getUint16(record), encoding: view.getUint16(record + 2), offset, format: view.getUint16(offset) };
  });
  const full = subtables.find((table) => table.format === 12 && (table.platform === 3 || table.platform === 0));
  if (full) return format12(view, full.offset);
  const basic = subtables.find((table) => table.format === 4 && (table.platform === 3 || table.platform === 0));
  if (basic) return format4(view, basic.offset);
  throw new Error('font has no Unicode cmap (format 4 or 12)');
}

/**
 * The ascent as a share of the em, from `hhea` and `head`. pdfkit places text by the top of the
 * line and puts the baseline one ascent below it; fonts with different ascents would set their
 * runs of one line on different baselines unless the difference is made up.
 */
export function ascentOf(font: Uint8Array): number {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const unitsPerEm = view.getUint16(tableOffset(view, 'head') + 18);
  return view.getInt16(tableOffset(view, 'hhea') + 4) / unitsPerEm;
}

function tableOffset(view: DataView, tag: string): number {
  const tables = view.getUint16(4);
  for (let index = 0; index < tables; index++) {
    const record = 12 + index * 16;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (name === tag) return view.getUint32(record + 8);
  }
  throw new Error(`font has no ${tag} table`);
}

/** Segmented coverage of the full Unicode range: groups of consecutive code points. */
function format12(view: DataView, offset: number): GlyphCoverage {
  const groups = view.getUint32(offset + 12);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let index = 0; index < groups; index++) {
    const group = offset + 16 + index * 12;
    const start = view.getUint32(group);
    // A group that starts at glyph 0 maps its first code point to .notdef: not a real glyph.
    starts.push(view.getUint32(group + 8) === 0 ? start + 1 : start);
    ends.push(view.getUint32(group + 4));
  }
  return { has: (codePoint) => inSegment(starts, ends, codePoint) >= 0 };
}

/** The Basic Multilingual Plane through segments with deltas or a glyph index array. */
function format4(view: DataView, offset: number): GlyphCoverage {
  const segments = view.getUint16(offset + 6) / 2;
  const endsAt = offset + 14;
  const startsAt = endsAt + segments * 2 + 2;
  const deltasAt = startsAt + segments * 2;
  const rangeOffsetsAt = deltasAt + segments * 2;
  const read = (base: number) => Array.from({ length: segments }, (_, index) => view.getUint16(base + index * 2));
  const starts = read(startsAt);
  const ends = read(endsAt);
  return {
    has(codePoint) {
      const segment = inSegment(starts, ends, codePoint);
      if (segment < 0) return false;
      const delta = view.getUint16(deltasAt + segment * 2);
      const rangeOffset = view.getUint16(rangeOffsetsAt + segment * 2);
      if (rangeOffset === 0) return ((codePoint + delta) & 0xffff) !== 0;
      const glyph = view.getUint16(rangeOffsetsAt + segment * 2 + rangeOffset + (codePoint - starts[segment]!) * 2);
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    },
  };
}

/** Index of the sorted segment holding the value, or -1. */
function inSegment(starts: readonly number[], ends: readonly number[], value: number): number {
  let low = 0;
  let high = ends.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ends[middle]! < value) low = middle + 1;
    else if (starts[middle]! > value) high = middle - 1;
    else return middle;
  }
  return -1;
}
