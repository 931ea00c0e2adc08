import { boundsFromRanges, NumberRangeSet } from './number-range-set';
import type { Bounds } from './sorted-bounds';

export const ICMP = 1;
export const TCP = 6;
export const UDP = 17;
export const ICMP6 = 58;

const MAX_PROTOCOL = 255;

const NAME_BY_NUMBER: ReadonlyMap<number, string> = new Map([
  [1, 'icmp'],
  [2, 'igmp'],
  [6, 'tcp'],
  [17, 'udp'],
  [47, 'gre'],
  [50, 'esp'],
  [51, 'ah'],
  [58, 'icmp6'],
  [88, 'eigrp'],
  [89, 'ospf'],
  [103, 'pim'],
  [132, 'sctp'],
]);

const NUMBER_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...[...NAME_BY_NUMBER].map(([number, name]) => [name, number] as const),
  // Spellings vendors use for ICMP over IPv6.
  ['icmpv6', ICMP6],
  ['ipv6-icmp', ICMP6],
]);

/** Protocol text that is neither a known name nor a number 0-255. */
export class ProtocolParseError extends Error {
  override name = 'ProtocolParseError';
}

/**
 * One IP protocol from its name or number. "ip" is refused because it means every protocol,
 * which callers express as ProtocolSet.all().
 */
export function parseProtocol(name: string): number {
  const text = name.trim().toLowerCase();
  if (/^\d{1,3}$/.test(text) && Number(text) <= MAX_PROTOCOL) return Number(text);
  const known = NUMBER_BY_NAME.get(text);
  if (known !== undefined) return known;
  if (text === 'ip') throw new ProtocolParseError('"ip" means every protocol, not a single one');
  throw new ProtocolParseError(`"${name}" is not a protocol name or a number 0-${MAX_PROTOCOL}`);
}

/** Immutable set of IP protocol numbers 0-255. */
export class ProtocolSet extends NumberRangeSet<ProtocolSet> {
  private static readonly EMPTY = new ProtocolSet([]);
  private static readonly ALL = new ProtocolSet([0, MAX_PROTOCOL + 1]);

  private constructor(bounds: Bounds<number>) {
    super(bounds, MAX_PROTOCOL);
  }

  protected override create(bounds: Bounds<number>): ProtocolSet {
    return ProtocolSet.wrap(bounds);
  }

  private static wrap(bounds: Bounds<number>): ProtocolSet {
    if (bounds.length === 0) return ProtocolSet.EMPTY;
    if (bounds.length === 2 && bounds[0] === 0 && bounds[1] === MAX_PROTOCOL + 1) return ProtocolSet.ALL;
    return new ProtocolSet(bounds);
  }

  static empty(): ProtocolSet {
    return ProtocolSet.EMPTY;
  }

  static all(): ProtocolSet {
    return ProtocolSet.ALL;
  }

  static of(...protocols: number[]): ProtocolSet {
    return ProtocolSet.fromRanges(protocols.map((protocol) => [protocol, protocol] as const));
  }

  static fromRanges(ranges: Iterable<readonly [number, number]>): ProtocolSet {
    return ProtocolSet.wrap(boundsFromRanges(ranges, MAX_PROTOCOL, 'protocol'));
  }

  /**
   * Reads what toString() prints: "ip" (every protocol), "none", or a comma-separated list of
   * names, numbers and ranges such as "tcp,udp,200-210".
   */
  static parse(text: string): ProtocolSet {
    const trimmed = text.trim().toLowerCase();
    if (trimmed === 'ip') return ProtocolSet.ALL;
    if (trimmed === 'none') return ProtocolSet.EMPTY;
    const ranges = trimmed.split(',').map((item): readonly [number, number] => {
      const range = /^(\d{1,3})\s*-\s*(\d{1,3})$/.exec(item.trim());
      if (range === null) {
        const protocol = parseProtocol(item.trim());
        return [protocol, protocol];
      }
      const [low, high] = [Number(range[1]), Number(range[2])];
      if (high > MAX_PROTOCOL || low > high) {
        throw new ProtocolParseError(`"${item.trim()}" is not a protocol range within 0-${MAX_PROTOCOL}`);
      }
      return [low, high];
    });
    return ProtocolSet.fromRanges(ranges);
  }

  /** "ip" for every protocol, "none" when empty, else e.g. "icmp,tcp,udp,200-210". */
  override toString(): string {
    if (this.isEmpty()) return 'none';
    if (this.isAll()) return 'ip';
    return this.ranges().flatMap(([low, high]) => describeRange(low, high)).join(',');
  }
}

/** Named protocols always show by name, even inside a range, so "tcp" never hides in "0-16". */
function describeRange(low: number, high: number): string[] {
  const items: string[] = [];
  let runStart = low;
  const closeRun = (end: number): void => {
    if (runStart < end) items.push(end - runStart === 1 ? `${runStart}` : `${runStart}-${end - 1}`);
  };
  for (let protocol = low; protocol <= high; protocol++) {
    const name = NAME_BY_NUMBER.get(protocol);
    if (name === undefined) continue;
    closeRun(protocol);
    items.push(name);
    runStart = protocol + 1;
  }
  closeRun(high + 1);
  return items;
}
