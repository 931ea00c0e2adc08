import { AddressSet } from './address-set';
import { anyBoxesOverlap, intersectBoxes, isEmptyBox, makeBox, subtractAll, type FlowBox } from './flow-box';
import { coalesceBoxes } from './flow-coalesce';
import { parseIpAddress } from './ip-address';
import { PortSet } from './port-set';
import { ProtocolSet } from './protocol-set';

export type { FlowBox };

/** One packet, addresses as text (IPv4 or IPv6). */
export interface FlowPacket {
  readonly src: string;
  readonly dst: string;
  readonly proto: number;
  readonly sport: number;
  readonly dport: number;
}

/**
 * Immutable set of packets: a union of pairwise disjoint, non-empty boxes. Disjointness is what
 * makes sizes, projections and equality checks simple; box layout itself carries no meaning.
 */
export class FlowSpace {
  private static readonly EMPTY = new FlowSpace([]);

  private constructor(private readonly parts: readonly FlowBox[]) {}

  static empty(): FlowSpace {
    return FlowSpace.EMPTY;
  }

  static of(box: FlowBox): FlowSpace {
    return isEmptyBox(box) ? FlowSpace.EMPTY : new FlowSpace([makeBox(box)]);
  }

  /** Boxes may overlap; the result is their union. */
  static fromBoxes(boxes: Iterable<FlowBox>): FlowSpace {
    let parts: FlowBox[] = [];
    // Until the first merge nothing is settled, so every piece counts as fresh.
    let fresh: FlowBox[] | undefined;
    let coalescedSize = 64;
    for (const box of boxes) {
      if (isEmptyBox(box)) continue;
      for (const piece of subtractAll(makeBox(box), parts)) {
        parts.push(piece);
        fresh?.push(piece);
      }
      // Every later box is checked against all parts, so fragments are merged as they pile up.
      if (parts.length > 2 * coalescedSize) {
        parts = [...coalesceBoxes(parts, fresh)];
        fresh = [];
        coalescedSize = Math.max(parts.length, 64);
      }
    }
    return FlowSpace.wrap(coalesceBoxes(parts, fresh));
  }

  private static wrap(parts: readonly FlowBox[]): FlowSpace {
    return parts.length === 0 ? FlowSpace.EMPTY : new FlowSpace(parts);
  }

  union(other: FlowSpace): FlowSpace {
    if (other.parts.length === 0 || other === this) return this;
    if (this.parts.length === 0) return other;
    const added = other.parts.flatMap((box) => subtractAll(box, this.parts));
    if (added.length === 0) return this;
    // Own parts are already coalesced: only the added pieces can merge with anything.
    return FlowSpace.wrap(coalesceBoxes([...this.parts, ...added], added));
  }

  intersect(other: FlowSpace): FlowSpace {
    if (other === this) return this;
    const common: FlowBox[] = [];
    for (const mine of this.parts) {
      for (const theirs of other.parts) {
        const both = intersectBoxes(mine, theirs);
        if (both !== undefined) common.push(both);
      }
    }
    return FlowSpace.wrap(coalesceBoxes(common));
  }

  subtract(other: FlowSpace): FlowSpace {
    if (other === this) return FlowSpace.EMPTY;
    if (other.parts.length === 0 || this.parts.length === 0) return this;
    let changed = false;
    const kept: FlowBox[] = [];
    const fresh: FlowBox[] = [];
    for (const mine of this.parts) {
      const pieces = subtractAll(mine, other.parts);
      if (pieces.length === 1 && pieces[0] === mine) {
        kept.push(mine);
        continue;
      }
      changed = true;
      for (const piece of pieces) {
        kept.push(piece);
        fresh.push(piece);
      }
    }
    // Untouched parts are already coalesced: only pieces of cut parts can merge with anything.
    return changed ? FlowSpace.wrap(coalesceBoxes(kept, fresh)) : this;
  }

  /**
   * The same packets as `subtract`, left in the pieces the cut made. A chain of subtractions
   * whose end result is all that is kept merges once at the end (`compact`), not at each step.
   */
  subtractUnmerged(other: FlowSpace): FlowSpace {
    if (other === this) return FlowSpace.EMPTY;
    if (other.parts.length === 0 || this.parts.length === 0) return this;
    const kept: FlowBox[] = [];
    let changed = false;
    for (const mine of this.parts) {
      const pieces = subtractAll(mine, other.parts);
      if (pieces.length !== 1 || pieces[0] !== mine) changed = true;
      for (const piece of pieces) kept.push(piece);
    }
    return changed ? FlowSpace.wrap(kept) : this;
  }

  /** The same packets in as few boxes as merging finds. */
  compact(): FlowSpace {
    return this.parts.length < 2 ? this : FlowSpace.wrap(coalesceBoxes(this.parts));
  }

  overlaps(other: FlowSpace): boolean {
    return anyBoxesOverlap(this.parts, other.parts);
  }

  isEmpty(): boolean {
    return this.parts.length === 0;
  }

  isSubsetOf(other: FlowSpace): boolean {
    return this.parts.every((mine) => subtractAll(mine, other.parts).length === 0);
  }

  /** Same packets, however the boxes are laid out. */
  equals(other: FlowSpace): boolean {
    return this === other || (this.isSubsetOf(other) && other.isSubsetOf(this));
  }

  boxes(): readonly FlowBox[] {
    return this.parts;
  }

  /** Throws AddressParseError when src or dst is not a single address. */
  has(packet: FlowPacket): boolean {
    const source = parseIpAddress(packet.src);
    const destination = parseIpAddress(packet.dst);
    return this.parts.some(
      (box) =>
        box.protocols.has(packet.proto) &&
        box.destinationPorts.has(packet.dport) &&
        box.sourcePorts.has(packet.sport) &&
        box.sources.family(source.family).has(source.value) &&
        box.destinations.family(destination.family).has(destination.value),
    );
  }

  projectSources(): AddressSet {
    return this.parts.reduce((all, box) => all.union(box.sources), AddressSet.empty());
  }

  projectDestinations(): AddressSet {
    return this.parts.reduce((all, box) => all.union(box.destinations), AddressSet.empty());
  }

  projectProtocols(): ProtocolSet {
    return this.parts.reduce((all, box) => all.union(box.protocols), ProtocolSet.empty());
  }

  projectSourcePorts(): PortSet {
    return this.parts.reduce((all, box) => all.union(box.sourcePorts), PortSet.empty());
  }

  projectDestinationPorts(): PortSet {
    return this.parts.reduce((all, box) => all.union(box.destinationPorts), PortSet.empty());
  }

  /** One "tcp 10.0.0.0/24 -> 10.1.0.5 port 443" per box, joined by "; "; "none" when empty. */
  toString(): string {
    if (this.parts.length === 0) return 'none';
    return this.parts.map(describeBox).join('; ');
  }
}

function describeBox(box: FlowBox): string {
  const sourcePorts = box.sourcePorts.isAll() ? '' : ` port ${box.sourcePorts.toString()}`;
  const destinationPorts = box.destinationPorts.isAll() ? '' : ` port ${box.destinationPorts.toString()}`;
  const from = `${box.sources.toString()}${sourcePorts}`;
  const to = `${box.destinations.toString()}${destinationPorts}`;
  return `${box.protocols.toString()} ${from} -> ${to}`;
}
