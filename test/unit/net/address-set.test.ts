import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressParseError, AddressSet, IntervalSet } from '../../../src-main/core/net/index';

const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;
const RUNS = { numRuns: 1000 };

/** Values that cluster near interesting places (zero, the top, powers of two) as well as anywhere. */
function familyValue(max: bigint): fc.Arbitrary<bigint> {
  const bits = max.toString(2).length;
  return fc.oneof(
    fc.bigInt({ min: 0n, max }),
    fc.bigInt({ min: 0n, max: 300n }),
    fc.bigInt({ min: max - 300n, max }),
    fc.integer({ min: 2, max: bits - 1 }).chain((power) => fc.bigInt({ min: (1n << BigInt(power)) - 3n, max: (1n << BigInt(power)) + 3n })),
  );
}

function familySet(max: bigint): fc.Arbitrary<IntervalSet> {
  const value = familyValue(max);
  return fc
    .array(fc.tuple(value, value), { maxLength: 4 })
    .map((pairs) => IntervalSet.fromIntervals(pairs.map(([a, b]) => (a <= b ? ([a, b] as const) : ([b, a] as const)))));
}

const addressSet = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(familySet(V4_MAX), familySet(V6_MAX)).map(([v4, v6]) => AddressSet.fromIntervalSets(v4, v6)) },
  { weight: 1, arbitrary: fc.constantFrom(AddressSet.any(), AddressSet.anyV4(), AddressSet.anyV6(), AddressSet.empty()) },
);

describe('AddressSet.toString', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['10.0.0.0/24', '10.0.0.0/24'],
    ['10.0.0.0-10.0.0.255', '10.0.0.0/24'],
    ['10.30.0.10-10.30.0.99', '10.30.0.10-10.30.0.99'],
    ['10.0.0.0/25, 10.0.0.128/25', '10.0.0.0/24'],
    ['10.0.0.1-10.0.0.2', '10.0.0.1-10.0.0.2'],
    ['10.0.0.2-10.0.0.3', '10.0.0.2/31'],
    ['10.0.0.9, 10.0.0.1, 10.0.0.2', '10.0.0.1-10.0.0.2,10.0.0.9'],
    ['255.255.255.255', '255.255.255.255'],
    ['0.0.0.0', '0.0.0.0'],
    ['0.0.0.0/1', '0.0.0.0/1'],
    ['0.0.0.0/0', 'any4'],
    ['0.0.0.0-255.255.255.255', 'any4'],
    ['::/0', 'any6'],
    ['0.0.0.0/0, ::/0', 'any'],
    ['any', 'any'],
    ['any4, 2001:db8::/64', 'any4,2001:db8::/64'],
    ['10.0.0.1, any6', '10.0.0.1,any6'],
    ['2001:DB8:0:0:0:0:0:50', '2001:db8::50'],
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
    ['2001:db8::1-2001:db8::ff', '2001:db8::1-2001:db8::ff'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
    ['::ffff:10.0.0.0/120', '::ffff:10.0.0.0/120'],
    ['::1.2.3.4', '::102:304'],
    ['::', '::'],
    ['::1', '::1'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['2001:db8::/64, 10.0.0.1', '10.0.0.1,2001:db8::/64'],
  ])('%j prints as %s', (text, printed) => {
    expect(AddressSet.parse(text).toString()).toBe(printed);
  });

  it('prints none for the empty set', () => {
    expect(AddressSet.empty().toString()).toBe('none');
    expect(AddressSet.parse('10.0.0.0/24').subtract(AddressSet.parse('10.0.0.0/24')).toString()).toBe('none');
  });
});

describe('AddressSet.toShortString', () => {
  const hosts = (count: number) => Array.from({ length: count }, (_, i) => `10.${i >> 8}.${i & 255}.1`).join(', ');

  it('prints as toString while the items fit', () => {
    for (const text of ['10.0.0.1', '2001:db8::/64, 10.0.0.1', hosts(3)]) {
      expect(AddressSet.parse(text).toShortString(3)).toBe(AddressSet.parse(text).toString());
    }
    expect(AddressSet.any().toShortString(1)).toBe('any');
    expect(AddressSet.empty().toShortString(2)).toBe('none');
  });

  it('names the first items and counts the rest, IPv6 included', () => {
    expect(AddressSet.parse(hosts(1500)).toShortString(2)).toBe('10.0.0.1,10.0.1.1 and 1,498 more');
    expect(AddressSet.parse(`${hosts(2)}, 2001:db8::1, 2001:db8::3`).toShortString(3)).toBe('10.0.0.1,10.0.1.1,2001:db8::1 and 1 more');
    expect(AddressSet.parse('::/0, 10.0.0.1').toShortString(1)).toBe('10.0.0.1 and 1 more');
  });
});

