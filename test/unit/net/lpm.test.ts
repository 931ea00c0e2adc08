import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AddressParseError,
  AddressSet,
  IntervalSet,
  longestPrefixMatch,
  partitionByLongestPrefix,
  type PrefixEntry,
} from '../../../src-main/core/net/index';

const routes: PrefixEntry<string>[] = [
  { cidr: '0.0.0.0/0', value: 'outside' },
  { cidr: '10.0.0.0/8', value: 'inside' },
  { cidr: '10.0.5.0/24', value: 'dmz' },
  { cidr: '2001:db8::/32', value: 'inside' },
  { cidr: '10.0.9.9', value: 'mgmt' },
];

function describeParts(entries: readonly PrefixEntry<string>[], text: string): string[] {
  return partitionByLongestPrefix(entries, AddressSet.parse(text)).map((part) => `${part.value}: ${part.addresses}`);
}

describe('longestPrefixMatch', () => {
  it('picks the most specific entry', () => {
    expect(longestPrefixMatch(routes, '10.0.5.7')?.value).toBe('dmz');
    expect(longestPrefixMatch(routes, '10.0.6.7')?.value).toBe('inside');
    expect(longestPrefixMatch(routes, '10.0.9.9')?.value).toBe('mgmt');
    expect(longestPrefixMatch(routes, '192.0.2.1')?.value).toBe('outside');
    expect(longestPrefixMatch(routes, '2001:db8::1')?.value).toBe('inside');
  });

  it('finds nothing for an unrouted address, and keeps families apart', () => {
    expect(longestPrefixMatch(routes, '2001:db9::1')).toBeUndefined();
    expect(longestPrefixMatch([{ cidr: '0.0.0.0/0', value: 'v4' }], '::ffff:10.0.0.1')).toBeUndefined();
  });

  it('lets the first listed entry win a tie', () => {
    const tied = [
      { cidr: '10.0.0.0/8', value: 'first' },
      { cidr: '10.1.0.0/8', value: 'second' },
    ];
    expect(longestPrefixMatch(tied, '10.2.3.4')?.value).toBe('first');
    expect(describeParts(tied, '10.0.0.0/16')).toEqual(['first: 10.0.0.0/16']);
  });

  it('accepts numeric prefixes', () => {
    const entries = [{ cidr: { family: 'ipv4' as const, network: 0x0a000000n, length: 8 }, value: 'ten' }];
    expect(longestPrefixMatch(entries, '10.200.0.1')?.value).toBe('ten');
  });

  it('reports a bad entry', () => {
    expect(() => longestPrefixMatch([{ cidr: '10.0.0.0/40', value: 1 }], '10.0.0.1')).toThrow(
      new AddressParseError('"10.0.0.0/40" has prefix length 40, but IPv4 allows 0-32'),
    );
  });
});

describe('partitionByLongestPrefix', () => {
  it('splits a /16 partly behind a more specific /24', () => {
    expect(describeParts(routes, '10.0.0.0/16')).toEqual([
      'inside: 10.0.0.0-10.0.4.255,10.0.6.0-10.0.9.8,10.0.9.10-10.0.255.255',
      'dmz: 10.0.5.0/24',
      'mgmt: 10.0.9.9',
    ]);
  });

  it('merges entries with the same value and leaves unmatched addresses last', () => {
    expect(describeParts(routes, '10.0.0.1, 2001:db8::/48, 2001:db9::1, 192.0.2.0/24')).toEqual([
      'outside: 192.0.2.0/24',
      'inside: 10.0.0.1,2001:db8::/48',
      'undefined: 2001:db9::1',
    ]);
  });

  it('returns nothing for an empty set and one unmatched part for an empty table', () => {
    expect(partitionByLongestPrefix(routes, AddressSet.empty())).toEqual([]);
    expect(describeParts([], '10.0.0.0/8')).toEqual(['undefined: 10.0.0.0/8']);
  });

  it('agrees with longestPrefixMatch on every address of a /27', () => {
    const base = 0x0a000000n;
    const prefix = fc.record({
      offset: fc.integer({ min: 0, max: 31 }),
      length: fc.integer({ min: 25, max: 32 }),
      value: fc.constantFrom('a', 'b', 'c', 'd'),
    });
    const members = fc.subarray(Array.from({ length: 32 }, (_, i) => i));
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 6 }), members, (table, hosts) => {
        const entries = table.map(({ offset, length, value }) => ({
          cidr: `${AddressSet.fromIntervalSets(IntervalSet.of(base + BigInt(offset), base + BigInt(offset)), IntervalSet.empty())}/${length}`,
          value,
        }));
        const set = AddressSet.fromIntervalSets(
          IntervalSet.fromIntervals(hosts.map((host) => [base + BigInt(host), base + BigInt(host)] as const)),
          IntervalSet.empty(),
        );
        const parts = partitionByLongestPrefix(entries, set);
        expect(new Set(parts.map((part) => part.value)).size).toBe(parts.length);
        const owner = new Map<number, string | undefined>();
        for (const part of parts) {
          expect(part.addresses.isEmpty()).toBe(false);
          for (const host of hosts) {
            if (!part.addresses.v4().has(base + BigInt(host))) continue;
            expect(owner.has(host)).toBe(false);
            owner.set(host, part.value);
          }
        }
        const expected = new Map(hosts.map((host) => [host, longestPrefixMatch(entries, `10.0.0.${host}`)?.value]));
        expect(owner).toEqual(expected);
        expect(parts.reduce((all, part) => all.union(part.addresses), AddressSet.empty()).equals(set)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
