/**
 * Merge algorithms shared by the bigint (addresses) and number (ports, protocols) sets.
 *
 * A set is a flat array [start0, end0, start1, end1, ...] of half-open intervals, sorted,
 * disjoint and never touching (end_i < start_i+1). Half-open ends keep every algorithm down to
 * comparisons, so one implementation serves both number and bigint without a "+1" per type.
 * Arrays are never mutated once returned, which lets callers share them freely.
 */
export type Bound = number | bigint;
export type Bounds<T extends Bound> = readonly T[];

/**
 * An array grown by push keeps room for 16 more elements or so: 168 bytes for a two-number
 * set. Sets read from a configuration live as long as the rules and objects that hold them,
 * tens of thousands of them, so a short one is copied to an array of its own size. Results
 * of set algebra are left as built: most are dropped soon after, and copying them too made
 * no measurable difference to a large audit.
 */
const FITTED_UP_TO = 32;

function fitted<T>(out: T[]): T[] {
  return out.length > 0 && out.length <= FITTED_UP_TO ? out.slice() : out;
}

export function unionBounds<T extends Bound>(a: Bounds<T>, b: Bounds<T>): Bounds<T> {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let start: T;
    let end: T;
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
      start = a[i]!;
      end = a[i + 1]!;
      i += 2;
    } else {
      start = b[j]!;
      end = b[j + 1]!;
      j += 2;
    }
    const last = out.length - 1;
    if (last > 0 && start <= out[last]!) {
      if (end > out[last]!) out[last] = end;
    } else {
      out.push(start, end);
    }
  }
  return out;
}

/**
 * The first interval at or after `from` (an even index) that ends after `value`, or the
 * array's length when none does. It gallops (steps of 2, 4, 8… intervals, then a binary
 * search), so a small set checked against a group of thousands of ranges costs about the
 * small set's size, not the group's; a neighbouring interval is found at the first look.
 */
function firstEndingAfter<T extends Bound>(bounds: Bounds<T>, from: number, value: T): number {
  if (from >= bounds.length || bounds[from + 1]! > value) return from;
  // From here on: bounds[low + 1] <= value, and high is the length or bounds[high + 1] > value.
  let low = from;
  let step = 2;
  let high = from + step;
  while (high < bounds.length && bounds[high + 1]! <= value) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > bounds.length) high = bounds.length;
  while (high - low > 2) {
    const middle = low + (((high - low) >> 2) << 1);
    if (bounds[middle + 1]! <= value) low = middle;
    else high = middle;
  }
  return high;
}

export function intersectBounds<T extends Bound>(a: Bounds<T>, b: Bounds<T>): Bounds<T> {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! <= b[j]!) {
      i = firstEndingAfter(a, i, b[j]!);
      continue;
    }
    if (b[j + 1]! <= a[i]!) {
      j = firstEndingAfter(b, j, a[i]!);
      continue;
    }
    const aEnd = a[i + 1]!;
    const bEnd = b[j + 1]!;
    const start = a[i]! > b[j]! ? a[i]! : b[j]!;
    const end = aEnd < bEnd ? aEnd : bEnd;
    if (start < end) out.push(start, end);
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return out;
}

export function subtractBounds<T extends Bound>(a: Bounds<T>, b: Bounds<T>): Bounds<T> {
  if (a.length === 0 || b.length === 0) return a;
  const out: T[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let cursor = a[i]!;
    const end = a[i + 1]!;
    j = firstEndingAfter(b, j, cursor);
    for (let k = j; k < b.length && b[k]! < end; k += 2) {
      if (b[k]! > cursor) out.push(cursor, b[k]!);
      if (b[k + 1]! > cursor) cursor = b[k + 1]!;
      if (cursor >= end) break;
    }
    if (cursor < end) out.push(cursor, end);
  }
  return out;
}

export function isSubsetBounds<T extends Bound>(a: Bounds<T>, b: Bounds<T>): boolean {
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    const start = a[i]!;
    j = firstEndingAfter(b, j, start);
    // b never has touching intervals, so a piece of a must sit inside a single interval of b.
    if (j >= b.length || b[j]! > start || b[j + 1]! < a[i + 1]!) return false;
  }
  return true;
}

export function overlapBounds<T extends Bound>(a: Bounds<T>, b: Bounds<T>): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! <= b[j]!) i = firstEndingAfter(a, i, b[j]!);
    else if (b[j + 1]! <= a[i]!) j = firstEndingAfter(b, j, a[i]!);
    else return true;
  }
  return false;
}

export function equalBounds<T extends Bound>(a: Bounds<T>, b: Bounds<T>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function containsBound<T extends Bound>(a: Bounds<T>, x: T): boolean {
  let low = 0;
  let high = a.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (x < a[2 * mid]!) high = mid - 1;
    else if (x >= a[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

/** Normalizes half-open [start, end) pairs given in any order; empty pairs are dropped. */
export function boundsFromPairs<T extends Bound>(pairs: readonly (readonly [T, T])[]): Bounds<T> {
  let sorted = true;
  for (let k = 1; k < pairs.length; k++) {
    if (pairs[k]![0] < pairs[k - 1]![0]) {
      sorted = false;
      break;
    }
  }
  const ordered = sorted ? pairs : [...pairs].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: T[] = [];
  for (const [start, end] of ordered) {
    if (!(start < end)) continue;
    const last = out.length - 1;
    if (last > 0 && start <= out[last]!) {
      if (end > out[last]!) out[last] = end;
    } else {
      out.push(start, end);
    }
  }
  return fitted(out);
}
