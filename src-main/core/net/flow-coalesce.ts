import type { AddressSet } from './address-set';
import { DIMENSIONS, field, withField, type Dimension, type FlowBox } from './flow-box';
import type { IntervalSet } from './interval-set';

/**
 * Numeric hash of each field set, cached per set object because the same sets recur in many
 * boxes. Hashes only pick candidates; fields still count as equal only when their sets are.
 * A box's own hashes are not cached: most boxes merged here are pieces of a subtraction that
 * die soon after, and a cache entry per piece outlived its box long enough to be copied out
 * of the young generation (14 MB of them in a large audit). Combining five set hashes is
 * cheaper than keeping the result.
 */
const setHashes = new WeakMap<object, number>();

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x9e3779b1) ^ (hash >>> 15);
}

function fieldHashes(box: FlowBox): Int32Array {
  // The five field hashes, then for each dimension the hash of the other four fields.
  const count = DIMENSIONS.length;
  const hashes = new Int32Array(2 * count);
  for (let d = 0; d < count; d++) hashes[d] = setHash(box, DIMENSIONS[d]!);
  for (let skipped = 0; skipped < count; skipped++) {
    let key = skipped;
    for (let d = 0; d < count; d++) if (d !== skipped) key = mix(key, hashes[d]!);
    hashes[count + skipped] = key;
  }
  return hashes;
}

function setHash(box: FlowBox, dimension: Dimension): number {
  const set = box[dimension];
  let hash = setHashes.get(set);
  if (hash === undefined) {
    if (dimension === 'sources' || dimension === 'destinations') {
      const addresses = set as AddressSet;
      hash = intervalHash(rangesHash(0x2545f491, addresses.v4Numbers()) ^ 0x6a09e667, addresses.v6());
    } else {
      hash = rangesHash(0x3c6ef372, set as NumberRanges);
    }
    setHashes.set(set, hash);
  }
  return hash;
}

/** Ports, protocols and IPv4 addresses as numbers: read range by range, with no list built. */
type NumberRanges = { forEachRange(visit: (low: number, high: number) => boolean | void): void };

function rangesHash(seed: number, set: NumberRanges): number {
  let hash = seed;
  // IPv4 addresses reach 2^32 - 1: `| 0` keeps their low 32 bits, which is all of them.
  set.forEachRange((low, high) => void (hash = mix(mix(hash, low | 0), high | 0)));
  return hash;
}

function intervalHash(seed: number, set: IntervalSet): number {
  let hash = seed;
  if (set.isEmpty()) return hash;
  for (const [low, high] of set.intervals()) hash = mix(mix(hash, bigintHash(low)), bigintHash(high));
  return hash;
}

/** Low 32 bits exactly, higher bits folded in: IPv6 values differ as often in the low bits as the high. */
function bigintHash(value: bigint): number {
  if (value <= 0xffffffffn) return Number(value) | 0;
  return mix(Number(BigInt.asUintN(32, value)) | 0, Number(value >> 32n) | 0);
}

/** Hash of every field but the skipped one: boxes that can merge along it share this. */
function keyHash(hashes: Int32Array, skipped: number): number {
  return hashes[DIMENSIONS.length + skipped]!;
}

function sameOtherFields(a: FlowBox, hashesA: Int32Array, b: FlowBox, hashesB: Int32Array, skipped: number): boolean {
  for (let d = 0; d < DIMENSIONS.length; d++) {
    if (d === skipped) continue;
    if (hashesA[d] !== hashesB[d]) return false;
    const dimension = DIMENSIONS[d]!;
    const setA = a[dimension] as unknown as { equals(other: unknown): boolean };
    const setB = b[dimension];
    if (setA !== setB && !setA.equals(setB)) return false;
  }
  return true;
}

/**
 * Merges disjoint boxes that agree in all but one dimension, until no such pair is left.
 * Merging keeps the boxes disjoint: the merged box is exactly the union of its parts.
 *
 * When `fresh` is given, every box not in it is taken to be settled: no two settled boxes
 * agree in four dimensions (true of any coalesced result). Only groups holding a fresh box can
 * then merge, so settled boxes are merely looked up, never grouped. The outcome is the same
 * as coalescing everything.
 */
export function coalesceBoxes(boxes: readonly FlowBox[], fresh?: Iterable<FlowBox>): readonly FlowBox[] {
  if (boxes.length < 2) return boxes;
  if (boxes.length <= SMALL) return coalesceSmall(boxes);
  const tracked = fresh === undefined ? undefined : new Set(fresh);
  if (tracked !== undefined && tracked.size === 0) return boxes;
  let current: Layout = { boxes, hashes: boxes.map(fieldHashes) };
  let index = 0;
  let quietDimensions = 0;
  while (current.boxes.length > 1 && quietDimensions < DIMENSIONS.length) {
    const merged = mergeAlong(current, index, tracked);
    // After a merge along a dimension no two boxes agree on the other four, so it counts as quiet.
    quietDimensions = merged === current ? quietDimensions + 1 : 1;
    current = merged;
    index = (index + 1) % DIMENSIONS.length;
  }
  return current.boxes;
}

