import type { ParsedSource } from '../engine/load-sources';
import type { Diagnostic } from '../model/index';
import {
  columnIndexOf,
  columnLetter,
  isBlankRow,
  readSpreadsheetGrid,
  RULE_FIELDS,
  SPREADSHEET_VENDOR_ID,
  templateOf,
  type RuleColumnMapping,
  type RuleField,
  type SheetGrid,
  type WorkbookGrid,
} from '../spreadsheet/index';
import type { ProjectSource } from './project-schema';
import { parsedSourceOf } from './project-sources';
import { contentBytes } from './source-content';
import type { SheetColumnsView, SourceColumnsView, SourceView } from './view-schema';

/** Rows of the preview below the header: enough to recognise the sheet, few enough to read. */
export const PREVIEW_ROWS = 8;
/** Columns the preview and the column choices list at most (exports rarely have 40). */
const MAX_COLUMNS = 128;
/** A cell longer than this is cut in the preview (a Tufin cell can list hundreds of objects). */
const MAX_CELL_TEXT = 200;
const DIAGNOSTICS_SHOWN = 12;
const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** A column mapping the engineer gives one rules sheet: each field to a column letter. */
export interface ColumnsRequest {
  sheet: string;
  columns: Partial<Record<RuleField, string>>;
}

/** A column mapping that cannot be applied, said so the engineer can correct it. */
export class ColumnsRequestError extends Error {
  override name = 'ColumnsRequestError';
}

// The preview reads the cells again; the last few workbooks are kept, since Apply asks again at once.
const gridCache = new Map<string, WorkbookGrid>();
const MAX_CACHED_GRIDS = 2;

function gridOf(source: ProjectSource): WorkbookGrid {
  const key = `${source.sha256}\u0000${source.origin.fileName}`;
  const cached = gridCache.get(key);
  if (cached) return cached;
  const grid = readSpreadsheetGrid(contentBytes(source.content), source.origin.fileName);
  gridCache.set(key, grid);
  while (gridCache.size > MAX_CACHED_GRIDS) gridCache.delete(gridCache.keys().next().value!);
  return grid;
}

export function isRuleExport(source: Pick<ProjectSource, 'vendor'>): boolean {
  return source.vendor === SPREADSHEET_VENDOR_ID;
}

function ruleMappingsOf(parsed: ParsedSource): RuleColumnMapping[] {
  return (parsed.mappings ?? []).filter((mapping): mapping is RuleColumnMapping => mapping.kind === 'rules');
}

/**
 * The Sources card's one-line account of a rule export's columns; with no sheets when the file
 * cannot be read (with the columns given, perhaps), so the card can still take them back.
 */
export function columnSummary(source: ProjectSource, parsed: ParsedSource | undefined): SourceView['columns'] {
  if (!isRuleExport(source)) return undefined;
  return {
    givenFor: source.columns === undefined ? null : (source.columns.sheet ?? ''),
    sheets: (parsed === undefined ? [] : ruleMappingsOf(parsed)).map((mapping) => {
      const confidences = Object.values(mapping.fields).map((item) => item!.confidence);
      return { sheet: mapping.sheet, headerRow: mapping.headerRow, fields: confidences.length, lowestConfidence: confidences.length === 0 ? 0 : Math.min(...confidences) };
    }),
  };
}

/** The last column with anything in it, over the whole sheet: what a field can be given. */
function sheetWidth(sheet: SheetGrid): number {
  let width = 0;
  for (const cells of sheet.rows) {
    for (let column = cells.length - 1; column >= width; column--) {
      if (cells[column]!.trim() !== '') {
        width = column + 1;
        break;
      }
    }
  }
  return width;
}

const shown = (text: string): string => (text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text);

/** The letters of a diagnostic's cell ("'Firewall Rules'!G16" is G). */
function letterOfCell(cell: string | undefined): string | undefined {
  return cell === undefined ? undefined : /!([A-Z]{1,3})\d+$/.exec(cell)?.[1];
}

