import { isContiguousIpv4Mask, plainIpv4Value } from './address-text';

/*
 * Cisco devices take IPv4 masks whose one bits are not contiguous ("10.0.0.128 255.0.0.192" is
 * every address 10.x.y.128-191), in access lists and network groups alike. The addresses such
 * a pair stands for are a number of separate ranges: one per setting of the zero bits above the
 * lowest one bit of the mask.
 */

/** Beyond this many ranges they are not built: the caller says the pair is too wide to expand. */
export const MOST_MASK_RANGES = 1024;

export type MaskRanges = { ranges: (readonly [number, number])[] } | { tooMany: number };

/**
 * The closed ranges of `address mask` when both are plain dotted IPv4 and the mask has holes;
 * undefined for anything else (a contiguous mask, another notation), which the usual reader takes.
 */
export function discontiguousMaskRanges(address: string, mask: string): MaskRanges | undefined {
  const maskValue = plainIpv4Value(mask);
  const base = plainIpv4Value(address);
  if (maskValue === undefined || base === undefined || isContiguousIpv4Mask(maskValue)) return undefined;
  // Zero bits below the lowest one bit make each range; the zero bits above it multiply them.
  const rangeBits = trailingZeros(maskValue);
  const holes: number[] = [];
  for (let bit = rangeBits; bit < 32; bit++) if (((maskValue >>> bit) & 1) === 0) holes.push(bit);
  const count = 2 ** holes.length;
  if (count > MOST_MASK_RANGES) return { tooMany: count };
  const fixed = (base & maskValue) >>> 0;
  const size = 2 ** rangeBits;
  const ranges: (readonly [number, number])[] = [];
  for (let combination = 0; combination < count; combination++) {
    let low = fixed;
    holes.forEach((bit, index) => {
      if ((combination >>> index) & 1) low = (low | (1 << bit)) >>> 0;
    });
    ranges.push([low, low + size - 1]);
  }
  return { ranges };
}

function trailingZeros(mask: number): number {
  if (mask === 0) return 32;
  let count = 0;
  while (((mask >>> count) & 1) === 0) count++;
  return count;
}
