import type { Rule } from '../model/index';
import type { AddressSet, FlowBox, FlowSpace } from '../net/index';

/**
 * The smallest numeric box around a space: first and last IPv4 source and destination,
 * protocol and destination port. Comparing two of these is a few number comparisons, so
 * list scans use it to skip the rules that cannot overlap before the exact set test.
 * Spaces with IPv6 addresses get unbounded address ranges (they never skip wrongly).
 */
export interface SpaceBounds {
  sourceLow: number;
  sourceHigh: number;
  destinationLow: number;
  destinationHigh: number;
  protocolLow: number;
  protocolHigh: number;
  portLow: number;
  portHigh: number;
  /** Which /24 blocks the sources and destinations touch, hashed to 32 bits (see addressSignature). */
  sourceSignature: number;
  destinationSignature: number;
}

/**
 * Min and max alone cannot tell that two groups of scattered hosts miss each other: their
 * spans overlap though no host is shared. A set's /24 blocks, each hashed to one of 32 bits,
 * can: two sets share an address only if their signatures share a bit. Wide or IPv6 sets get
 * every bit (they never skip wrongly).
 */
const ALL_BLOCKS = -1;
const BLOCK_BITS = 8;
const MAX_BLOCKS_HASHED = 32;

function blockBit(block: number): number {
  return 1 << (Math.imul(block, 0x9e3779b1) >>> 27);
}

function addressSignature(set: AddressSet): number {
  if (!set.v6().isEmpty()) return ALL_BLOCKS;
  let signature = 0;
  set.v4Numbers().forEachRange((low, high) => {
    const first = low >>> BLOCK_BITS;
    const last = high >>> BLOCK_BITS;
    if (last - first >= MAX_BLOCKS_HASHED) {
      signature = ALL_BLOCKS;
      return false;
    }
    for (let block = first; block <= last; block++) signature |= blockBit(block);
    return signature !== ALL_BLOCKS;
  });
  return signature;
}

function addressLow(set: AddressSet): number {
  if (!set.v6().isEmpty()) return 0;
  return set.v4Numbers().min() ?? Number.POSITIVE_INFINITY;
}

function addressHigh(set: AddressSet): number {
  if (!set.v6().isEmpty()) return Number.POSITIVE_INFINITY;
  return set.v4Numbers().max() ?? Number.NEGATIVE_INFINITY;
}

/**
 * Read straight off the boxes, without building a FlowSpace: list scans need the bounds of
 * every rule, and most rules are never looked at more closely.
 */
export function boundsOfBoxes(boxes: readonly FlowBox[], more: readonly FlowBox[] = []): SpaceBounds {
  // Starts inverted, so a space with no packet overlaps nothing.
  let sourceLow = Infinity, sourceHigh = -Infinity, destinationLow = Infinity, destinationHigh = -Infinity;
  let protocolLow = Infinity, protocolHigh = -Infinity, portLow = Infinity, portHigh = -Infinity;
  let sourceSignature = 0, destinationSignature = 0;
  for (let part = 0; part < 2; part++) {
    for (const box of part === 0 ? boxes : more) {
      const firstProtocol = box.protocols.min();
      const firstPort = box.destinationPorts.min();
      // A box empty in any dimension holds no packet and must not widen the bounds.
      if (firstProtocol === undefined || firstPort === undefined || box.sourcePorts.isEmpty() || box.sources.isEmpty() || box.destinations.isEmpty()) continue;
      sourceLow = Math.min(sourceLow, addressLow(box.sources));
      sourceHigh = Math.max(sourceHigh, addressHigh(box.sources));
      destinationLow = Math.min(destinationLow, addressLow(box.destinations));
      destinationHigh = Math.max(destinationHigh, addressHigh(box.destinations));
      protocolLow = Math.min(protocolLow, firstProtocol);
      protocolHigh = Math.max(protocolHigh, box.protocols.max()!);
      portLow = Math.min(portLow, firstPort);
      portHigh = Math.max(portHigh, box.destinationPorts.max()!);
      sourceSignature |= signatureOf(box.sources);
      destinationSignature |= signatureOf(box.destinations);
    }
  }
  return { sourceLow, sourceHigh, destinationLow, destinationHigh, protocolLow, protocolHigh, portLow, portHigh, sourceSignature, destinationSignature };
}

