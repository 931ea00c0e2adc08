import type { RuleReference } from '../engine/audit-result';
import type { Excerpt } from './view-schema';

export type LineMark = 'permit' | 'deny' | 'inactive';

const CONTEXT_LINES = 3;
const MAX_EXCERPT_LINES = 400;

// A deny outranks a permit on the same line, and either outranks an inactive match.
const RANK: Record<LineMark, number> = { deny: 3, permit: 2, inactive: 1 };

/** Marks for the lines that decided, from rule references; spreadsheet rows have no lines. */
export function lineMarks(decided: readonly { rule: RuleReference; mark: LineMark }[]): Map<number, LineMark> {
  const marks = new Map<number, LineMark>();
  for (const { rule, mark } of decided) {
    if (rule.line === undefined) continue;
    const earlier = marks.get(rule.line);
    if (!earlier || RANK[mark] > RANK[earlier]) marks.set(rule.line, mark);
  }
  return marks;
}

/**
 * The configuration around the marked lines, as the engineer wrote it: a few lines either
 * side of each, neighbouring windows merged, so the deciding lines read in their context
 * (remarks above an ACE, the rest of its list).
 */
export function excerptsAround(text: string, marks: ReadonlyMap<number, LineMark>, context = CONTEXT_LINES): Excerpt[] {
  if (marks.size === 0) return [];
  const lines = text.split(/\r?\n/);
  const numbers = [...marks.keys()].filter((line) => line >= 1 && line <= lines.length).sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (const line of numbers) {
    const from = Math.max(1, line - context);
    const to = Math.min(lines.length, line + context);
    const last = windows[windows.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  const excerpts: Excerpt[] = [];
  let shown = 0;
  for (const [from, to] of windows) {
    if (shown >= MAX_EXCERPT_LINES) break;
    const end = Math.min(to, from + MAX_EXCERPT_LINES - shown - 1);
    const excerptLines = [];
    for (let number = from; number <= end; number++) {
      const mark = marks.get(number);
      excerptLines.push({ number, text: lines[number - 1] ?? '', ...(mark && { mark }) });
    }
    shown += excerptLines.length;
    excerpts.push({ lines: excerptLines });
  }
  return excerpts;
}