describe('AddressSet.toCidrs', () => {
  it.each([
    ['10.30.0.10-10.30.0.99', ['10.30.0.10/31', '10.30.0.12/30', '10.30.0.16/28', '10.30.0.32/27', '10.30.0.64/27', '10.30.0.96/30']],
    ['10.0.0.1', ['10.0.0.1/32']],
    ['10.0.0.0/24', ['10.0.0.0/24']],
    ['0.0.0.0/0', ['0.0.0.0/0']],
    ['0.0.0.1-255.255.255.255', [
      '0.0.0.1/32', '0.0.0.2/31', '0.0.0.4/30', '0.0.0.8/29', '0.0.0.16/28', '0.0.0.32/27', '0.0.0.64/26', '0.0.0.128/25',
      '0.0.1.0/24', '0.0.2.0/23', '0.0.4.0/22', '0.0.8.0/21', '0.0.16.0/20', '0.0.32.0/19', '0.0.64.0/18', '0.0.128.0/17',
      '0.1.0.0/16', '0.2.0.0/15', '0.4.0.0/14', '0.8.0.0/13', '0.16.0.0/12', '0.32.0.0/11', '0.64.0.0/10', '0.128.0.0/9',
      '1.0.0.0/8', '2.0.0.0/7', '4.0.0.0/6', '8.0.0.0/5', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1',
    ]],
    ['0.0.0.0-255.255.255.254', [
      '0.0.0.0/1', '128.0.0.0/2', '192.0.0.0/3', '224.0.0.0/4', '240.0.0.0/5', '248.0.0.0/6', '252.0.0.0/7', '254.0.0.0/8',
      '255.0.0.0/9', '255.128.0.0/10', '255.192.0.0/11', '255.224.0.0/12', '255.240.0.0/13', '255.248.0.0/14', '255.252.0.0/15', '255.254.0.0/16',
      '255.255.0.0/17', '255.255.128.0/18', '255.255.192.0/19', '255.255.224.0/20', '255.255.240.0/21', '255.255.248.0/22', '255.255.252.0/23', '255.255.254.0/24',
      '255.255.255.0/25', '255.255.255.128/26', '255.255.255.192/27', '255.255.255.224/28', '255.255.255.240/29', '255.255.255.248/30', '255.255.255.252/31', '255.255.255.254/32',
    ]],
    ['2001:db8::/64, 10.0.0.0/31', ['10.0.0.0/31', '2001:db8::/64']],
    ['any', ['0.0.0.0/0', '::/0']],
    ['::1-::2', ['::1/128', '::2/128']],
    ['none', []],
  ])('%j', (text, cidrs) => {
    expect(AddressSet.parse(text).toCidrs()).toEqual(cidrs);
  });
});

describe('AddressSet', () => {
  it('answers membership by address text', () => {
    const set = AddressSet.parse('10.0.0.0/24, 2001:db8::/64');
    expect(set.contains('10.0.0.255')).toBe(true);
    expect(set.contains('10.0.1.0')).toBe(false);
    expect(set.contains('2001:db8::ffff')).toBe(true);
    expect(set.contains('2001:db9::')).toBe(false);
    expect(() => set.contains('10.0.0.0/24')).toThrow(AddressParseError);
  });

  it('measures each family', () => {
    expect(AddressSet.parse('10.0.0.0/24, 10.0.1.1, 2001:db8::/64').size()).toEqual({ v4: 257n, v6: 1n << 64n });
    expect(AddressSet.any().size()).toEqual({ v4: 1n << 32n, v6: 1n << 128n });
  });

  it('recognises whole families', () => {
    expect(AddressSet.any().isAnyV4()).toBe(true);
    expect(AddressSet.any().isAnyV6()).toBe(true);
    expect(AddressSet.anyV4().isAnyV6()).toBe(false);
    expect(AddressSet.anyV6().isAnyV4()).toBe(false);
    expect(AddressSet.parse('0.0.0.0/1, 128.0.0.0/1').isAnyV4()).toBe(true);
    expect(AddressSet.parse('0.0.0.0/1').isAnyV4()).toBe(false);
  });

  it('keeps families apart in set algebra', () => {
    const mixed = AddressSet.parse('10.0.0.0/8, 2001:db8::/32');
    expect(mixed.subtract(AddressSet.anyV4()).toString()).toBe('2001:db8::/32');
    expect(mixed.intersect(AddressSet.anyV6()).toString()).toBe('2001:db8::/32');
    expect(mixed.union(AddressSet.parse('::ffff:10.0.0.0/104')).toString()).toBe('10.0.0.0/8,::ffff:10.0.0.0/104,2001:db8::/32');
    expect(AddressSet.anyV4().overlaps(AddressSet.anyV6())).toBe(false);
    expect(AddressSet.anyV4().isSubsetOf(AddressSet.any())).toBe(true);
    expect(AddressSet.any().isSubsetOf(AddressSet.anyV4())).toBe(false);
  });

  it('rejects raw values outside a family', () => {
    expect(() => AddressSet.fromIntervalSets(IntervalSet.of(0n, 1n << 32n), IntervalSet.empty())).toThrow(RangeError);
    expect(() => AddressSet.fromIntervalSets(IntervalSet.empty(), IntervalSet.of(-1n, 0n))).toThrow(RangeError);
  });
});

