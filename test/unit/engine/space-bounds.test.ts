import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchBox } from '../../../src-main/core/model/index';
import { AddressSet, PortSet, ProtocolSet, TCP } from '../../../src-main/core/net/index';
import { boundsOfRule, mayTouchAddresses, packedBoundsOf } from '../../../src-main/core/engine/space-bounds';
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
    expect(packed.overlaps(0, boundsOfRule(sharesOne))).toBe(true);
    expect(packed.overlaps(0, boundsOfRule(sharesNoHost))).toBe(false);
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
          expect(packedBoundsOf([a]).overlaps(0, boundsOfRule(b))).toBe(true);
          expect(mayTouchAddresses(boundsOfRule(a), AddressSet.parse(second))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
