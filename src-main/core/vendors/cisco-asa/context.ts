import type { Diagnostic, DiagnosticSeverity, ParseStats, TextSourceRef } from '../../model/index';
import type { ConfigCommand, ConfigLine, LineCounts } from './lines';
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

  isIgnored(line: ConfigLine): boolean {
    return this.outcomes[line.number] === 'ignored';
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

  /** Lines of a command its handler did not claim are reported once it has been read, so nothing is dropped quietly. */
  settle(command: ConfigCommand): void {
    if (this.outcomes[command.head.number] === undefined) this.notUnderstood(command.head);
    for (const child of command.children) if (this.outcomes[child.number] === undefined) this.notUnderstood(child);
  }

  /** Counts every line by its final outcome; blank lines have none. */
  finish(counts: LineCounts): { diagnostics: Diagnostic[]; stats: ParseStats } {
    const stats: ParseStats = { lines: counts.lines, blank: counts.blank, understood: 0, ignored: 0, notUnderstood: 0 };
    for (let number = 1; number <= counts.lines; number++) {
      const outcome = this.outcomes[number];
      if (outcome === 'understood') stats.understood++;
      else if (outcome === 'ignored') stats.ignored++;
      else if (outcome === 'not-understood') stats.notUnderstood++;
    }
    const diagnostics = [...this.diagnostics].sort((a, b) => a.line - b.line);
    return { diagnostics, stats };
  }
}
