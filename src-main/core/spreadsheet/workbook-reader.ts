import * as XLSX from 'xlsx';
import { type CellRange, type ReadNotice, type SheetGrid, type WorkbookGrid } from './grid';
import { limitError, SpreadsheetError, type SpreadsheetLimits } from './limits';

/**
 * Options that keep SheetJS to reading. Formulas are never evaluated (SheetJS has no
 * evaluator, and `cellFormula: false` drops their text): a formula cell counts by its cached
 * value, which is what the program showed when the file was saved. Rich-text HTML is not
 * built. Styles are read only because hidden rows and columns live there.
 */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellFormula: false,
  cellHTML: false,
  cellNF: false,
  cellDates: false,
  cellStyles: true,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
  WTF: false,
};

/** An .xlsx (already checked by the zip guard) or .xls workbook as grids of cell text. */
export function readWorkbook(bytes: Uint8Array, file: string, format: 'xlsx' | 'xls', limits: SpreadsheetLimits): WorkbookGrid {
  let workbook: XLSX.WorkBook;
  try {
    // One row past the limit is read, so a sheet that reaches it can be told from one that fits.
    workbook = XLSX.read(bytes, { ...READ_OPTIONS, sheetRows: limits.rows + 1 });
  } catch (error) {
    const message = (error as Error).message;
    if (/password|encrypt/i.test(message)) throw new SpreadsheetError(`${file}: the workbook is password-protected; save an unprotected copy and import that`);
    throw new SpreadsheetError(`${file}: cannot be read as a ${format} workbook (${message})`);
  }
  if (workbook.SheetNames.length > limits.sheets) throw limitError(file, '', workbook.SheetNames.length, limits.sheets, 'sheets');
  const notices: ReadNotice[] = [];
  const budget = { cells: 0 };
  const sheets = workbook.SheetNames.flatMap((name, index) => {
    const sheet = workbook.Sheets[name];
    if (sheet === undefined || sheet['!type'] === 'chart') return [];
    const hidden = (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
    return [readSheet(sheet, name, hidden, { file, limits, budget, notices })];
  });
  return { file, format, sheets, notices };
}

interface SheetReading {
  file: string;
  limits: SpreadsheetLimits;
  budget: { cells: number };
  notices: ReadNotice[];
}

function readSheet(sheet: XLSX.WorkSheet, name: string, hidden: boolean, reading: SheetReading): SheetGrid {
  const { file, limits, budget, notices } = reading;
  const fullRows = rowsOfRange(sheet['!fullref'] as string | undefined);
  if (fullRows !== undefined && fullRows > limits.rows) throw limitError(file, `in sheet ${name}`, fullRows, limits.rows, 'rows');
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: string[][] = [];
  for (let r = 0; r < data.length; r++) {
    const cells = data[r] ?? [];
    budget.cells += cells.length;
    if (budget.cells > limits.cells) throw limitError(file, '', budget.cells, limits.cells, 'cells');
    rows.push(Array.from(cells, (cell, c) => textOf(cell, { sheet: name, row: r, column: c }, notices)));
  }
  return {
    name,
    rows,
    hiddenRows: hiddenIndexes(sheet['!rows']),
    hiddenColumns: hiddenIndexes(sheet['!cols']),
    merges: mergesWithin(sheet, rows, reading),
    hidden,
  };
}

/**
 * Merged ranges cut to the rows that exist. What they cover counts against the cell limit:
 * thousands of merges over a million rows each would otherwise cost what many cells do.
 */
function mergesWithin(sheet: XLSX.WorkSheet, rows: readonly string[][], { file, limits, budget }: SheetReading): CellRange[] {
  const width = rows.reduce((widest, cells) => Math.max(widest, cells.length), 0);
  return (sheet['!merges'] ?? []).flatMap((range) => {
    const merged: CellRange = { top: range.s.r, left: range.s.c, bottom: Math.min(range.e.r, rows.length - 1), right: Math.min(range.e.c, width - 1) };
    if (merged.bottom < merged.top || merged.right < merged.left) return [];
    budget.cells += (merged.bottom - merged.top + 1) * (merged.right - merged.left + 1);
    if (budget.cells > limits.cells) throw limitError(file, 'with merged ranges counted', budget.cells, limits.cells, 'cells');
    return [merged];
  });
}

function rowsOfRange(ref: string | undefined): number | undefined {
  return ref === undefined ? undefined : XLSX.utils.decode_range(ref).e.r + 1;
}

function hiddenIndexes(items: readonly ({ hidden?: boolean } | undefined | null)[] | undefined): Set<number> {
  const hidden = new Set<number>();
  (items ?? []).forEach((item, index) => {
    if (item?.hidden) hidden.add(index);
  });
  return hidden;
}

/**
 * A cell's text as the program shows it. Whole numbers are written plainly, so a port cell
 * formatted "1,050" does not read as two ports; strings are taken as stored.
 */
function textOf(cell: XLSX.CellObject | undefined, where: { sheet: string; row: number; column: number }, notices: ReadNotice[]): string {
  if (cell === undefined || cell === null) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'n':
      return typeof cell.v === 'number' && Number.isInteger(cell.v) ? String(cell.v) : (cell.w ?? String(cell.v ?? ''));
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      if (cell.v === undefined) {
        notices.push({ ...where, severity: 'info', message: 'a formula with no cached value (the file was saved without calculating it): read as empty' });
        return '';
      }
      notices.push({ ...where, severity: 'warning', message: `the cell shows the error ${cell.w ?? String(cell.v)}` });
      return cell.w ?? '';
    case 'd':
      return cell.w ?? String(cell.v ?? '');
    default:
      return '';
  }
}
