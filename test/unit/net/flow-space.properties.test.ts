import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressSet, FlowSpace, PortSet, ProtocolSet, type FlowBox } from '../../../src-main/core/net/index';

/*
 * A universe small enough to enumerate: four IPv4 and four IPv6 addresses (so family
 * separation is exercised), three protocols, source ports 0-3 and destination ports 0-7.
 * Every space is compared packet by packet with a plain bitmap over this universe.
 */
const ADDRESSES = ['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '2001:db8::', '2001:db8::1', '2001:db8::2', '2001:db8::3'];
const PROTOCOLS = [1, 6, 17];
const SOURCE_PORTS = [0, 1, 2, 3];
const DESTINATION_PORTS = [0, 1, 2, 3, 4, 5, 6, 7];
const SIZES = [ADDRESSES.length, ADDRESSES.length, PROTOCOLS.length, SOURCE_PORTS.length, DESTINATION_PORTS.length] as const;
const UNIVERSE = SIZES.reduce((product, size) => product * size, 1);
const RUNS = { numRuns: 1000 };

type Model = Uint8Array;
/** Per field, the indexes into the universe lists above. */
type IndexBox = readonly [number[], number[], number[], number[], number[]];

function packetIndex(src: number, dst: number, proto: number, sport: number, dport: number): number {
  return (((src * SIZES[1] + dst) * SIZES[2] + proto) * SIZES[3] + sport) * SIZES[4] + dport;
}

function addModel(model: Model, [srcs, dsts, protos, sports, dports]: IndexBox): void {
  for (const s of srcs) for (const d of dsts) for (const p of protos) for (const sp of sports) for (const dp of dports) model[packetIndex(s, d, p, sp, dp)] = 1;
}

/** Parsed once: has() on bigints is much cheaper than contains() on text, and this runs a lot. */
const ADDRESS_VALUES = ADDRESSES.map((address) => {
  const set = AddressSet.parse(address);
  return set.v4().isEmpty() ? { family: 'ipv6' as const, value: set.v6().min()! } : { family: 'ipv4' as const, value: set.v4().min()! };
});

function membersOf(box: FlowBox): IndexBox {
  const addressIndexes = (set: AddressSet) => ADDRESS_VALUES.flatMap(({ family, value }, i) => (set.family(family).has(value) ? [i] : []));
  const indexes = (values: number[], has: (value: number) => boolean) => values.flatMap((value, i) => (has(value) ? [i] : []));
  return [
    addressIndexes(box.sources),
    addressIndexes(box.destinations),
    indexes(PROTOCOLS, (p) => box.protocols.has(p)),
    indexes(SOURCE_PORTS, (p) => box.sourcePorts.has(p)),
    indexes(DESTINATION_PORTS, (p) => box.destinationPorts.has(p)),
  ];
}

/** Bitmap of a space, failing if a box is empty, strays outside the universe or overlaps another box. */
function modelOf(space: FlowSpace): Model {
  const model = new Uint8Array(UNIVERSE);
  let packets = 0;
  for (const box of space.boxes()) {
    const members = membersOf(box);
    const sizes = box.sources.size();
    const destinationSizes = box.destinations.size();
    expect([sizes.v4 + sizes.v6, destinationSizes.v4 + destinationSizes.v6, box.protocols.size(), box.sourcePorts.size(), box.destinationPorts.size()]).toEqual([
      BigInt(members[0].length),
      BigInt(members[1].length),
      members[2].length,
      members[3].length,
      members[4].length,
    ]);
    expect(members.every((field) => field.length > 0)).toBe(true);
    addModel(model, members);
    packets += members.reduce((product, field) => product * field.length, 1);
  }
  expect(model.reduce((sum, bit) => sum + bit, 0)).toBe(packets);
  return model;
}

const fieldIndexes = (size: number) => fc.subarray(Array.from({ length: size }, (_, i) => i));
const indexBox: fc.Arbitrary<IndexBox> = fc.tuple(fieldIndexes(SIZES[0]), fieldIndexes(SIZES[1]), fieldIndexes(SIZES[2]), fieldIndexes(SIZES[3]), fieldIndexes(SIZES[4]));

function toBox([srcs, dsts, protos, sports, dports]: IndexBox): FlowBox {
  const addresses = (indexes: number[]) =>
    indexes.length === 0 ? AddressSet.empty() : AddressSet.parse(indexes.map((i) => ADDRESSES[i]).join(','));
  return {
    sources: addresses(srcs),
    destinations: addresses(dsts),
    protocols: ProtocolSet.of(...protos.map((i) => PROTOCOLS[i]!)),
    sourcePorts: PortSet.fromRanges(sports.map((i) => [SOURCE_PORTS[i]!, SOURCE_PORTS[i]!] as const)),
    destinationPorts: PortSet.fromRanges(dports.map((i) => [DESTINATION_PORTS[i]!, DESTINATION_PORTS[i]!] as const)),
  };
}

/** A space from up to four possibly overlapping boxes, with its model bitmap. */
const modelledSpace = fc.array(indexBox, { maxLength: 4 }).map((boxes) => {
  const model = new Uint8Array(UNIVERSE);
  for (const box of boxes) addModel(model, box);
  return { space: FlowSpace.fromBoxes(boxes.map(toBox)), model };
});

const combine = (a: Model, b: Model, op: (x: number, y: number) => number): Model => a.map((x, i) => op(x, b[i]!));

/** Lists the first few packets the two bitmaps disagree on; a deep toEqual on 6,144 entries is too slow here. */
function expectSameModel(actual: Model, expected: Model): void {
  const differing: number[] = [];
  for (let i = 0; i < UNIVERSE && differing.length < 5; i++) if (actual[i] !== expected[i]) differing.push(i);
  expect(differing).toEqual([]);
}
const subsetModel = (a: Model, b: Model) => a.every((x, i) => x <= b[i]!);

/** No two boxes may agree in four fields: those should have been merged into one. */
function expectCoalesced(space: FlowSpace): void {
  const keys = (box: FlowBox) => [box.sources.toString(), box.destinations.toString(), box.protocols.toString(), box.sourcePorts.toString(), box.destinationPorts.toString()];
  const boxes = space.boxes().map(keys);
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) expect(a.filter((key, field) => key !== b[field]).length).not.toBe(1);
  }
}

