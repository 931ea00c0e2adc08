import {
  boundsFromPairs,
  equalBounds,
  intersectBounds,
  subtractBounds,
  unionBounds,
  type Bounds,
} from './sorted-bounds';

export type NumberRange = readonly [number, number];

/**
 * Shared body of PortSet and ProtocolSet: a set of small integers in 0..maxValue kept as
 * plain numbers, because these checks sit on the hot path and number compares beat bigint ones.
 */
export abstract class NumberRangeSet<S extends NumberRangeSet<S>> {
  private cachedRanges: readonly NumberRange[] | undefined;

  /** Half-open bounds; see sorted-bounds.ts. */
  protected constructor(
    protected readonly bounds: Bounds<number>,
    private readonly maxValue: number,
  ) {}

  protected abstract create(bounds: Bounds<number>): S;

  union(other: S): S {
    return this.result(unionBounds(this.bounds, other.bounds), other);
  }

  intersect(other: S): S {
    return this.result(intersectBounds(this.bounds, other.bounds), other);
  }

  subtract(other: S): S {
    return this.result(subtractBounds(this.bounds, other.bounds), other);
  }

  /** Reuses an operand when the result is identical, so "unchanged" can be tested by identity. */
  private result(bounds: Bounds<number>, other: S): S {
    if (equalBounds(bounds, this.bounds)) return this as unknown as S;
    if (equalBounds(bounds, other.bounds)) return other;
    return this.create(bounds);
  }

  isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  isAll(): boolean {
    return this.bounds.length === 2 && this.bounds[0] === 0 && this.bounds[1] === this.maxValue + 1;
  }

  isSubsetOf(other: S): boolean {
    return isSubsetNumbers(this.bounds, other.bounds);
  }

  equals(other: S): boolean {
    return equalBounds(this.bounds, other.bounds);
  }

  overlaps(other: S): boolean {
    return overlapNumbers(this.bounds, other.bounds);
  }

  has(value: number): boolean {
    return containsNumber(this.bounds, value);
  }

  size(): number {
    let total = 0;
    for (let i = 0; i < this.bounds.length; i += 2) total += this.bounds[i + 1]! - this.bounds[i]!;
    return total;
  }

  /** Smallest member; undefined when empty. */
  min(): number | undefined {
    return this.bounds[0];
  }

  /** Largest member; undefined when empty. */
  max(): number | undefined {
    const end = this.bounds[this.bounds.length - 1];
    return end === undefined ? undefined : end - 1;
  }

  /**
   * Visits the closed [low, high] ranges in ascending order without building a list; a visit
   * that returns false stops the walk (for scans that can answer early).
   */
  forEachRange(visit: (low: number, high: number) => boolean | void): void {
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i += 2) if (visit(bounds[i]!, bounds[i + 1]! - 1) === false) return;
  }

  /** How many separate ranges the set has. */
  rangeCount(): number {
    return this.bounds.length / 2;
  }

  /** Closed [low, high] ranges, ascending, merged. */
  ranges(): readonly NumberRange[] {
    if (this.cachedRanges === undefined) {
      const list: NumberRange[] = [];
      for (let i = 0; i < this.bounds.length; i += 2) list.push([this.bounds[i]!, this.bounds[i + 1]! - 1]);
      this.cachedRanges = list;
    }
    return this.cachedRanges;
  }
}

/** Turns checked closed ranges into normalized half-open bounds. */
export function boundsFromRanges(ranges: Iterable<NumberRange>, maxValue: number, what: string): Bounds<number> {
  const pairs: NumberRange[] = [];
  for (const [low, high] of ranges) {
    checkValue(low, maxValue, what);
    checkValue(high, maxValue, what);
    if (low > high) throw new RangeError(`${what} range ${low}-${high} is reversed`);
    pairs.push([low, high + 1]);
  }
  return boundsFromPairs(pairs);
}

function checkValue(value: number, maxValue: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > maxValue) {
    throw new RangeError(`${what} ${value} is not an integer in 0-${maxValue}`);
  }
}

/*
 * Number-only copies of the read-only checks in sorted-bounds.ts. These run on every quick
 * reject, and V8 compares small integers inline only while a call site has never seen a bigint:
 * sharing the generic versions with IntervalSet made them several times slower.
 */

function overlapNumbers(a: Bounds<number>, b: Bounds<number>): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! <= b[j]!) i = firstEndingAfterNumber(a, i, b[j]!);
    else if (b[j + 1]! <= a[i]!) j = firstEndingAfterNumber(b, j, a[i]!);
    else return true;
  }
  return false;
}

function isSubsetNumbers(a: Bounds<number>, b: Bounds<number>): boolean {
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    const start = a[i]!;
    j = firstEndingAfterNumber(b, j, start);
    if (j >= b.length || b[j]! > start || b[j + 1]! < a[i + 1]!) return false;
  }
  return true;
}

/**
 * firstEndingAfter of sorted-bounds.ts for numbers: a host against a group of thousands of
 * ranges is found by galloping, not by walking the group.
 */
function firstEndingAfterNumber(bounds: Bounds<number>, from: number, value: number): number {
  if (from >= bounds.length || bounds[from + 1]! > value) return from;
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

function containsNumber(a: Bounds<number>, x: number): boolean {
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
