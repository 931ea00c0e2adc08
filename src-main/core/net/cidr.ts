export interface CidrBlock {
  readonly network: bigint;
  readonly length: number;
}

/** First and last address of network/length; host bits in network are ignored. */
export function cidrBounds(network: bigint, length: number, bits: number): readonly [bigint, bigint] {
  const hostBits = BigInt(bits - length);
  const low = (network >> hostBits) << hostBits;
  return [low, low + (1n << hostBits) - 1n];
}

/** Prefix length when [low, high] is exactly one CIDR block, otherwise undefined. */
export function exactCidrLength(low: bigint, high: bigint, bits: number): number | undefined {
  const size = high - low + 1n;
  if ((size & (size - 1n)) !== 0n || (low & (size - 1n)) !== 0n) return undefined;
  return bits - log2(size);
}

/**
 * Fewest CIDR blocks covering exactly [low, high]: always take the largest aligned block that
 * starts at low and still fits. That greedy choice is optimal because every block is aligned.
 */
export function cidrCover(low: bigint, high: bigint, bits: number): CidrBlock[] {
  const blocks: CidrBlock[] = [];
  let start = low;
  while (start <= high) {
    let size = start === 0n ? 1n << BigInt(bits) : start & -start;
    while (start + size - 1n > high) size >>= 1n;
    blocks.push({ network: start, length: bits - log2(size) });
    start += size;
  }
  return blocks;
}

function log2(powerOfTwo: bigint): number {
  return powerOfTwo.toString(2).length - 1;
}
