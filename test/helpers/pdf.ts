import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Poppler's tools read reports back in tests; CI installs poppler-utils (.ci/run). */
export function hasTool(name: string): boolean {
  return spawnSync(name, ['-v'], { stdio: 'ignore' }).error === undefined;
}

/**
 * The text of a PDF as pdftotext extracts it, in the order it was drawn (-raw): a table cell's
 * lines stay together instead of being interleaved with the next column's.
 */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Whitespace runs as one space: text wrapped over lines reads as it was written. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Dark pixels per page of the PDF rendered at 30 dpi, counted in the body of the page (the
 * running header and footer bands left out, so a page with nothing but them counts as blank).
 */
export function inkPerPage(file: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-pages-'));
  try {
    execFileSync('pdftoppm', ['-r', '30', file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.ppm'))
      .sort()
      .map((name) => bodyInk(readFileSync(join(dir, name))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Binary PPM (P6): counts pixels with any channel darker than near-white, between 10% and 90% of the height. */
function bodyInk(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  let ink = 0;
  for (let y = Math.floor(height * 0.1); y < Math.floor(height * 0.9); y++) {
    for (let x = 0; x < width; x++) {
      const at = start + (y * width + x) * 3;
      if (Math.min(ppm[at]!, ppm[at + 1]!, ppm[at + 2]!) < 200) ink++;
    }
  }
  return ink;
}
