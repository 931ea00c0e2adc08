import { z } from 'zod';
import { assignHeaders, detectColumns, ruleMapping } from './column-detection';
import { normaliseHeader, RULE_FIELDS, RULE_HEADERS, type RuleField } from './column-fields';
import type { ColumnAssignment, RuleColumnMapping } from './column-mapping';
import { columnIndexOf, columnLetter, isBlankRow, type SheetGrid } from './grid';
import { SpreadsheetError } from './limits';

export const COLUMN_TEMPLATE_FORMAT = 'wfos-audit/columns/1';

/**
 * A column mapping the user gives (site file `columns:` or a saved template): each field to a
 * header text or a column letter. Fields it leaves out are still found from the headers.
 */
export interface ExplicitColumns {
  /** Only this sheet is read with it; otherwise every sheet whose headers it matches. */
  sheet?: string;
  /** 1-based header row; 0 when the data starts on row 1 with no header. */
  headerRow?: number;
  columns: Partial<Record<RuleField, string>>;
}

const templateSchema = z
  .object({
    format: z.literal(COLUMN_TEMPLATE_FORMAT),
    sheet: z.string().min(1).optional(),
    headerRow: z.number().int().min(0).max(10_000).optional(),
    columns: z.partialRecord(z.enum(RULE_FIELDS), z.string().min(1)),
  })
  .strict();

export type ColumnTemplate = z.infer<typeof templateSchema>;

/** Reads a saved template; the error names the file and the bad key. */
export function parseColumnTemplate(text: string, file: string): ExplicitColumns {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SpreadsheetError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.') || '(top level)';
    const expected = issue.code === 'unrecognized_keys' || path.startsWith('columns') ? ` (fields: ${RULE_FIELDS.join(', ')})` : '';
    throw new SpreadsheetError(`${file}: ${path}: ${issue.message}${expected}`);
  }
  return explicitOf(parsed.data.columns, parsed.data.sheet, parsed.data.headerRow);
}

/** The site file's `columns:` (fields, plus optional `sheet` and `headerRow`); `where` prefixes errors. */
export function columnsFromSite(record: Readonly<Record<string, string>>, where: string): ExplicitColumns {
  const columns: Partial<Record<RuleField, string>> = {};
  let sheet: string | undefined;
  let headerRow: number | undefined;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'sheet') sheet = value;
    else if (key === 'headerRow') {
      if (!/^\d+$/.test(value)) throw new SpreadsheetError(`${where}: columns.headerRow: "${value}" is not a row number`);
      headerRow = Number(value);
    } else if ((RULE_FIELDS as readonly string[]).includes(key)) columns[key as RuleField] = value;
    else throw new SpreadsheetError(`${where}: columns.${key} is not a column field (one of ${RULE_FIELDS.join(', ')}, sheet, headerRow)`);
  }
  return explicitOf(columns, sheet, headerRow);
}

function explicitOf(columns: Partial<Record<RuleField, string>>, sheet: string | undefined, headerRow: number | undefined): ExplicitColumns {
  // Only the known fields are copied, into a fresh object: nothing the file names becomes a key here.
  const copied: Partial<Record<RuleField, string>> = {};
  for (const field of RULE_FIELDS) if (columns[field] !== undefined) copied[field] = columns[field];
  return { ...(sheet !== undefined && { sheet }), ...(headerRow !== undefined && { headerRow }), columns: copied };
}

/** A mapping as a reusable template: header texts where the sheet has them, letters otherwise. */
export function templateOf(mapping: RuleColumnMapping): ColumnTemplate {
  const columns: ColumnTemplate['columns'] = {};
  for (const field of RULE_FIELDS) {
    const assignment = mapping.fields[field];
    if (assignment) columns[field] = assignment.header || assignment.letter;
  }
  return { format: COLUMN_TEMPLATE_FORMAT, sheet: mapping.sheet, headerRow: mapping.headerRow, columns };
}

/**
 * Reads a sheet with a given mapping. The header row is the one given, or the row holding most
 * of the given header texts; a value that is no header there is taken as a column letter.
 * Undefined when the mapping does not fit this sheet (it names headers the sheet lacks).
 */
export function applyExplicitColumns(sheet: SheetGrid, explicit: ExplicitColumns): { mapping?: RuleColumnMapping; problems: string[] } {
  if (explicit.sheet !== undefined && explicit.sheet.toLowerCase() !== sheet.name.toLowerCase()) return { problems: [] };
  const given = RULE_FIELDS.flatMap((field) => (explicit.columns[field] === undefined ? [] : [[field, explicit.columns[field]!] as const]));
  const headerIndex = explicit.headerRow !== undefined ? (explicit.headerRow === 0 ? undefined : explicit.headerRow - 1) : headerRowOf(sheet, given.map(([, value]) => value));
  if (headerIndex === null) return { problems: [] };
  const headerCells = headerIndex === undefined ? [] : (sheet.rows[headerIndex] ?? []);
  const fields = headerIndex === undefined ? new Map<RuleField, ColumnAssignment>() : assignHeaders(headerCells, RULE_HEADERS);
  const problems: string[] = [];
  for (const [field, value] of given) {
    const byHeader = headerCells.findIndex((text) => normaliseHeader(text) === normaliseHeader(value) && normaliseHeader(value) !== '');
    const column = byHeader >= 0 ? byHeader : columnIndexOf(value.trim());
    if (column === undefined) {
      problems.push(`columns.${field}: no header "${value}" in row ${headerIndex === undefined ? '(none)' : headerIndex + 1}, and it is not a column letter`);
      continue;
    }
    for (const [other, assignment] of fields) if (assignment.column === column && other !== field) fields.delete(other);
    fields.set(field, {
      column,
      letter: columnLetter(column),
      header: (headerCells[column] ?? '').trim(),
      confidence: 1,
      evidence: [`given as columns.${field}: "${value}"`],
    });
  }
  return { mapping: ruleMapping(sheet, headerIndex, fields, true), problems };
}

/**
 * The row (within the first 30) holding most of the given header texts; for letters only, the
 * header row the synonyms find, or undefined when there is none; null when named headers are
 * nowhere in the sheet.
 */
function headerRowOf(sheet: SheetGrid, values: readonly string[]): number | undefined | null {
  const wanted = new Set(values.map(normaliseHeader));
  let best: { row: number; hits: number } | undefined;
  for (let row = 0; row < Math.min(sheet.rows.length, 30); row++) {
    const cells = sheet.rows[row]!;
    if (isBlankRow(cells)) continue;
    const hits = cells.filter((text) => wanted.has(normaliseHeader(text))).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { row, hits };
  }
  if (best) return best.row;
  if (!values.every((value) => columnIndexOf(value.trim()) !== undefined)) return null;
  // Letters only: the header row, if the sheet has one, is still found from its synonyms.
  const detected = detectColumns(sheet);
  return detected !== undefined && detected.headerRow > 0 ? detected.headerRow - 1 : undefined;
}
