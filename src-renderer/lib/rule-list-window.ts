/**
 * The arithmetic of a virtualised list of fixed-height rows: which rows are worth putting in
 * the DOM for a scroll position, where the selection goes on a key, and how far to scroll to
 * show it. Pure, so the list component does no per-row work of its own.
 */

/** Rows from `first` (inclusive) to `last` (exclusive). */
export interface RowRange {
  first: number;
  last: number;
}

/** The rows in view plus `overscan` either side, so a small scroll shows rows already there. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan: number): RowRange {
  if (total <= 0) return { first: 0, last: 0 };
  const top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const bottom = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  return { first: Math.max(0, Math.min(top, total - 1) - overscan), last: Math.min(total, bottom + overscan) };
}

export type ListKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

export function isListKey(key: string): key is ListKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'PageDown' || key === 'PageUp' || key === 'Home' || key === 'End';
}

/** Where a key moves the selection; with nothing selected yet, any key starts at the top. */
export function movedSelection(key: ListKey, current: number | undefined, total: number, rowsPerPage: number): number | undefined {
  if (total <= 0) return undefined;
  if (current === undefined) return key === 'End' ? total - 1 : 0;
  const step = Math.max(1, rowsPerPage - 1);
  const next = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + step, PageUp: current - step, Home: 0, End: total - 1 }[key];
  return Math.max(0, Math.min(total - 1, next));
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return Math.max(0, top + rowHeight - viewportHeight);
  return scrollTop;
}
