/**
 * A sheet as its cells' text, the way the spreadsheet program shows it. Everything after
 * reading (header detection, rule rows, objects) works on this, whatever the file format.
 */
export interface CellRange {
  /** 0-based first and last row and column, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based; a row may be shorter than others, a missing cell is empty. */
  rows: string[][];
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<number>;
  merges: readonly CellRange[];
  /** The sheet tab itself is hidden. */
  hidden: boolean;
}

export type WorkbookFormat = 'xlsx' | 'xls' | 'csv';

export interface WorkbookGrid {
  file: string;
  format: WorkbookFormat;
  sheets: SheetGrid[];
  /** What reading noticed before any row was interpreted (encoding, formula cells, ...). */
  notices: ReadNotice[];
}

/** Something found while reading cells, said before the sheet is interpreted. */
export interface ReadNotice {
  sheet: string;
  row: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export function cellText(sheet: SheetGrid, row: number, column: number): string {
  return sheet.rows[row]?.[column] ?? '';
}

export function isBlankRow(cells: readonly string[] | undefined): boolean {
  return cells === undefined || cells.every((cell) => cell.trim() === '');
}

/** "A", "Z", "AA", ...: the column as the program labels it. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** The 0-based column of letters like "D" or "ab"; undefined when it is not a column name. */
export function columnIndexOf(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1 < 16384 ? index - 1 : undefined;
}

/** "Policies!D14", or "'Address Objects'!B3" where the program quotes the sheet name. */
export function cellName(sheet: string, row: number, column: number): string {
  return `${sheetPrefix(sheet)}!${columnLetter(column)}${row + 1}`;
}

export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
