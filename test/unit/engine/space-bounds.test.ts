import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchBox } from '../../../src-main/core/model/index';
import { AddressSet, PortSet, ProtocolSet, TCP } from '../../../src-main/core/net/index';
import { packedBoundsOf, packJoined } from '../../../src-main/core/engine/space-bounds';
import { makeRule } from './rule-factory';

const box = (sources: string, destinations: string): MatchBox => ({
  sources: AddressSet.parse(sources),
  destinations: AddressSet.parse(destinations),
  protocols: ProtocolSet.of(TCP),
  sourcePorts: PortSet.all(),
  destinationPorts: PortSet.parse('443'),
});

describe('rule bounds as a list scan uses them', () => {
  it('tells scattered host groups apart even where their spans overlap', () => {
    const earlier = makeRule('acl', 1, 'permit', [box('any4', '10.1.0.5, 10.9.0.5')]);
    const sharesNoHost = makeRule('acl', 2, 'permit', [box('any4', '10.4.0.7, 10.6.0.7')]);
    const sharesOne = makeRule('acl', 3, 'permit', [box('any4', '10.9.0.5')]);
    const packed = packedBoundsOf([earlier, sharesNoHost, sharesOne]);
    expect(packed.overlaps(0, packed.boundsAt(2))).toBe(true);
    expect(packed.overlaps(0, packed.boundsAt(1))).toBe(false);
  });

  it('never skips a rule that shares a packet (random IPv4 host groups and ranges)', () => {
    const host = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 255 }));
    const item = fc.oneof(
      host.map(([a, b, c]) => `10.${a}.${b}.${c}`),
      fc.tuple(host, fc.integer({ min: 0, max: 3000 })).map(([[a, b, c], span]) => {
        const low = (10 << 24) + (a << 16) + (b << 8) + c;
        const text = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
        return `${text(low)}-${text(low + span)}`;
      }),
    );
    const group = fc.array(item, { minLength: 1, maxLength: 6 }).map((items) => items.join(', '));
    fc.assert(
      fc.property(group, group, (first, second) => {
        const a = makeRule('acl', 1, 'permit', [box('any4', first)]);
        const b = makeRule('acl', 2, 'permit', [box('any4', second)]);
        const share = AddressSet.parse(first).overlaps(AddressSet.parse(second));
        if (share) {
          const packed = packedBoundsOf([a, b]);
          expect(packed.overlaps(0, packed.boundsAt(1))).toBe(true);
          expect(packed.mayTouchAddresses(0, AddressSet.parse(second))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('visits through the block bitmaps exactly the rules a full scan would, in order, and stops when asked', () => {
    const address = fc.oneof(
      fc.constant('any4'),
      fc.constant('any'),
      fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 255 })).map(([block, host]) => `10.0.${block}.${host}`),
      fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 2000 })).map(([block, span]) => `10.0.${block}.0-10.${(block * 256 + span) >> 16}.${((block * 256 + span) >> 8) & 255}.${span & 255}`),
    );
    const rule = fc.tuple(address, address, fc.integer({ min: 1, max: 4 })).map(([sources, destinations, port]) => ({ sources, destinations, port }));
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 90 }), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 200 }), (shapes, query, from, span, stopAfter) => {
        const rules = shapes.map((shape, index) =>
          makeRule('acl', index + 1, 'permit', [{ ...box(shape.sources, shape.destinations), destinationPorts: PortSet.of(440 + shape.port) }]),
        );
        const packed = packedBoundsOf(rules);
        const bounds = packed.boundsAt(query % rules.length);
        const start = from % (rules.length + 1);
        const end = Math.min(rules.length, start + (span % (rules.length + 1)));
        const expected: number[] = [];
        for (let index = start; index < end; index++) if (packed.overlaps(index, bounds)) expected.push(index);
        const visited: number[] = [];
        packed.forEachOverlapping(bounds, start, end, (index) => {
          visited.push(index);
          return visited.length < stopAfter;
        });
        expect(visited).toEqual(expected.slice(0, stopAfter));
      }),
      { numRuns: 2000 },
    );
  });

  it('packs lists joined end to end exactly as it packs the joined rules themselves', () => {
    const first = [makeRule('a', 1, 'permit', [box('any4', '10.1.0.5')]), makeRule('a', 2, 'deny', [box('10.2.0.0/16', 'any')])];
    const second = Array.from({ length: 40 }, (_, index) => makeRule('g', index + 1, 'permit', [box(`10.3.${index}.1`, `10.4.${index % 7}.0/24`)]));
    const joined = [...first, ...second];
    packJoined(joined, [first, second]);
    const fromParts = packedBoundsOf(joined);
    const direct = packedBoundsOf([...joined]);
    expect(fromParts.length).toBe(direct.length);
    for (let index = 0; index < joined.length; index++) {
      expect(fromParts.boundsAt(index)).toEqual(direct.boundsAt(index));
      const visited = (table: typeof direct) => {
        const seen: number[] = [];
        table.forEachOverlapping(direct.boundsAt(index), 0, joined.length, (at) => void seen.push(at));
        return seen;
      };
      expect(visited(fromParts)).toEqual(visited(direct));
    }
  });
});