export function boundsOfSpace(space: FlowSpace): SpaceBounds {
  return boundsOfBoxes(space.boxes());
}

const addressBounds = new WeakMap<AddressSet, { low: number; high: number; signature: number }>();

function addressRange(addresses: AddressSet): { low: number; high: number; signature: number } {
  let range = addressBounds.get(addresses);
  if (!range) addressBounds.set(addresses, (range = { low: addressLow(addresses), high: addressHigh(addresses), signature: signatureOf(addresses) }));
  return range;
}

// Rules share address sets (objects, groups, "any"): each set's signature is worked out once.
const signatures = new WeakMap<AddressSet, number>();

function signatureOf(set: AddressSet): number {
  let signature = signatures.get(set);
  if (signature === undefined) signatures.set(set, (signature = addressSignature(set)));
  return signature;
}

const FIELDS = 8;
const SIGNATURE_BITS = 32;

/**
 * The bounds of every rule of a list packed into typed arrays: the shadowing scan compares
 * each rule with every rule above it, and millions of those comparisons must stay a few
 * number reads each, with no lookups or objects in between. Beside them, per signature bit,
 * a bitmap of the rules that have it: a scan for a narrow space then visits only the rules
 * sharing one of its /24 blocks, 32 at a time, instead of reading every rule's bounds.
 */
export class PackedRuleBounds {
  readonly length: number;
  private readonly values: Float64Array;
  /** Source and destination signatures, two per rule. */
  private readonly signatures: Int32Array;
  /** Words per bitmap; bitmap `b` of the sources starts at `b * words`, of the destinations at `(32 + b) * words`. */
  private readonly words: number;
  private readonly withBit: Int32Array;

  private constructor(length: number) {
    this.length = length;
    this.values = new Float64Array(length * FIELDS);
    this.signatures = new Int32Array(length * 2);
    this.words = (length + 31) >>> 5;
    this.withBit = new Int32Array(2 * SIGNATURE_BITS * this.words);
  }

