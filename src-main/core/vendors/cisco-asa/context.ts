import type { Diagnostic, DiagnosticSeverity, ParseStats, TextSourceRef } from '../../model/index';
import type { ConfigLine } from './lines';
import { redactSecrets } from './secrets';

type Outcome = 'understood' | 'ignored' | 'not-understood';

/**
 * Collects diagnostics and what became of every line. A line's outcome can be revised
 * (an access-list line read in the first pass may turn out malformed in the second); the
 * stats count each line once, by its final outcome.
 */
export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];
  // Indexed by line number: a plain array is far cheaper than a Map for ~100k small integers.
  private readonly outcomes: (Outcome | undefined)[] = [];

  constructor(readonly file: string) {}

  ref(line: ConfigLine): TextSourceRef {
    return { file: this.file, line: line.number, text: line.text };
  }

  understood(line: ConfigLine): void {
    this.outcomes[line.number] = 'understood';
  }

  ignored(line: ConfigLine): void {
    this.outcomes[line.number] = 'ignored';
  }

  /**
   * Reports the line as not understood, quoting it with any credential removed. `quiet` counts
   * it without its own warning, for lines inside a block whose first line was reported.
   */
  notUnderstood(line: ConfigLine, why?: string, { quiet = false } = {}): void {
    this.outcomes[line.number] = 'not-understood';
    if (quiet) return;
    const quoted = redactSecrets(line.text);
    this.report(line.number, 'warning', why ? `not understood (${why}): ${quoted}` : `not understood: ${quoted}`);
  }

  report(line: number, severity: DiagnosticSeverity, message: string): void {
    this.diagnostics.push({ line, severity, message });
  }

  /** Lines no handler claimed are reported here, so nothing is dropped quietly. */
  finish(lines: readonly ConfigLine[]): { diagnostics: Diagnostic[]; stats: ParseStats } {
    const stats: ParseStats = { lines: lines.length, blank: 0, understood: 0, ignored: 0, notUnderstood: 0 };
    // Index loops: these run once over ~100k lines, before the optimiser would unroll an iterator.
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.blank) {
        stats.blank++;
        continue;
      }
      const outcome = this.outcomes[line.number];
      if (outcome === undefined) this.notUnderstood(line);
      if (outcome === 'understood') stats.understood++;
      else if (outcome === 'ignored') stats.ignored++;
      else stats.notUnderstood++;
    }
    const diagnostics = [...this.diagnostics].sort((a, b) => a.line - b.line);
    return { diagnostics, stats };
  }
}
