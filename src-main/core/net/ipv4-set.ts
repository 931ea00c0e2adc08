import { IntervalSet } from './interval-set';
import { boundsFromRanges, NumberRangeSet, type NumberRange } from './number-range-set';
import type { Bounds } from './sorted-bounds';

export const MAX_IPV4 = 0xffffffff;

/**
 * IPv4 addresses as plain numbers: 2^32 fits a double exactly, and every rule and flow of a
 * large configuration is compared on its addresses, where number compares beat bigint ones
 * several times over and allocate nothing. IPv6 stays in bigint IntervalSets.
 */
export class Ipv4Set extends NumberRangeSet<Ipv4Set> {
  private static readonly EMPTY = new Ipv4Set([]);
  private static readonly ALL = new Ipv4Set([0, MAX_IPV4 + 1]);
  private asIntervalSet: IntervalSet | undefined;

  private constructor(bounds: Bounds<number>) {
    super(bounds, MAX_IPV4);
  }

  protected override create(bounds: Bounds<number>): Ipv4Set {
    return Ipv4Set.wrap(bounds);
  }

  private static wrap(bounds: Bounds<number>): Ipv4Set {
    if (bounds.length === 0) return Ipv4Set.EMPTY;
    if (bounds.length === 2 && bounds[0] === 0 && bounds[1] === MAX_IPV4 + 1) return Ipv4Set.ALL;
    return new Ipv4Set(bounds);
  }

  static empty(): Ipv4Set {
    return Ipv4Set.EMPTY;
  }

  static all(): Ipv4Set {
    return Ipv4Set.ALL;
  }

  /** The closed range low-high of valid addresses, as one exact-size pair of bounds. */
  static range(low: number, high: number): Ipv4Set {
    if (!(Number.isInteger(low) && Number.isInteger(high) && low >= 0 && low <= high && high <= MAX_IPV4)) {
      throw new RangeError(`IPv4 range ${low}-${high} is not within 0-${MAX_IPV4}`);
    }
    return Ipv4Set.wrap([low, high + 1]);
  }

  static fromRanges(ranges: Iterable<NumberRange>): Ipv4Set {
    return Ipv4Set.wrap(boundsFromRanges(ranges, MAX_IPV4, 'IPv4 address'));
  }

  static fromIntervalSet(set: IntervalSet): Ipv4Set {
    return Ipv4Set.fromRanges(set.intervals().map(([low, high]) => [Number(low), Number(high)] as const));
  }

  /** The same addresses as bigint intervals, for code that treats both families alike (printing, CIDR covers). */
  toIntervalSet(): IntervalSet {
    this.asIntervalSet ??= IntervalSet.fromIntervals(this.ranges().map(([low, high]) => [BigInt(low), BigInt(high)] as const));
    return this.asIntervalSet;
  }
}
