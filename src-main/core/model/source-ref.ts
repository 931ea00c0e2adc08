/**
 * Where something came from, so every verdict can point at the line (or spreadsheet row) the
 * customer wrote. `text` is kept verbatim: reports quote it back to the people who wrote it.
 * Each form declares the other's fields as absent, so `ref.line` reads without narrowing.
 */
export type SourceRef = TextSourceRef | SheetSourceRef;

export interface TextSourceRef {
  file: string;
  /** 1-based, as an editor shows it. */
  line: number;
  text: string;
  sheet?: undefined;
  row?: undefined;
}

export interface SheetSourceRef {
  file: string;
  sheet: string;
  /** The row number as the spreadsheet program shows it. */
  row: number;
  /** The row's cells joined as the user sees them. */
  text: string;
  line?: undefined;
}

export function isSheetRef(ref: SourceRef): ref is SheetSourceRef {
  return ref.sheet !== undefined;
}

/** "fw01.txt:12" or "rules.xlsx [Policies] row 14", for messages a person reads. */
export function describeRef(ref: SourceRef): string {
  return isSheetRef(ref) ? `${ref.file} [${ref.sheet}] row ${ref.row}` : `${ref.file}:${ref.line}`;
}

/** "line 12" or "Policies row 14": where in its file a reference points, for sentences. */
export function placeInFile(ref: SourceRef): string {
  return isSheetRef(ref) ? `${ref.sheet} row ${ref.row}` : `line ${ref.line}`;
}
