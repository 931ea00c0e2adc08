import { cidrRun, parseAddressList, plainIpv4Block, rangeRun, type AddressRun } from './address-text';
import { discontiguousMaskRanges } from './discontiguous-mask';
import { cidrCover, exactCidrLength } from './cidr';
import { IntervalSet } from './interval-set';
import { Ipv4Set } from './ipv4-set';
import {
  AddressParseError,
  FAMILY_BITS,
  FAMILY_MAX,
  formatIpAddress,
  parseIpAddress,
  type IpFamily,
} from './ip-address';

export { AddressParseError, type IpFamily };

const ALL_V6 = IntervalSet.of(0n, FAMILY_MAX.ipv6);

/**
 * Immutable set of IPv4 and IPv6 addresses. The two families are separate number lines:
 * an IPv4 address never equals an IPv6 one, IPv4-mapped IPv6 addresses included. IPv4 is
 * kept as numbers (Ipv4Set), IPv6 as bigints.
 */
export class AddressSet {
  private static readonly EMPTY = new AddressSet(Ipv4Set.empty(), IntervalSet.empty());
  private static readonly ANY = new AddressSet(Ipv4Set.all(), ALL_V6);
  private static readonly ANY_V4 = new AddressSet(Ipv4Set.all(), IntervalSet.empty());
  private static readonly ANY_V6 = new AddressSet(Ipv4Set.empty(), ALL_V6);

  private constructor(
    private readonly v4Part: Ipv4Set,
    private readonly v6Part: IntervalSet,
  ) {}

  static empty(): AddressSet {
    return AddressSet.EMPTY;
  }

  static any(): AddressSet {
    return AddressSet.ANY;
  }

  static anyV4(): AddressSet {
    return AddressSet.ANY_V4;
  }

  static anyV6(): AddressSet {
    return AddressSet.ANY_V6;
  }

  /**
   * Reads a comma-separated list of hosts, CIDRs (host bits ignored), ranges "a-b",
   * "address dotted-mask" pairs, any/any4/any6 and, alone, "none".
   */
  static parse(text: string): AddressSet {
    const block = plainIpv4Block(text);
    if (block !== undefined) return AddressSet.wrap(Ipv4Set.range(block.low, block.high), IntervalSet.empty());
    return AddressSet.fromRuns(parseAddressList(text));
  }

  static fromCidr(address: string, prefixLength: number): AddressSet {
    const parsed = parseIpAddress(address);
    return AddressSet.fromRuns([cidrRun(parsed.family, parsed.value, prefixLength, `${address}/${prefixLength}`)]);
  }

  /**
   * `address mask` with a mask whose one bits are not contiguous (Cisco wildcards in reverse), as
   * the separate ranges it stands for; undefined when the pair is not one (see discontiguous-mask).
   */
  static withMaskHoles(address: string, mask: string): AddressSet | { tooMany: number } | undefined {
    const result = discontiguousMaskRanges(address, mask);
    if (result === undefined || 'tooMany' in result) return result;
    return AddressSet.wrap(Ipv4Set.fromRanges(result.ranges), IntervalSet.empty());
  }

  static fromRange(low: string, high: string): AddressSet {
    return AddressSet.fromRuns([rangeRun(low.trim(), high.trim(), `${low}-${high}`)]);
  }

  /** Builds from raw per-family sets; values outside a family's address space are rejected. */
  static fromIntervalSets(v4: IntervalSet, v6: IntervalSet): AddressSet {
    for (const [family, set] of [['ipv4', v4], ['ipv6', v6]] as const) {
      const low = set.min();
      const high = set.max();
      if ((low !== undefined && low < 0n) || (high !== undefined && high > FAMILY_MAX[family])) {
        throw new RangeError(`${family} values must lie in 0-${FAMILY_MAX[family]}`);
      }
    }
    return AddressSet.wrap(Ipv4Set.fromIntervalSet(v4), v6);
  }

  private static fromRuns(runs: readonly AddressRun[]): AddressSet {
    const v4: (readonly [number, number])[] = [];
    const v6: (readonly [bigint, bigint])[] = [];
    for (const run of runs) {
      if (run.family === 'ipv4') v4.push([Number(run.low), Number(run.high)]);
      else v6.push([run.low, run.high]);
    }
    return AddressSet.wrap(Ipv4Set.fromRanges(v4), v6.length === 0 ? IntervalSet.empty() : IntervalSet.fromIntervals(v6));
  }

  private static wrap(v4: Ipv4Set, v6: IntervalSet): AddressSet {
    if (v4.isEmpty() && v6.isEmpty()) return AddressSet.EMPTY;
    return new AddressSet(v4, v6);
  }

