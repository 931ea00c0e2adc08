/** One line of the bench's table: a figure beside the baseline measured in the same run. */
export interface Figure {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  /** Undefined when the figure has no target. */
  met?: boolean;
}

const HEADINGS = ['measure', 'value', 'baseline', 'ratio', 'target', 'met?'];

export function formatFigures(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [figure.measure, figure.value, figure.baseline, figure.ratio, figure.target, figure.met === undefined ? '' : figure.met ? 'yes' : 'NO']);
  const widths = HEADINGS.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(HEADINGS), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const times = (ratio: number): string => `${ratio.toFixed(ratio < 10 ? 2 : 0)}×`;
export const perSecond = (count: number, milliseconds: number): number => (count * 1000) / milliseconds;
