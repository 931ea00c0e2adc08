import { inflateSync } from 'node:zlib';

/**
 * The files embedded in a PDF (its EmbeddedFiles), by name. Enough of PDF's object syntax to
 * read what wfos-audit writes (pdfkit's file specifications and Flate streams), read from
 * the latest definition of each object so that an incremental update is taken into account.
 */
export function embeddedFiles(pdf: Buffer): Map<string, Buffer> {
  const text = pdf.toString('latin1');
  const files = new Map<string, Buffer>();
  for (const match of text.matchAll(/\/Type\s*\/Filespec\b/g)) {
    const start = text.lastIndexOf(' obj', match.index);
    const end = text.indexOf('endobj', match.index);
    if (start < 0 || end < 0) continue;
    const spec = text.slice(start, end);
    const name = /\/UF\s*\(((?:\\.|[^\\)])*)\)/.exec(spec)?.[1] ?? /\/F\s*\(((?:\\.|[^\\)])*)\)/.exec(spec)?.[1];
    const reference = /\/EF\s*<<\s*\/F\s+(\d+)\s+(\d+)\s+R/.exec(spec);
    if (name === undefined || !reference) continue;
    const data = streamOf(pdf, text, Number(reference[1]), Number(reference[2]));
    if (data) files.set(unescapeString(name), data);
  }
  return files;
}

function streamOf(pdf: Buffer, text: string, id: number, generation: number): Buffer | undefined {
  const header = lastMatch(text, new RegExp(`(?:^|\\s)${id}\\s+${generation}\\s+obj\\b`, 'g'));
  if (header === undefined) return undefined;
  const keyword = /\bstream\r?\n/g;
  keyword.lastIndex = header;
  const body = keyword.exec(text);
  if (!body) return undefined;
  const dictionary = text.slice(header, body.index);
  const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  const indirect = /\/Length\s+(\d+)\s+(\d+)\s+R/.exec(dictionary);
  const length = direct ? Number(direct[1]) : indirect ? lengthObject(text, Number(indirect[1]), Number(indirect[2])) : undefined;
  if (length === undefined) return undefined;
  const start = body.index + body[0].length;
  const raw = pdf.subarray(start, start + length);
  if (!/\/Filter\s*\/FlateDecode/.test(dictionary)) return raw;
  try {
    return inflateSync(raw);
  } catch {
    return undefined;
  }
}

function lengthObject(text: string, id: number, generation: number): number | undefined {
  const header = lastMatch(text, new RegExp(`(?:^|\\s)${id}\\s+${generation}\\s+obj\\s+(\\d+)`, 'g'));
  if (header === undefined) return undefined;
  return Number(/obj\s+(\d+)/.exec(text.slice(header))?.[1]);
}

function lastMatch(text: string, pattern: RegExp): number | undefined {
  let last: number | undefined;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}

/** A PDF literal string's escapes: the names wfos-audit writes are ASCII. */
function unescapeString(value: string): string {
  return value.replace(/\\([nrtbf()\\])/g, (_, character: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[character as 'n'] ?? character);
}
