import { boundsFromRanges, NumberRangeSet, type NumberRange } from './number-range-set';
import type { Bounds } from './sorted-bounds';

export const MAX_PORT = 65535;

/** Port text that cannot be read; the message names the offending token. */
export class PortParseError extends Error {
  override name = 'PortParseError';
}

/** Immutable set of TCP/UDP ports 0-65535. */
export class PortSet extends NumberRangeSet<PortSet> {
  private static readonly EMPTY = new PortSet([]);
  private static readonly ALL = new PortSet([0, MAX_PORT + 1]);

  private constructor(bounds: Bounds<number>) {
    super(bounds, MAX_PORT);
  }

  protected override create(bounds: Bounds<number>): PortSet {
    return PortSet.wrap(bounds);
  }

  private static wrap(bounds: Bounds<number>): PortSet {
    if (bounds.length === 0) return PortSet.EMPTY;
    if (bounds.length === 2 && bounds[0] === 0 && bounds[1] === MAX_PORT + 1) return PortSet.ALL;
    return new PortSet(bounds);
  }

  static empty(): PortSet {
    return PortSet.EMPTY;
  }

  static all(): PortSet {
    return PortSet.ALL;
  }

  static of(lo: number, hi: number = lo): PortSet {
    return PortSet.fromRanges([[lo, hi]]);
  }

  static fromRanges(ranges: Iterable<NumberRange>): PortSet {
    return PortSet.wrap(boundsFromRanges(ranges, MAX_PORT, 'port'));
  }

  /**
   * Reads "443", "1050-1065", "450,1050-1065,4721-4722" or "80 443"; "none" is the empty set
   * so that toString() output reads back.
   */
  static parse(text: string): PortSet {
    const trimmed = text.trim();
    if (trimmed.toLowerCase() === 'none') return PortSet.EMPTY;
    if (trimmed === '') throw new PortParseError('no ports given');
    const ranges: NumberRange[] = [];
    for (const item of trimmed.split(',')) {
      const tokens = item.trim().split(/\s+/);
      if (tokens[0] === '') throw new PortParseError(`empty item in port list "${text}"`);
      for (const token of tokens) ranges.push(parsePortToken(token));
    }
    return PortSet.fromRanges(ranges);
  }

  /** "450,1050-1065,4721-4722"; "none" when empty. */
  override toString(): string {
    if (this.isEmpty()) return 'none';
    return this.ranges()
      .map(([low, high]) => (low === high ? `${low}` : `${low}-${high}`))
      .join(',');
  }
}

function parsePortToken(token: string): NumberRange {
  const match = /^(\d+)(?:-(\d+))?$/.exec(token);
  if (!match) throw new PortParseError(`"${token}" is not a port or range`);
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low > MAX_PORT || high > MAX_PORT) throw new PortParseError(`"${token}" is outside the port range 0-${MAX_PORT}`);
  if (low > high) throw new PortParseError(`"${token}" is a reversed range`);
  return [low, high];
}
