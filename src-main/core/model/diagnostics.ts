export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/**
 * Something a parser wants the engineer to see. Messages never carry secrets from the
 * configuration: they end up in reports handed to the customer.
 */
export interface Diagnostic {
  /** 1-based line (or spreadsheet row) the message is about; 0 when it is about the whole file. */
  line: number;
  severity: DiagnosticSeverity;
  /** For a spreadsheet, starts with the cell ("Policies!D14: ...") so it reads on its own. */
  message: string;
  /** Spreadsheet sources: the sheet the message is about. */
  sheet?: string;
  /** Spreadsheet sources: the cell as the program names it, e.g. "Policies!D14". */
  cell?: string;
}

/** Every line of the source is counted in exactly one bucket: nothing is dropped quietly. */
export interface ParseStats {
  lines: number;
  blank: number;
  /** Turned into model data (or deliberately recorded as having no effect on filtering). */
  understood: number;
  /** Known commands that do not affect which traffic passes (logging, AAA, crypto, ...). */
  ignored: number;
  /** Reported as a diagnostic. */
  notUnderstood: number;
}

export function emptyStats(): ParseStats {
  return { lines: 0, blank: 0, understood: 0, ignored: 0, notUnderstood: 0 };
}
