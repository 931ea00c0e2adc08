import {
  boundsFromPairs,
  containsBound,
  equalBounds,
  intersectBounds,
  isSubsetBounds,
  overlapBounds,
  subtractBounds,
  unionBounds,
  type Bounds,
} from './sorted-bounds';

export type ClosedInterval = readonly [bigint, bigint];

/** Immutable set of bigints stored as sorted, disjoint, non-adjacent closed intervals. */
export class IntervalSet {
  private static readonly EMPTY = new IntervalSet([]);
  private cachedIntervals: readonly ClosedInterval[] | undefined;

  /** Half-open bounds; see sorted-bounds.ts. */
  private constructor(private readonly bounds: Bounds<bigint>) {}

  static empty(): IntervalSet {
    return IntervalSet.EMPTY;
  }

  static of(lo: bigint, hi: bigint): IntervalSet {
    checkInterval(lo, hi);
    return new IntervalSet([lo, hi + 1n]);
  }

  /** Accepts intervals in any order, overlapping or touching. */
  static fromIntervals(list: Iterable<readonly [bigint, bigint]>): IntervalSet {
    const pairs: (readonly [bigint, bigint])[] = [];
    for (const [lo, hi] of list) {
      checkInterval(lo, hi);
      pairs.push([lo, hi + 1n]);
    }
    return IntervalSet.wrap(boundsFromPairs(pairs));
  }

  private static wrap(bounds: Bounds<bigint>): IntervalSet {
    return bounds.length === 0 ? IntervalSet.EMPTY : new IntervalSet(bounds);
  }

  union(other: IntervalSet): IntervalSet {
    return this.result(unionBounds(this.bounds, other.bounds), other);
  }

  intersect(other: IntervalSet): IntervalSet {
    return this.result(intersectBounds(this.bounds, other.bounds), other);
  }

  subtract(other: IntervalSet): IntervalSet {
    return this.result(subtractBounds(this.bounds, other.bounds), other);
  }

  /** Reuses an operand when the result is identical, so callers can cheaply test "unchanged" by identity. */
  private result(bounds: Bounds<bigint>, other: IntervalSet): IntervalSet {
    if (bounds === this.bounds || equalBounds(bounds, this.bounds)) return this;
    if (bounds === other.bounds || equalBounds(bounds, other.bounds)) return other;
    return IntervalSet.wrap(bounds);
  }

  isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  isSubsetOf(other: IntervalSet): boolean {
    return isSubsetBounds(this.bounds, other.bounds);
  }

  equals(other: IntervalSet): boolean {
    return equalBounds(this.bounds, other.bounds);
  }

  overlaps(other: IntervalSet): boolean {
    return overlapBounds(this.bounds, other.bounds);
  }

  has(x: bigint): boolean {
    return containsBound(this.bounds, x);
  }

  size(): bigint {
    let total = 0n;
    for (let i = 0; i < this.bounds.length; i += 2) total += this.bounds[i + 1]! - this.bounds[i]!;
    return total;
  }

  /** Smallest member; undefined when empty. */
  min(): bigint | undefined {
    return this.bounds[0];
  }

  /** Largest member; undefined when empty. */
  max(): bigint | undefined {
    const end = this.bounds[this.bounds.length - 1];
    return end === undefined ? undefined : end - 1n;
  }

  /** How many separate intervals the set has. */
  intervalCount(): number {
    return this.bounds.length / 2;
  }

  intervals(): readonly ClosedInterval[] {
    if (this.cachedIntervals === undefined) {
      const list: ClosedInterval[] = [];
      for (let i = 0; i < this.bounds.length; i += 2) list.push([this.bounds[i]!, this.bounds[i + 1]! - 1n]);
      this.cachedIntervals = list;
    }
    return this.cachedIntervals;
  }

  /** Debug text such as "0-9,20"; not meant for end users. */
  toString(): string {
    if (this.bounds.length === 0) return 'none';
    return this.intervals()
      .map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`))
      .join(',');
  }
}

function checkInterval(lo: bigint, hi: bigint): void {
  if (typeof lo !== 'bigint' || typeof hi !== 'bigint') throw new TypeError('interval bounds must be bigint');
  if (lo > hi) throw new RangeError(`interval ${lo}-${hi} is reversed`);
}