/** Boxes with their field hashes alongside, so each pass does arithmetic, not cache look-ups. */
interface Layout {
  readonly boxes: readonly FlowBox[];
  readonly hashes: readonly Int32Array[];
}

function mergeAlong(layout: Layout, skipped: number, fresh: Set<FlowBox> | undefined): Layout {
  const { boxes, hashes } = layout;
  let freshKeys: Set<number> | undefined;
  if (fresh !== undefined) {
    // Fresh boxes are always among the layout's, whose hashes are at hand.
    freshKeys = new Set();
    for (let b = 0; b < boxes.length; b++) if (fresh.has(boxes[b]!)) freshKeys.add(keyHash(hashes[b]!, skipped));
  }
  // Only boxes that may share a group are grouped; the rest stay where they are.
  const buckets = new Map<number, { first: Int32Array; members: FlowBox[] }[]>();
  const groupOf = new Map<FlowBox, FlowBox[]>();
  let mergedAny = false;
  for (let b = 0; b < boxes.length; b++) {
    const hash = keyHash(hashes[b]!, skipped);
    if (freshKeys !== undefined && !freshKeys.has(hash)) continue;
    const box = boxes[b]!;
    let candidates = buckets.get(hash);
    if (candidates === undefined) {
      candidates = [];
      buckets.set(hash, candidates);
    }
    const boxHashes = hashes[b]!;
    let group = candidates.find(({ first, members }) => sameOtherFields(members[0]!, first, box, boxHashes, skipped))?.members;
    if (group === undefined) {
      group = [box];
      candidates.push({ first: boxHashes, members: group });
    } else {
      group.push(box);
      mergedAny = true;
    }
    groupOf.set(box, group);
  }
  if (!mergedAny) return layout;
  // Each group takes the place of its first box, exactly as a full grouping would list them.
  const dimension = DIMENSIONS[skipped]!;
  const result: FlowBox[] = [];
  const resultHashes: Int32Array[] = [];
  for (let b = 0; b < boxes.length; b++) {
    const box = boxes[b]!;
    const group = groupOf.get(box);
    if (group === undefined || group.length === 1) {
      result.push(box);
      resultHashes.push(hashes[b]!);
    } else if (group[0] === box) {
      const merged = group.reduce((joined, member) =>
        withField(joined, dimension, field(joined, dimension).union(field(member, dimension))),
      );
      if (fresh !== undefined) {
        for (const member of group) fresh.delete(member);
        fresh.add(merged);
      }
      result.push(merged);
      resultHashes.push(fieldHashes(merged));
    }
  }
  return { boxes: result, hashes: resultHashes };
}

/** Below this many boxes, comparing fields directly beats hashing them. */
const SMALL = 16;

function coalesceSmall(boxes: readonly FlowBox[]): readonly FlowBox[] {
  let current = boxes;
  let index = 0;
  let quietDimensions = 0;
  while (current.length > 1 && quietDimensions < DIMENSIONS.length) {
    const merged = mergeSmall(current, index);
    quietDimensions = merged === current ? quietDimensions + 1 : 1;
    current = merged;
    index = (index + 1) % DIMENSIONS.length;
  }
  return current;
}

function mergeSmall(boxes: readonly FlowBox[], skipped: number): readonly FlowBox[] {
  let groups: FlowBox[][] | undefined;
  for (let b = 1; b < boxes.length && groups === undefined; b++) {
    for (let a = 0; a < b; a++) {
      if (equalOtherFields(boxes[a]!, boxes[b]!, skipped)) {
        groups = [];
        break;
      }
    }
  }
  if (groups === undefined) return boxes;
  for (const box of boxes) {
    const group = groups.find((members) => equalOtherFields(members[0]!, box, skipped));
    if (group === undefined) groups.push([box]);
    else group.push(box);
  }
  const dimension = DIMENSIONS[skipped]!;
  return groups.map((group) =>
    group.reduce((joined, member) => withField(joined, dimension, field(joined, dimension).union(field(member, dimension)))),
  );
}

function equalOtherFields(a: FlowBox, b: FlowBox, skipped: number): boolean {
  for (let d = 0; d < DIMENSIONS.length; d++) {
    if (d === skipped) continue;
    const dimension = DIMENSIONS[d]!;
    const setA = a[dimension] as unknown as { equals(other: unknown): boolean };
    const setB = b[dimension];
    if (setA !== setB && !setA.equals(setB)) return false;
  }
  return true;
}