  static of(rules: readonly Rule[]): PackedRuleBounds {
    const packed = new PackedRuleBounds(rules.length);
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index]!;
      // Everything the rule might match: its certain and uncertain parts.
      const bounds = boundsOfBoxes(rule.match, rule.mayMatch);
      const at = index * FIELDS;
      packed.values[at] = bounds.sourceLow;
      packed.values[at + 1] = bounds.sourceHigh;
      packed.values[at + 2] = bounds.destinationLow;
      packed.values[at + 3] = bounds.destinationHigh;
      packed.values[at + 4] = bounds.protocolLow;
      packed.values[at + 5] = bounds.protocolHigh;
      packed.values[at + 6] = bounds.portLow;
      packed.values[at + 7] = bounds.portHigh;
      packed.signatures[index * 2] = bounds.sourceSignature;
      packed.signatures[index * 2 + 1] = bounds.destinationSignature;
    }
    packed.markAllBits();
    return packed;
  }

  /** Tables of lists joined end to end, copied from theirs rather than read off the rules again. */
  static joined(parts: readonly PackedRuleBounds[]): PackedRuleBounds {
    const packed = new PackedRuleBounds(parts.reduce((total, part) => total + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      packed.values.set(part.values, offset * FIELDS);
      packed.signatures.set(part.signatures, offset * 2);
      offset += part.length;
    }
    packed.markAllBits();
    return packed;
  }

  private markAllBits(): void {
    for (let index = 0; index < this.length; index++) {
      this.markBits(0, this.signatures[index * 2]!, index);
      this.markBits(SIGNATURE_BITS, this.signatures[index * 2 + 1]!, index);
    }
  }

  private markBits(first: number, signature: number, index: number): void {
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    for (let remaining = signature; remaining !== 0; remaining &= remaining - 1) {
      const block = lowestBit(remaining);
      this.withBit[(first + block) * this.words + word]! |= bit;
    }
  }

  overlaps(index: number, bounds: SpaceBounds): boolean {
    const values = this.values;
    const at = index * FIELDS;
    return (
      values[at]! <= bounds.sourceHigh && bounds.sourceLow <= values[at + 1]! &&
      values[at + 2]! <= bounds.destinationHigh && bounds.destinationLow <= values[at + 3]! &&
      values[at + 4]! <= bounds.protocolHigh && bounds.protocolLow <= values[at + 5]! &&
      values[at + 6]! <= bounds.portHigh && bounds.portLow <= values[at + 7]! &&
      (this.signatures[index * 2]! & bounds.sourceSignature) !== 0 &&
      (this.signatures[index * 2 + 1]! & bounds.destinationSignature) !== 0
    );
  }

  /**
   * Visits in list order the rules in [start, end) whose bounds overlap `bounds`: exactly the
   * indices for which `overlaps` holds, found through the signature bitmaps. Stops when
   * `visit` returns false.
   */
  forEachOverlapping(bounds: SpaceBounds, start: number, end: number, visit: (index: number) => boolean | void): void {
    const last = Math.min(end, this.length);
    if (start >= last) return;
    // A side with every bit set narrows nothing; its bitmaps are not read.
    const sourceBitmaps = this.bitmapsFor(0, bounds.sourceSignature);
    const destinationBitmaps = this.bitmapsFor(SIGNATURE_BITS, bounds.destinationSignature);
    const withBit = this.withBit;
    for (let word = start >>> 5, lastWord = (last - 1) >>> 5; word <= lastWord; word++) {
      let candidates = word === start >>> 5 ? -1 << (start & 31) : -1;
      if (sourceBitmaps !== undefined) candidates &= anyOf(withBit, sourceBitmaps, word);
      if (destinationBitmaps !== undefined) candidates &= anyOf(withBit, destinationBitmaps, word);
      for (; candidates !== 0; candidates &= candidates - 1) {
        const index = (word << 5) + lowestBit(candidates);
        if (index >= last) return;
        if (this.overlaps(index, bounds) && visit(index) === false) return;
      }
    }
  }

  /** Offsets of the bitmaps of the signature's bits, or undefined when it has all of them. */
  private bitmapsFor(first: number, signature: number): number[] | undefined {
    if (signature === ALL_BLOCKS) return undefined;
    const offsets: number[] = [];
    for (let remaining = signature; remaining !== 0; remaining &= remaining - 1) {
      offsets.push((first + lowestBit(remaining)) * this.words);
    }
    return offsets;
  }

  /** Whether the rule at `index` may have sources or destinations among `addresses`. */
  mayTouchAddresses(index: number, addresses: AddressSet): boolean {
    const range = addressRange(addresses);
    const values = this.values;
    const at = index * FIELDS;
    return (
      (values[at]! <= range.high && range.low <= values[at + 1]! && (this.signatures[index * 2]! & range.signature) !== 0) ||
      (values[at + 2]! <= range.high && range.low <= values[at + 3]! && (this.signatures[index * 2 + 1]! & range.signature) !== 0)
    );
  }

  /** The bounds of the rule at `index`, as an object for comparisons with other rules. */
  boundsAt(index: number): SpaceBounds {
    const values = this.values;
    const at = index * FIELDS;
    return {
      sourceLow: values[at]!, sourceHigh: values[at + 1]!,
      destinationLow: values[at + 2]!, destinationHigh: values[at + 3]!,
      protocolLow: values[at + 4]!, protocolHigh: values[at + 5]!,
      portLow: values[at + 6]!, portHigh: values[at + 7]!,
      sourceSignature: this.signatures[index * 2]!, destinationSignature: this.signatures[index * 2 + 1]!,
    };
  }
}

/** The position of the lowest set bit of a non-zero 32-bit word. */
function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

function anyOf(withBit: Int32Array, offsets: readonly number[], word: number): number {
  let any = 0;
  for (let i = 0; i < offsets.length; i++) any |= withBit[offsets[i]! + word]!;
  return any;
}

const packedByRules = new WeakMap<readonly Rule[], PackedRuleBounds>();

/** The packed bounds of a rule array, built once per array. */
export function packedBoundsOf(rules: readonly Rule[]): PackedRuleBounds {
  let packed = packedByRules.get(rules);
  if (!packed) packedByRules.set(rules, (packed = PackedRuleBounds.of(rules)));
  return packed;
}

/**
 * Packs `joined`, the rules of `lists` end to end, from the lists' own tables: every interface
 * pair a flow crosses joins its list with the global one, and reading a large list's boxes
 * again for each join costs more than copying numbers.
 */
export function packJoined(joined: readonly Rule[], lists: readonly (readonly Rule[])[]): void {
  if (!packedByRules.has(joined)) packedByRules.set(joined, PackedRuleBounds.joined(lists.map(packedBoundsOf)));
}
