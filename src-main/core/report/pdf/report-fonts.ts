import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ascentOf, glyphCoverageOf, type GlyphCoverage } from './font-tables';

/** The faces the report sets text in; each falls back to the CJK face glyph by glyph. */
export type FaceName = 'sans' | 'bold' | 'mono';

export interface FontFile {
  /** The name the PDF document registers it under. */
  name: string;
  bytes: Buffer;
  coverage: GlyphCoverage;
  /** Ascent as a share of the em: runs in different fonts are moved onto one baseline by it. */
  ascent: number;
}

export interface ReportFonts {
  faces: Record<FaceName, FontFile>;
  /** Droid Sans Fallback: CJK and whatever else DejaVu lacks. */
  fallback: FontFile;
}

const FILES: Record<FaceName | 'fallback', string> = {
  sans: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
  fallback: 'DroidSansFallbackFull.ttf',
};

/**
 * The fonts ship with the product (resources/fonts, with their licences) because a report is
 * written offline on whatever machine the engineer has, and must look the same everywhere.
 */
export function defaultFontDirectory(): string {
  return fileURLToPath(new URL('../../../../resources/fonts/', import.meta.url));
}

const cache = new Map<string, ReportFonts>();

/** Reads the report's fonts once per process and directory. */
export function loadReportFonts(directory: string = defaultFontDirectory()): ReportFonts {
  const cached = cache.get(directory);
  if (cached) return cached;
  const load = (face: FaceName | 'fallback'): FontFile => {
    const path = join(directory, FILES[face]);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new Error(`${path}: the report font is missing (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return { name: face, bytes, coverage: glyphCoverageOf(bytes), ascent: ascentOf(bytes) };
  };
  const fonts = { faces: { sans: load('sans'), bold: load('bold'), mono: load('mono') }, fallback: load('fallback') };
  cache.set(directory, fonts);
  return fonts;
}
