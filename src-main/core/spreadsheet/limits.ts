/**
 * How large a rule export may be. A spreadsheet comes from the customer and is opened on the
 * engineer's laptop, often offline and in a hurry: a damaged or hostile file must be refused
 * in a second with a sentence that names the limit, not fill the memory for minutes.
 */
export interface SpreadsheetLimits {
  /** The file as it lies on disk. */
  fileBytes: number;
  /** Rows of one sheet (the largest real policy exports have a few tens of thousands). */
  rows: number;
  /** Cells of the whole workbook, empty ones inside a row included. */
  cells: number;
  sheets: number;
  /** Everything the xlsx zip declares it unpacks to. */
  uncompressedBytes: number;
  /** Entries in the xlsx zip. */
  zipEntries: number;
  /**
   * Unpacked size over packed size of one zip entry above `ratioFloorBytes`. Sheet XML packs
   * 5-30 times; zip bombs pack thousands of times.
   */
  compressionRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_LIMITS: Readonly<SpreadsheetLimits> = Object.freeze({
  fileBytes: 32 * 1024 * 1024,
  rows: 200_000,
  cells: 5_000_000,
  sheets: 100,
  uncompressedBytes: 256 * 1024 * 1024,
  zipEntries: 10_000,
  compressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
});

/** A whole file refused: too large, a zip bomb, encrypted, or not a spreadsheet at all. */
export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
}

const count = (value: number): string => value.toLocaleString('en-US');

/** "rules.xlsx: 250,001 rows in sheet Policies, more than the limit of 200,000 rows". */
export function limitError(file: string, what: string, actual: number, limit: number, unit: string): SpreadsheetError {
  return new SpreadsheetError(`${file}: ${count(actual)} ${unit}${what ? ` ${what}` : ''}, more than the limit of ${count(limit)} ${unit}; refused`);
}
