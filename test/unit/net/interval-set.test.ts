import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalSet } from '../../../src-main/core/net/index';

const UNIVERSE = 64;
const RUNS = { numRuns: 1500 };

/** Random intervals over 0..63 in any order and overlap, with the plain set they stand for. */
const modelled = fc
  .array(fc.tuple(fc.integer({ min: 0, max: UNIVERSE - 1 }), fc.integer({ min: 0, max: UNIVERSE - 1 })), { maxLength: 6 })
  .map((pairs) => {
    const intervals = pairs.map(([a, b]) => [BigInt(Math.min(a, b)), BigInt(Math.max(a, b))] as const);
    const members = new Set<number>();
    for (const [lo, hi] of intervals) for (let x = Number(lo); x <= Number(hi); x++) members.add(x);
    return { set: IntervalSet.fromIntervals(intervals), members };
  });

function expectMatchesModel(set: IntervalSet, members: ReadonlySet<number>): void {
  const list = set.intervals();
  // Normalized: sorted, disjoint and never touching (touching runs must have been merged).
  const normalized = list.every(([lo, hi], index) => lo <= hi && (index === 0 || lo > list[index - 1]![1] + 1n));
  const present: number[] = [];
  for (let x = -1; x <= UNIVERSE; x++) if (set.has(BigInt(x))) present.push(x);
  expect({ normalized, present, size: set.size(), empty: set.isEmpty() }).toEqual({
    normalized: true,
    present: [...members].sort((x, y) => x - y),
    size: BigInt(members.size),
    empty: members.size === 0,
  });
}

const union = (a: ReadonlySet<number>, b: ReadonlySet<number>) => new Set([...a, ...b]);
const intersection = (a: ReadonlySet<number>, b: ReadonlySet<number>) => new Set([...a].filter((x) => b.has(x)));
const difference = (a: ReadonlySet<number>, b: ReadonlySet<number>) => new Set([...a].filter((x) => !b.has(x)));

describe('IntervalSet examples', () => {
  it('normalizes unordered, overlapping and touching input', () => {
    const set = IntervalSet.fromIntervals([
      [20n, 30n],
      [1n, 5n],
      [6n, 8n],
      [25n, 40n],
      [50n, 50n],
    ]);
    expect(set.intervals()).toEqual([
      [1n, 8n],
      [20n, 40n],
      [50n, 50n],
    ]);
    expect(set.size()).toBe(8n + 21n + 1n);
  });

  it('subtracts a hole out of the middle and off both ends', () => {
    const set = IntervalSet.of(0n, 100n).subtract(IntervalSet.fromIntervals([[10n, 19n], [0n, 0n], [100n, 200n]]));
    expect(set.intervals()).toEqual([
      [1n, 9n],
      [20n, 99n],
    ]);
  });

  it('handles 128-bit values', () => {
    const top = (1n << 128n) - 1n;
    const set = IntervalSet.of(0n, top);
    expect(set.size()).toBe(1n << 128n);
    expect(set.subtract(IntervalSet.of(top, top)).intervals()).toEqual([[0n, top - 1n]]);
    expect(set.has(top)).toBe(true);
  });

  it('answers the relations', () => {
    const small = IntervalSet.of(5n, 6n);
    const big = IntervalSet.fromIntervals([[0n, 10n], [20n, 30n]]);
    expect(small.isSubsetOf(big)).toBe(true);
    expect(big.isSubsetOf(small)).toBe(false);
    expect(IntervalSet.of(9n, 21n).isSubsetOf(big)).toBe(false);
    expect(IntervalSet.of(11n, 19n).overlaps(big)).toBe(false);
    expect(IntervalSet.of(11n, 20n).overlaps(big)).toBe(true);
    expect(IntervalSet.empty().isSubsetOf(IntervalSet.empty())).toBe(true);
    expect(big.equals(IntervalSet.fromIntervals([[20n, 30n], [0n, 10n]]))).toBe(true);
  });

  it('reports min and max', () => {
    expect(IntervalSet.fromIntervals([[7n, 9n], [2n, 3n]]).min()).toBe(2n);
    expect(IntervalSet.fromIntervals([[7n, 9n], [2n, 3n]]).max()).toBe(9n);
    expect(IntervalSet.empty().min()).toBeUndefined();
  });

  it('rejects reversed intervals', () => {
    expect(() => IntervalSet.of(5n, 4n)).toThrow('interval 5-4 is reversed');
    expect(() => IntervalSet.fromIntervals([[1n, 0n]])).toThrow(RangeError);
  });
});

describe('IntervalSet against a plain set over 0..63', () => {
  it('builds exactly the members given', () => {
    fc.assert(
      fc.property(modelled, ({ set, members }) => expectMatchesModel(set, members)),
      RUNS,
    );
  });

  it('union, intersect and subtract match the model', () => {
    fc.assert(
      fc.property(modelled, modelled, (a, b) => {
        expectMatchesModel(a.set.union(b.set), union(a.members, b.members));
        expectMatchesModel(a.set.intersect(b.set), intersection(a.members, b.members));
        expectMatchesModel(a.set.subtract(b.set), difference(a.members, b.members));
      }),
      RUNS,
    );
  });

  it('relations match the model', () => {
    fc.assert(
      fc.property(modelled, modelled, (a, b) => {
        const subset = [...a.members].every((x) => b.members.has(x));
        expect(a.set.isSubsetOf(b.set)).toBe(subset);
        expect(a.set.equals(b.set)).toBe(subset && a.members.size === b.members.size);
        expect(a.set.overlaps(b.set)).toBe(intersection(a.members, b.members).size > 0);
      }),
      RUNS,
    );
  });

  it('obeys the distributive and De Morgan laws', () => {
    fc.assert(
      fc.property(modelled, modelled, modelled, ({ set: a }, { set: b }, { set: c }) => {
        expect(a.intersect(b.union(c)).equals(a.intersect(b).union(a.intersect(c)))).toBe(true);
        expect(a.subtract(b.union(c)).equals(a.subtract(b).intersect(a.subtract(c)))).toBe(true);
        expect(a.subtract(b.intersect(c)).equals(a.subtract(b).union(a.subtract(c)))).toBe(true);
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
      }),
      RUNS,
    );
  });
});
