import { limitError, type SpreadsheetLimits } from './limits';

/** Separators spreadsheet programs write: comma, semicolon (comma-decimal locales), tab, pipe. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_RECORDS = 50;

/**
 * The delimiter that splits the first records most consistently: each candidate is scored by
 * how many records have the same (non-zero) field count, then by that count. Quoted text is
 * skipped, so a comma inside "Voice, DMZ" does not vote. Excel's own `sep=;` line wins outright.
 */
export function sniffDelimiter(text: string): Delimiter {
  const declared = /^sep=(.)\r?\n/.exec(text)?.[1];
  if (declared !== undefined && (DELIMITERS as readonly string[]).includes(declared)) return declared as Delimiter;
  let best: { delimiter: Delimiter; agreeing: number; fields: number } = { delimiter: ',', agreeing: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = sampleFieldCounts(text, delimiter).filter((fields) => fields > 1);
    if (counts.length === 0) continue;
    const tally = new Map<number, number>();
    for (const fields of counts) tally.set(fields, (tally.get(fields) ?? 0) + 1);
    const [fields, agreeing] = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (agreeing > best.agreeing || (agreeing === best.agreeing && fields > best.fields)) best = { delimiter, agreeing, fields };
  }
  return best.delimiter;
}

function sampleFieldCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  for (let index = 0; index < text.length && counts.length < SAMPLE_RECORDS; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === delimiter) fields++;
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      counts.push(fields);
      fields = 1;
    }
  }
  return counts;
}

/**
 * Records of delimited text as RFC 4180 and spreadsheet programs write them: fields in double
 * quotes may hold the delimiter, line breaks and doubled quotes; CRLF, LF and CR all end a
 * record. A quote inside an unquoted field is kept as text, as Excel does. Row and cell
 * counts are checked while reading, so an oversized file is refused before it is all in memory.
 */
export function parseDelimited(text: string, delimiter: Delimiter, file: string, limits: SpreadsheetLimits): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let cells = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
    if (++cells > limits.cells) throw limitError(file, '', cells, limits.cells, 'cells');
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
    if (records.length > limits.rows) throw limitError(file, '', records.length, limits.rows, 'rows');
  };
  let start = /^sep=.\r?\n/.test(text) ? text.indexOf('\n') + 1 : 0;
  for (let index = start; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char !== '"') continue;
      if (text[index + 1] === '"') {
        index++;
        continue;
      }
      field += text.slice(start, index).replace(/""/g, '"');
      quoted = false;
      start = index + 1;
      continue;
    }
    if (char === '"' && field === '' && start === index) {
      quoted = true;
      start = index + 1;
    } else if (char === delimiter) {
      field += text.slice(start, index);
      endField();
      start = index + 1;
    } else if (char === '\n' || char === '\r') {
      field += text.slice(start, index);
      endRecord();
      if (char === '\r' && text[index + 1] === '\n') index++;
      start = index + 1;
    }
  }
  field += quoted ? text.slice(start).replace(/""/g, '"') : text.slice(start);
  // A final line break ends the last record rather than starting an empty one.
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
