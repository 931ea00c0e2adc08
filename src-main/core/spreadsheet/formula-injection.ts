/**
 * Characters that make a spreadsheet program read a cell as a formula (or, for tab and
 * carriage return, that some programs strip before doing so). A rule name or comment from the
 * customer's export written back into a report spreadsheet as "=HYPERLINK(...)" or
 * "@SUM(...)" would run when the report is opened (CSV/formula injection).
 */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A cell's text made safe to write into an exported spreadsheet or CSV: text that a program
 * could take as a formula gets a leading apostrophe, which makes it plain text and which the
 * program does not display. Other text is returned unchanged.
 */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_STARTS.has(text[0]!) ? `'${text}` : text;
}
