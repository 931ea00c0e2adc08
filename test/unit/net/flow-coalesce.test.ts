import { describe, expect, it } from 'vitest';
import { subtractAll, type FlowBox } from '../../../src-main/core/net/flow-box';
import { coalesceBoxes } from '../../../src-main/core/net/flow-coalesce';
import { AddressSet, FlowSpace, PortSet, ProtocolSet } from '../../../src-main/core/net/index';

/** Small deterministic generator, so a failure always replays the same chain. */
function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * n);
  };
}

function randomBox(pick: (n: number) => number): FlowBox {
  const address = (): AddressSet =>
    pick(4) === 0
      ? AddressSet.fromCidr(`2001:db8:${pick(3)}::${pick(4)}`, 124 + pick(5))
      : AddressSet.fromCidr(`10.${pick(2)}.${pick(3)}.${pick(16) * 16}`, 28 + pick(5));
  const low = pick(40);
  return {
    sources: address(),
    destinations: address(),
    protocols: pick(2) === 0 ? ProtocolSet.of(6) : ProtocolSet.of(6, 17),
    sourcePorts: pick(5) === 0 ? PortSet.of(1000, 1000 + pick(3)) : PortSet.all(),
    destinationPorts: pick(4) === 0 ? PortSet.all() : PortSet.of(low, low + pick(3)),
  };
}

const START: FlowBox = {
  sources: AddressSet.parse('10.0.0.0/8,2001:db8::/32'),
  destinations: AddressSet.parse('10.0.0.0/8,2001:db8::/32'),
  protocols: ProtocolSet.of(6, 17),
  sourcePorts: PortSet.all(),
  destinationPorts: PortSet.all(),
};

function describeAll(boxes: readonly FlowBox[]): string {
  return boxes.map((box) => FlowSpace.of(box).toString()).join('; ');
}

describe('coalescing only the pieces an operation produced', () => {
  it('lays out boxes exactly as coalescing everything would', () => {
    const pick = seeded(20261125);
    let parts = FlowSpace.of(START).boxes();
    for (let step = 0; step < 300; step++) {
      const cut = randomBox(pick);
      const kept: FlowBox[] = [];
      const fresh: FlowBox[] = [];
      for (const part of parts) {
        const pieces = subtractAll(part, [cut]);
        kept.push(...pieces);
        if (pieces.length !== 1 || pieces[0] !== part) fresh.push(...pieces);
      }
      const partial = coalesceBoxes(kept, fresh);
      expect(describeAll(partial)).toBe(describeAll(coalesceBoxes(kept)));
      parts = partial;
    }
    expect(parts.length).toBeGreaterThan(16);
  });

  it('keeps a long subtraction chain exact and fully merged', () => {
    const pick = seeded(7);
    const start = FlowSpace.of(START);
    let remaining = start;
    let taken = FlowSpace.empty();
    for (let step = 0; step < 200; step++) {
      const rule = FlowSpace.of(randomBox(pick));
      taken = taken.union(remaining.intersect(rule));
      remaining = remaining.subtract(rule);
      expect(remaining.overlaps(rule)).toBe(false);
    }
    expect(remaining.boxes().length).toBeGreaterThan(16);
    expect(remaining.overlaps(taken)).toBe(false);
    expect(remaining.union(taken).equals(start)).toBe(true);
    // Nothing left to merge: a full coalescing pass hands back the very same layout.
    expect(coalesceBoxes(remaining.boxes())).toBe(remaining.boxes());
    expect(coalesceBoxes(taken.boxes())).toBe(taken.boxes());
  });

  it('merges equal sets that are different objects, whatever their family', () => {
    const box = (sources: string, destinations: string, destinationPorts: string): FlowBox => ({
      sources: AddressSet.parse(sources),
      destinations: AddressSet.parse(destinations),
      protocols: ProtocolSet.of(6),
      sourcePorts: PortSet.all(),
      destinationPorts: PortSet.parse(destinationPorts),
    });
    // Settled boxes that agree pairwise in at most three fields, then two fresh halves of one box.
    const settled = Array.from({ length: 20 }, (_, i) =>
      box(`2001:db8::${(i + 1).toString(16)}00`, `10.0.0.${i + 1}`, '450,1050-1065'),
    );
    const halves = [box('2001:db8::1', '10.0.1.1', '450'), box('2001:db8::1', '10.0.1.1', '1050-1065')];
    const merged = coalesceBoxes([...settled, ...halves], halves);
    expect(merged).toHaveLength(21);
    expect(describeAll(merged.slice(-1))).toBe('tcp 2001:db8::1 -> 10.0.1.1 port 450,1050-1065');
    expect(describeAll(merged)).toBe(describeAll(coalesceBoxes([...settled, ...halves])));
  });
});
