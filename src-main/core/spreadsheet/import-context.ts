import type { Diagnostic, DiagnosticSeverity, ParseStats, SheetSourceRef } from '../model/index';
import { cellName, isBlankRow, sheetPrefix, type SheetGrid, type WorkbookGrid } from './grid';

export type RowOutcome = 'understood' | 'ignored' | 'not-understood';

/**
 * Collects diagnostics and what became of every row of every sheet, so that the stats count
 * each row once (blank, understood, ignored on purpose, not understood) and a row no reader
 * claimed is reported rather than dropped.
 */
export class ImportContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly outcomes = new Map<string, RowOutcome[]>();

  constructor(readonly file: string) {}

  /** The row as the program shows it: cells joined with " | ", line breaks inside a cell as ", ". */
  ref(sheet: SheetGrid, row: number): SheetSourceRef {
    return { file: this.file, sheet: sheet.name, row: row + 1, text: rowText(sheet.rows[row] ?? []) };
  }

  atCell(sheet: string, row: number, column: number, severity: DiagnosticSeverity, message: string): void {
    const cell = cellName(sheet, row, column);
    this.diagnostics.push({ line: row + 1, severity, message: `${cell}: ${message}`, sheet, cell });
  }

  atRow(sheet: string, row: number, severity: DiagnosticSeverity, message: string): void {
    this.diagnostics.push({ line: row + 1, severity, message: `${sheetPrefix(sheet)} row ${row + 1}: ${message}`, sheet });
  }

  atSheet(sheet: string, severity: DiagnosticSeverity, message: string): void {
    this.diagnostics.push({ line: 0, severity, message: `${sheetPrefix(sheet)}: ${message}`, sheet });
  }

  atFile(severity: DiagnosticSeverity, message: string): void {
    this.diagnostics.push({ line: 0, severity, message });
  }

  outcome(sheet: string, row: number, outcome: RowOutcome): void {
    let rows = this.outcomes.get(sheet);
    if (!rows) this.outcomes.set(sheet, (rows = []));
    rows[row] = outcome;
  }

  /** Counts every row; a non-blank row nothing claimed is reported as not understood. */
  finish(workbook: WorkbookGrid): { diagnostics: Diagnostic[]; stats: ParseStats } {
    const stats: ParseStats = { lines: 0, blank: 0, understood: 0, ignored: 0, notUnderstood: 0 };
    for (const sheet of workbook.sheets) {
      const outcomes = this.outcomes.get(sheet.name) ?? [];
      sheet.rows.forEach((cells, row) => {
        stats.lines++;
        if (isBlankRow(cells)) {
          stats.blank++;
          return;
        }
        const outcome = outcomes[row];
        if (outcome === undefined) this.atRow(sheet.name, row, 'warning', `not read: ${rowText(cells)}`);
        if (outcome === 'understood') stats.understood++;
        else if (outcome === 'ignored') stats.ignored++;
        else stats.notUnderstood++;
      });
    }
    const order = new Map(workbook.sheets.map((sheet, index) => [sheet.name, index]));
    const sheetOrder = (item: Diagnostic) => (item.sheet === undefined ? -1 : (order.get(item.sheet) ?? -1));
    const diagnostics = [...this.diagnostics].sort((a, b) => sheetOrder(a) - sheetOrder(b) || a.line - b.line);
    return { diagnostics, stats };
  }
}

export function rowText(cells: readonly string[]): string {
  let last = cells.length - 1;
  while (last >= 0 && cells[last]!.trim() === '') last--;
  return cells
    .slice(0, last + 1)
    .map((cell) => cell.trim().replace(/\s*[\r\n]+\s*/g, ', '))
    .join(' | ');
}
