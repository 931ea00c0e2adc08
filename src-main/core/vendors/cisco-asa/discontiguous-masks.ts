import { AddressSet } from '../../net/index';

/*
 * The ASA takes IPv4 masks whose one bits are not contiguous ("10.0.0.128 255.0.0.192" is every
 * address 10.x.y.128-191), in access lists and network groups alike. The address set such a
 * pair stands for is a number of separate ranges: one per setting of the zero bits above the
 * lowest one bit of the mask.
 */

/** Beyond this many ranges the set is not built: the caller reports it as unresolved. */
const MOST_RANGES = 1024;

export type DiscontiguousResult = { addresses: AddressSet } | { tooMany: number } | undefined;

/** The set for `address mask` when the mask is a dotted IPv4 mask with holes; undefined otherwise. */
export function discontiguousMaskSet(address: string, mask: string): DiscontiguousResult {
  const maskValue = dottedValue(mask);
  const base = dottedValue(address);
  if (maskValue === undefined || base === undefined || isContiguous(maskValue)) return undefined;
  // Zero bits below the lowest one bit make each range; the zero bits above it multiply them.
  const rangeBits = trailingZeros(maskValue);
  const holes: number[] = [];
  for (let bit = rangeBits; bit < 32; bit++) if (((maskValue >>> bit) & 1) === 0) holes.push(bit);
  const count = 2 ** holes.length;
  if (count > MOST_RANGES) return { tooMany: count };
  const fixed = (base & maskValue) >>> 0;
  const size = 2 ** rangeBits;
  const ranges: AddressSet[] = [];
  for (let combination = 0; combination < count; combination++) {
    let low = fixed;
    holes.forEach((bit, index) => {
      if ((combination >>> index) & 1) low = (low | (1 << bit)) >>> 0;
    });
    ranges.push(AddressSet.fromRange(dotted(low), dotted(low + size - 1)));
  }
  return { addresses: AddressSet.unionAll(ranges) };
}

function dottedValue(text: string): number | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

function dotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

function isContiguous(mask: number): boolean {
  // Ones then zeros: inverted, plus one, it is a power of two (or the all-ones mask).
  const inverted = ~mask >>> 0;
  return (inverted & (inverted + 1)) === 0;
}

function trailingZeros(mask: number): number {
  if (mask === 0) return 32;
  let count = 0;
  while (((mask >>> count) & 1) === 0) count++;
  return count;
}