function sheetView(sheet: SheetGrid, mapping: RuleColumnMapping, parsed: ParsedSource, given: ProjectSource['columns']): SheetColumnsView {
  const width = sheetWidth(sheet);
  const listed = Math.min(width, MAX_COLUMNS);
  const headerCells = mapping.headerRow > 0 ? (sheet.rows[mapping.headerRow - 1] ?? []) : [];
  // A mapping without a sheet (a site file's `columns:`) is for every sheet it fits, as the reader takes it.
  const givenHere = given !== undefined && (given.sheet === undefined || given.sheet.toLowerCase() === mapping.sheet.toLowerCase());
  const dataRows: number[] = [];
  for (let row = mapping.headerRow; row < sheet.rows.length; row++) if (!isBlankRow(sheet.rows[row])) dataRows.push(row);
  const problemsAt = (row: number) =>
    parsed.firewall.diagnostics
      .filter((item) => item.sheet === sheet.name && item.line === row + 1)
      .slice(0, 3)
      .map((item) => ({ severity: item.severity, message: item.message, ...(letterOfCell(item.cell) !== undefined && { letter: letterOfCell(item.cell)! }) }));
  return {
    sheet: mapping.sheet,
    headerRow: mapping.headerRow,
    style: mapping.style,
    columns: Array.from({ length: listed }, (_, column) => ({ letter: columnLetter(column), header: shown((headerCells[column] ?? '').trim()), hidden: sheet.hiddenColumns.has(column) })),
    moreColumns: width - listed,
    fields: RULE_FIELDS.flatMap((field) => {
      const assignment = mapping.fields[field];
      if (!assignment) return [];
      const isGiven = givenHere && given[field] !== undefined && assignment.confidence >= 1;
      return [{ field, letter: assignment.letter, header: assignment.header, confidence: assignment.confidence, evidence: assignment.evidence, given: isGiven }];
    }),
    conditions: mapping.conditions.map((item) => ({ letter: item.letter, header: item.header, condition: item.condition })),
    preview: dataRows.slice(0, PREVIEW_ROWS).map((row) => ({
      row: row + 1,
      cells: Array.from({ length: listed }, (_, column) => shown(sheet.rows[row]![column] ?? '')),
      hidden: sheet.hiddenRows.has(row),
      problems: problemsAt(row),
    })),
    dataRows: dataRows.length,
    rules: parsed.firewall.ruleLists.find((list) => list.name === mapping.sheet)?.rules.length ?? 0,
    template: templateOf(mapping),
  };
}

function firstDiagnostics(diagnostics: readonly Diagnostic[]): SourceColumnsView['diagnostics'] {
  return [...diagnostics]
    .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3))
    .slice(0, DIAGNOSTICS_SHOWN)
    .map(({ line, severity, message, cell, sheet }) => ({ line, severity, message, ...(cell !== undefined && { cell }), ...(sheet !== undefined && { sheet }) }));
}

/**
 * A rule export as the Columns panel shows it: per rules sheet the mapping (field, column,
 * header, confidence and the reader's evidence), the first rows as the sheet shows them, and
 * for the file the row counts and the first diagnostics with their cells.
 */
export function sourceColumnsView(source: ProjectSource): SourceColumnsView {
  if (!isRuleExport(source)) throw new ColumnsRequestError(`${source.name} is read as a configuration, not a rule export: it has no columns to map`);
  const parsed = parsedSourceOf(source);
  const grid = gridOf(source);
  const { stats, diagnostics } = parsed.firewall;
  return {
    sourceId: source.id,
    name: source.name,
    fileName: source.origin.fileName,
    fields: [...RULE_FIELDS],
    given: source.columns ?? null,
    sheets: ruleMappingsOf(parsed).map((mapping) => sheetView(grid.sheets.find((sheet) => sheet.name === mapping.sheet)!, mapping, parsed, source.columns)),
    counts: {
      rules: parsed.firewall.ruleLists.reduce((sum, list) => sum + list.rules.length, 0),
      lines: stats.lines,
      understood: stats.understood,
      ignored: stats.ignored,
      notUnderstood: stats.notUnderstood,
      blank: stats.blank,
    },
    diagnostics: firstDiagnostics(diagnostics),
    diagnosticCount: diagnostics.length,
  };
}

/**
 * The project's form of a mapping the engineer gave (the site file's `columns:`: fields to
 * letters, with the sheet and its header row), checked against the sheet: a rules sheet of
 * this file, columns that exist, no column given two meanings.
 */
export function columnsRecordOf(source: ProjectSource, request: ColumnsRequest): Record<string, string> {
  if (!isRuleExport(source)) throw new ColumnsRequestError(`${source.name} is read as a configuration, not a rule export: it has no columns to map`);
  const mappings = ruleMappingsOf(parsedSourceOf(source));
  const mapping = mappings.find((item) => item.sheet === request.sheet);
  if (!mapping) {
    throw new ColumnsRequestError(`"${request.sheet}" is not a rules sheet of ${source.origin.fileName} (rules sheets: ${mappings.map((item) => item.sheet).join(', ')})`);
  }
  const sheet = gridOf(source).sheets.find((item) => item.name === mapping.sheet)!;
  const width = sheetWidth(sheet);
  const record: Record<string, string> = { sheet: mapping.sheet, headerRow: String(mapping.headerRow) };
  const taken = new Map<string, RuleField>();
  // Only the known fields are read, in the reader's order: nothing the request names becomes a key.
  for (const field of RULE_FIELDS) {
    const letter = request.columns[field];
    if (letter === undefined) continue;
    const index = columnIndexOf(letter);
    if (index === undefined || index >= width) throw new ColumnsRequestError(`${field}: column ${letter} is beyond the last filled column (${width === 0 ? 'none' : columnLetter(width - 1)}) of sheet ${mapping.sheet}`);
    const other = taken.get(letter);
    if (other !== undefined) throw new ColumnsRequestError(`${other} and ${field} are both given column ${letter}: a column can mean one thing`);
    taken.set(letter, field);
    record[field] = letter;
  }
  if (taken.size === 0) throw new ColumnsRequestError('give at least one field a column, or go back to the detected columns');
  return record;
}
