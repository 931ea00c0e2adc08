import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalSet, PortSet } from '../../../src-main/core/net/index';

/*
 * Set operations skip ahead in the longer operand (a host against a group of thousands of
 * ranges) instead of walking it. These checks put a short set against a long one, on both
 * sides, and compare every answer with a value-by-value model: the skips must land exactly.
 */

const SPAN = 1200;
const range = (maxWidth: number) =>
  fc.tuple(fc.integer({ min: 0, max: SPAN - 1 }), fc.integer({ min: 0, max: maxWidth })).map(([low, width]) => [low, Math.min(low + width, SPAN - 1)] as const);
const longList = fc.array(range(6), { minLength: 20, maxLength: 160 });
const shortList = fc.array(range(40), { minLength: 1, maxLength: 4 });

function members(ranges: readonly (readonly [number, number])[]): Set<number> {
  const values = new Set<number>();
  for (const [low, high] of ranges) for (let value = low; value <= high; value++) values.add(value);
  return values;
}

function expected(a: Set<number>, b: Set<number>) {
  const inA = [...a].sort((x, y) => x - y);
  return {
    overlaps: inA.some((value) => b.has(value)),
    subset: inA.every((value) => b.has(value)),
    intersect: inA.filter((value) => b.has(value)),
    subtract: inA.filter((value) => !b.has(value)),
  };
}

/** What each kind of set offers these checks, and how its members are listed. */
interface SetKind<S> {
  of(ranges: readonly (readonly [number, number])[]): S;
  values(set: S): number[];
}

interface Comparable<S> {
  overlaps(other: S): boolean;
  isSubsetOf(other: S): boolean;
  intersect(other: S): S;
  subtract(other: S): S;
}

function checkAgainstModel<S extends Comparable<S>>(kind: SetKind<S>, numRuns: number): void {
  fc.assert(
    fc.property(longList, shortList, fc.boolean(), (long, short, shortFirst) => {
      const [left, right] = shortFirst ? [short, long] : [long, short];
      const a = kind.of(left);
      const b = kind.of(right);
      expect({
        overlaps: a.overlaps(b),
        subset: a.isSubsetOf(b),
        intersect: kind.values(a.intersect(b)),
        subtract: kind.values(a.subtract(b)),
      }).toEqual(expected(members(left), members(right)));
    }),
    { numRuns },
  );
}

const ports: SetKind<PortSet> = {
  of: (ranges) => PortSet.fromRanges(ranges),
  values: (set) => set.ranges().flatMap(([low, high]) => Array.from({ length: high - low + 1 }, (_, i) => low + i)),
};

const intervals: SetKind<IntervalSet> = {
  of: (ranges) => IntervalSet.fromIntervals(ranges.map(([low, high]) => [BigInt(low), BigInt(high)] as const)),
  values: (set) => set.intervals().flatMap(([low, high]) => Array.from({ length: Number(high - low) + 1 }, (_, i) => Number(low) + i)),
};

describe('a short set against a long one', () => {
  it('ports (number sets) answer as a value-by-value check does, either side long', () => checkAgainstModel(ports, 2000));

  it('interval sets (bigint bounds) answer as a value-by-value check does, either side long', () => checkAgainstModel(intervals, 1000));
});
