import type { AddressSet } from './address-set';
import type { PortSet } from './port-set';
import type { ProtocolSet } from './protocol-set';

/**
 * The packets whose every field lies in the matching set. Port fields apply whatever the
 * protocol: rules for protocols without ports use PortSet.all() there.
 */
export interface FlowBox {
  readonly sources: AddressSet;
  readonly destinations: AddressSet;
  readonly protocols: ProtocolSet;
  readonly sourcePorts: PortSet;
  readonly destinationPorts: PortSet;
}

export type Dimension = keyof FlowBox;

/**
 * Order in which a difference is split: leftovers read as "sources not covered", then
 * "destinations not covered", then protocols and ports, which is how an auditor thinks.
 */
export const DIMENSIONS: readonly Dimension[] = [
  'sources',
  'destinations',
  'protocols',
  'destinationPorts',
  'sourcePorts',
];

/** What every field set offers; each field is only ever combined with the same field of another box. */
interface FieldSet {
  union(other: FieldSet): FieldSet;
  intersect(other: FieldSet): FieldSet;
  subtract(other: FieldSet): FieldSet;
  isEmpty(): boolean;
  isSubsetOf(other: FieldSet): boolean;
}

export function field(box: FlowBox, dimension: Dimension): FieldSet {
  return box[dimension] as unknown as FieldSet;
}

/** A fresh box with exactly the five fields, so stored boxes share one object shape. */
export function makeBox(box: FlowBox): FlowBox {
  return {
    sources: box.sources,
    destinations: box.destinations,
    protocols: box.protocols,
    sourcePorts: box.sourcePorts,
    destinationPorts: box.destinationPorts,
  };
}

export function withField(box: FlowBox, dimension: Dimension, value: FieldSet): FlowBox {
  const replaced = value as unknown;
  return {
    sources: dimension === 'sources' ? (replaced as AddressSet) : box.sources,
    destinations: dimension === 'destinations' ? (replaced as AddressSet) : box.destinations,
    protocols: dimension === 'protocols' ? (replaced as ProtocolSet) : box.protocols,
    sourcePorts: dimension === 'sourcePorts' ? (replaced as PortSet) : box.sourcePorts,
    destinationPorts: dimension === 'destinationPorts' ? (replaced as PortSet) : box.destinationPorts,
  };
}

export function isEmptyBox(box: FlowBox): boolean {
  return (
    box.protocols.isEmpty() ||
    box.destinationPorts.isEmpty() ||
    box.sources.isEmpty() ||
    box.destinations.isEmpty() ||
    box.sourcePorts.isEmpty()
  );
}

/** Cheapest and most often disjoint fields first: this is the engine's quick reject. */
export function boxesOverlap(a: FlowBox, b: FlowBox): boolean {
  return (
    a.protocols.overlaps(b.protocols) &&
    a.destinationPorts.overlaps(b.destinationPorts) &&
    a.destinations.overlaps(b.destinations) &&
    a.sources.overlaps(b.sources) &&
    a.sourcePorts.overlaps(b.sourcePorts)
  );
}

/** Whether any box of `a` shares a packet with any box of `b`: two spaces' overlap, read off their boxes. */
export function anyBoxesOverlap(a: readonly FlowBox[], b: readonly FlowBox[]): boolean {
  for (const mine of a) for (const theirs of b) if (boxesOverlap(mine, theirs)) return true;
  return false;
}

export function intersectBoxes(a: FlowBox, b: FlowBox): FlowBox | undefined {
  if (!boxesOverlap(a, b)) return undefined;
  return {
    sources: a.sources.intersect(b.sources),
    destinations: a.destinations.intersect(b.destinations),
    protocols: a.protocols.intersect(b.protocols),
    sourcePorts: a.sourcePorts.intersect(b.sourcePorts),
    destinationPorts: a.destinationPorts.intersect(b.destinationPorts),
  };
}

export function isBoxSubset(a: FlowBox, b: FlowBox): boolean {
  return (
    a.protocols.isSubsetOf(b.protocols) &&
    a.destinationPorts.isSubsetOf(b.destinationPorts) &&
    a.destinations.isSubsetOf(b.destinations) &&
    a.sources.isSubsetOf(b.sources) &&
    a.sourcePorts.isSubsetOf(b.sourcePorts)
  );
}

/**
 * a minus b as disjoint boxes: peel off the part of a outside b one dimension at a time,
 * narrowing what is left to b in that dimension before moving to the next.
 */
export function subtractBoxes(a: FlowBox, b: FlowBox): FlowBox[] {
  if (!boxesOverlap(a, b)) return [a];
  const pieces: FlowBox[] = [];
  let rest = a;
  for (const dimension of DIMENSIONS) {
    const mine = field(rest, dimension);
    const theirs = field(b, dimension);
    // Where b covers all that is left in this dimension, nothing is peeled off or narrowed: the
    // test builds no set, and most cuts cover most dimensions (protocol, source ports, ...).
    if (mine.isSubsetOf(theirs)) continue;
    pieces.push(withField(rest, dimension, mine.subtract(theirs)));
    rest = withField(rest, dimension, mine.intersect(theirs));
  }
  return pieces;
}

/** box minus every cut, as disjoint boxes; [box] itself when no cut touches it. */
export function subtractAll(box: FlowBox, cuts: readonly FlowBox[]): FlowBox[] {
  let pieces = [box];
  for (let c = 0; c < cuts.length && pieces.length > 0; c++) {
    const cut = cuts[c]!;
    let next: FlowBox[] | undefined;
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (!boxesOverlap(piece, cut)) {
        next?.push(piece);
        continue;
      }
      // Allocate only once a cut actually bites; most cuts miss every piece.
      next ??= pieces.slice(0, p);
      for (const rest of subtractBoxes(piece, cut)) next.push(rest);
    }
    if (next !== undefined) pieces = next;
  }
  return pieces;
}