describe('FlowSpace against packet-by-packet enumeration', () => {
  it('fromBoxes builds the union of possibly overlapping boxes', () => {
    fc.assert(
      fc.property(modelledSpace, ({ space, model }) => {
        expectSameModel(modelOf(space), model);
        expect(space.isEmpty()).toBe(model.every((bit) => bit === 0));
      }),
      RUNS,
    );
  });

  it('union, intersect and subtract match the model', () => {
    fc.assert(
      fc.property(modelledSpace, modelledSpace, (a, b) => {
        expectSameModel(modelOf(a.space.union(b.space)), combine(a.model, b.model, (x, y) => x | y));
        expectSameModel(modelOf(a.space.intersect(b.space)), combine(a.model, b.model, (x, y) => x & y));
        expectSameModel(modelOf(a.space.subtract(b.space)), combine(a.model, b.model, (x, y) => x & (1 - y)));
      }),
      RUNS,
    );
  });

  it('an unmerged chain of subtractions holds the same packets, and compact() merges it', () => {
    fc.assert(
      fc.property(modelledSpace, fc.array(modelledSpace, { maxLength: 4 }), (start, cuts) => {
        let space = start.space;
        let model: Model = start.model;
        for (const cut of cuts) {
          space = space.subtractUnmerged(cut.space);
          model = combine(model, cut.model, (x, y) => x & (1 - y));
          expectSameModel(modelOf(space), model);
        }
        const compacted = space.compact();
        expectSameModel(modelOf(compacted), model);
        expectCoalesced(compacted);
      }),
      { numRuns: 300 },
    );
  });

  it('results are coalesced', () => {
    fc.assert(
      fc.property(modelledSpace, modelledSpace, (a, b) => {
        expectCoalesced(a.space.union(b.space));
        expectCoalesced(a.space.subtract(b.space));
      }),
      { numRuns: 300 },
    );
  });

  it('relations match the model', () => {
    fc.assert(
      fc.property(modelledSpace, modelledSpace, (a, b) => {
        const subset = subsetModel(a.model, b.model);
        expect({
          subset: a.space.isSubsetOf(b.space),
          equal: a.space.equals(b.space),
          overlap: a.space.overlaps(b.space),
        }).toEqual({
          subset,
          equal: subset && subsetModel(b.model, a.model),
          overlap: a.model.some((x, i) => x === 1 && b.model[i] === 1),
        });
      }),
      RUNS,
    );
  });

  it('equals sees through different box layouts of the same packets', () => {
    fc.assert(
      fc.property(modelledSpace, modelledSpace, (a, b) => {
        const rebuilt = a.space.subtract(b.space).union(a.space.intersect(b.space));
        expect(rebuilt.equals(a.space)).toBe(true);
        expect(a.space.union(b.space).equals(b.space.union(a.space))).toBe(true);
        expect(a.space.subtract(b.space).intersect(b.space).isEmpty()).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('has() and the projections match the model', () => {
    const index = (size: number) => fc.integer({ min: 0, max: size - 1 });
    const packet = fc.tuple(index(SIZES[0]), index(SIZES[1]), index(SIZES[2]), index(SIZES[3]), index(SIZES[4]));
    fc.assert(
      fc.property(modelledSpace, fc.array(packet, { minLength: 1, maxLength: 8 }), ({ space, model }, packets) => {
        for (const [s, d, p, sp, dp] of packets) {
          const inside = space.has({ src: ADDRESSES[s]!, dst: ADDRESSES[d]!, proto: PROTOCOLS[p]!, sport: SOURCE_PORTS[sp]!, dport: DESTINATION_PORTS[dp]! });
          expect(inside).toBe(model[packetIndex(s, d, p, sp, dp)] === 1);
        }
        const used = SIZES.map(() => new Set<number>());
        model.forEach((bit, index) => {
          if (bit === 0) return;
          let rest = index;
          for (let field = SIZES.length - 1; field >= 0; field--) {
            used[field]!.add(rest % SIZES[field]!);
            rest = Math.floor(rest / SIZES[field]!);
          }
        });
        const projected = membersOf({
          sources: space.projectSources(),
          destinations: space.projectDestinations(),
          protocols: space.projectProtocols(),
          sourcePorts: space.projectSourcePorts(),
          destinationPorts: space.projectDestinationPorts(),
        });
        expect(projected).toEqual(used.map((set) => [...set].sort((x, y) => x - y)));
      }),
      RUNS,
    );
  });
});