  /**
   * The union of many sets, merged pairwise in a balanced tree: folding one by one would copy
   * the growing result once per member, which is quadratic for groups of thousands.
   */
  static unionAll(sets: readonly AddressSet[]): AddressSet {
    if (sets.length === 0) return AddressSet.EMPTY;
    let level = sets.slice();
    while (level.length > 1) {
      const next: AddressSet[] = [];
      for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? level[i]!.union(level[i + 1]!) : level[i]!);
      level = next;
    }
    return level[0]!;
  }

  union(other: AddressSet): AddressSet {
    return this.combine(other, this.v4Part.union(other.v4Part), this.v6Part.union(other.v6Part));
  }

  intersect(other: AddressSet): AddressSet {
    return this.combine(other, this.v4Part.intersect(other.v4Part), this.v6Part.intersect(other.v6Part));
  }

  subtract(other: AddressSet): AddressSet {
    return this.combine(other, this.v4Part.subtract(other.v4Part), this.v6Part.subtract(other.v6Part));
  }

  /** Hands back an operand when nothing changed, keeping "unchanged" a cheap identity test upstream. */
  private combine(other: AddressSet, v4: Ipv4Set, v6: IntervalSet): AddressSet {
    if (v4 === this.v4Part && v6 === this.v6Part) return this;
    if (v4 === other.v4Part && v6 === other.v6Part) return other;
    return AddressSet.wrap(v4, v6);
  }

  isEmpty(): boolean {
    return this.v4Part.isEmpty() && this.v6Part.isEmpty();
  }

  isSubsetOf(other: AddressSet): boolean {
    return this.v4Part.isSubsetOf(other.v4Part) && this.v6Part.isSubsetOf(other.v6Part);
  }

  equals(other: AddressSet): boolean {
    return this.v4Part.equals(other.v4Part) && this.v6Part.equals(other.v6Part);
  }

  overlaps(other: AddressSet): boolean {
    return this.v4Part.overlaps(other.v4Part) || this.v6Part.overlaps(other.v6Part);
  }

  /** Throws AddressParseError when address is not a single IPv4 or IPv6 address. */
  contains(address: string): boolean {
    const parsed = parseIpAddress(address.trim());
    return this.family(parsed.family).has(parsed.value);
  }

  size(): { v4: bigint; v6: bigint } {
    return { v4: BigInt(this.v4Part.size()), v6: this.v6Part.size() };
  }

  /** Exactly one address, of either family: a host. */
  isOneAddress(): boolean {
    const { v4, v6 } = this.size();
    return v4 + v6 === 1n;
  }

  isAnyV4(): boolean {
    return this.v4Part.isAll();
  }

  isAnyV6(): boolean {
    return this.v6Part.equals(ALL_V6);
  }

  v4(): IntervalSet {
    return this.v4Part.toIntervalSet();
  }

  /** The IPv4 part as numbers: what hot paths (bounds, hashing) should read. */
  v4Numbers(): Ipv4Set {
    return this.v4Part;
  }

  v6(): IntervalSet {
    return this.v6Part;
  }

  family(family: IpFamily): IntervalSet {
    return family === 'ipv4' ? this.v4Part.toIntervalSet() : this.v6Part;
  }

  /** Intervals for printing; IPv4 is converted interval by interval, without building a bigint set. */
  private *intervalsOf(family: IpFamily): Generator<readonly [bigint, bigint]> {
    if (family === 'ipv6') yield* this.v6Part.intervals();
    else for (const [low, high] of this.v4Part.ranges()) yield [BigInt(low), BigInt(high)];
  }

  /** Fewest CIDR blocks that cover the set exactly, IPv4 first, each with its prefix length. */
  toCidrs(): string[] {
    const cidrs: string[] = [];
    for (const family of ['ipv4', 'ipv6'] as const) {
      for (const [low, high] of this.intervalsOf(family)) {
        for (const block of cidrCover(low, high, FAMILY_BITS[family])) {
          cidrs.push(`${formatIpAddress(family, block.network)}/${block.length}`);
        }
      }
    }
    return cidrs;
  }

  /** "any", "any4", "any6", else items like "10.0.0.1,10.0.0.0/24,10.30.0.10-10.30.0.99"; "none" when empty. */
  toString(): string {
    return this.describe(Number.POSITIVE_INFINITY);
  }

  /**
   * toString() cut after `limit` items, saying how many more there are ("... and 412 more"). A
   * set cut out of large groups can run to thousands of ranges: a sentence about it needs the
   * first few and the count, and printing the rest costs more than the whole finding.
   */
  toShortString(limit: number): string {
    return this.describe(limit);
  }

  private describe(limit: number): string {
    if (this.isEmpty()) return 'none';
    if (this.isAnyV4() && this.isAnyV6()) return 'any';
    const items: string[] = [];
    let total = 0;
    for (const family of ['ipv4', 'ipv6'] as const) {
      if (family === 'ipv4' ? this.v4Part.isAll() : this.v6Part.equals(ALL_V6)) {
        total += 1;
        if (items.length < limit) items.push(family === 'ipv4' ? 'any4' : 'any6');
        continue;
      }
      if (family === 'ipv4') {
        total += this.v4Part.rangeCount();
        // Range by range, so a short description reads only the ranges it prints.
        this.v4Part.forEachRange((low, high) => {
          if (items.length >= limit) return false;
          items.push(formatRun(family, BigInt(low), BigInt(high)));
          return true;
        });
      } else {
        total += this.v6Part.intervalCount();
        for (const [low, high] of this.v6Part.intervals()) {
          if (items.length >= limit) break;
          items.push(formatRun(family, low, high));
        }
      }
    }
    const more = total - items.length;
    return more === 0 ? items.join(',') : `${items.join(',')} and ${GROUPED.format(more)} more`;
  }
}

const GROUPED = new Intl.NumberFormat('en-US');

function formatRun(family: IpFamily, low: bigint, high: bigint): string {
  if (low === high) return formatIpAddress(family, low);
  const length = exactCidrLength(low, high, FAMILY_BITS[family]);
  if (length !== undefined) return `${formatIpAddress(family, low)}/${length}`;
  return `${formatIpAddress(family, low)}-${formatIpAddress(family, high)}`;
}