describe('AddressSet properties', () => {
  it('parse(toString()) gives the same set', () => {
    fc.assert(
      fc.property(addressSet, (set) => {
        expect(AddressSet.parse(set.toString()).equals(set)).toBe(true);
      }),
      RUNS,
    );
  });

  it('toCidrs() covers the set exactly with maximal, disjoint, ordered blocks', () => {
    fc.assert(
      fc.property(addressSet, (set) => {
        const blocks = set.toCidrs().map((cidr) => {
          const [address, length] = cidr.split('/') as [string, string];
          return { cidr, address, length: Number(length), set: AddressSet.parse(cidr) };
        });
        const union = blocks.reduce((all, block) => all.union(block.set), AddressSet.empty());
        expect(union.equals(set)).toBe(true);
        for (const [index, block] of blocks.entries()) {
          const previous = blocks[index - 1];
          if (previous !== undefined) {
            expect(previous.set.overlaps(block.set)).toBe(false);
            // IPv4 before IPv6, ascending within a family.
            const ordered =
              (previous.set.v6().isEmpty() && !block.set.v6().isEmpty()) ||
              (previous.set.v4().max() ?? previous.set.v6().max()!) < (block.set.v4().min() ?? block.set.v6().min()!);
            expect(ordered).toBe(true);
          }
          // Minimal: no block could be replaced by its parent, so no cover uses fewer blocks.
          if (block.length > 0) expect(AddressSet.fromCidr(block.address, block.length - 1).isSubsetOf(set)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('set algebra is the per-family IntervalSet algebra', () => {
    fc.assert(
      fc.property(addressSet, addressSet, (a, b) => {
        for (const [result, v4, v6] of [
          [a.union(b), a.v4().union(b.v4()), a.v6().union(b.v6())],
          [a.intersect(b), a.v4().intersect(b.v4()), a.v6().intersect(b.v6())],
          [a.subtract(b), a.v4().subtract(b.v4()), a.v6().subtract(b.v6())],
        ] as const) {
          expect(result.v4().equals(v4) && result.v6().equals(v6)).toBe(true);
        }
        expect(a.isSubsetOf(b)).toBe(a.v4().isSubsetOf(b.v4()) && a.v6().isSubsetOf(b.v6()));
        expect(a.overlaps(b)).toBe(a.v4().overlaps(b.v4()) || a.v6().overlaps(b.v6()));
        expect(a.equals(b)).toBe(a.isSubsetOf(b) && b.isSubsetOf(a));
        expect(a.isEmpty()).toBe(a.size().v4 === 0n && a.size().v6 === 0n);
      }),
      RUNS,
    );
  });

  it('reads plain "A" and "A M" as the general list reader does, errors included', () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('00', '01', '256', '1a', ''));
    const dotted = fc.array(octet, { minLength: 3, maxLength: 5 }).map((octets) => octets.join('.'));
    const mask = fc.oneof(
      fc.integer({ min: 0, max: 32 }).map((length) => {
        const bits = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
        return [bits >>> 24, (bits >>> 16) & 255, (bits >>> 8) & 255, bits & 255].join('.');
      }),
      dotted,
    );
    const text = fc.oneof(dotted, fc.tuple(dotted, mask).map(([address, netmask]) => `${address} ${netmask}`));
    const read = (source: string) => {
      try {
        return AddressSet.parse(source).toString();
      } catch (error) {
        return error instanceof AddressParseError ? 'error' : 'thrown';
      }
    };
    fc.assert(
      fc.property(text, (source) => {
        // Listed twice, the same item goes through the general reader (a list), and a union with itself changes nothing.
        expect(read(source)).toBe(read(`${source}, ${source}`));
      }),
      { numRuns: 3000 },
    );
    expect(AddressSet.parse('10.1.2.3 255.255.255.0').toString()).toBe('10.1.2.0/24');
    expect(AddressSet.parse('10.1.2.3 0.0.0.0').equals(AddressSet.anyV4())).toBe(true);
    expect(() => AddressSet.parse('10.1.2.3 0.0.0.255')).toThrow(AddressParseError);
  });

  it('unionAll() is the union of its members, whatever their number', () => {
    fc.assert(
      fc.property(fc.array(addressSet, { maxLength: 9 }), (sets) => {
        const folded = sets.reduce((all, set) => all.union(set), AddressSet.empty());
        expect(AddressSet.unionAll(sets).equals(folded)).toBe(true);
      }),
      RUNS,
    );
  });

  it('contains() agrees with the printed host list', () => {
    fc.assert(
      fc.property(familyValue(V4_MAX), familyValue(V6_MAX), addressSet, (v4, v6, set) => {
        const v4Text = AddressSet.fromIntervalSets(IntervalSet.of(v4, v4), IntervalSet.empty()).toString();
        const v6Text = AddressSet.fromIntervalSets(IntervalSet.empty(), IntervalSet.of(v6, v6)).toString();
        expect(set.contains(v4Text)).toBe(set.v4().has(v4));
        expect(set.contains(v6Text)).toBe(set.v6().has(v6));
      }),
      RUNS,
    );
  });
});
