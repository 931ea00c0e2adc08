import type { CellRange, SheetGrid } from './grid';

/**
 * Where a merged range puts its value. Only the top-left cell of a merge holds text; the
 * others read empty, which is right for a title or section label across a row, and wrong for
 * an Action cell merged down over several rules. Ranges are clamped to the sheet's rows, so a
 * merge claiming a million rows costs nothing.
 */
export class MergedCells {
  private readonly byRow = new Map<number, CellRange[]>();

  constructor(sheet: SheetGrid) {
    for (const range of sheet.merges) {
      const bottom = Math.min(range.bottom, sheet.rows.length - 1);
      for (let row = range.top + 1; row <= bottom; row++) {
        let ranges = this.byRow.get(row);
        if (!ranges) this.byRow.set(row, (ranges = []));
        ranges.push(range);
      }
    }
  }

  /** The merge a cell lies in below its first row, if any. */
  rangeBelowTop(row: number, column: number): CellRange | undefined {
    return this.byRow.get(row)?.find((range) => column >= range.left && column <= range.right);
  }

  /** The text a merged cell shows: its range's top-left cell; undefined when not merged down. */
  valueAt(sheet: SheetGrid, row: number, column: number): string | undefined {
    const range = this.rangeBelowTop(row, column);
    return range === undefined ? undefined : (sheet.rows[range.top]?.[range.left] ?? '');
  }
}
