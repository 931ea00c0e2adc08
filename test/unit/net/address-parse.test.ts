import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressParseError, AddressSet } from '../../../src-main/core/net/index';

const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;

function v4Intervals(text: string): readonly (readonly [bigint, bigint])[] {
  const set = AddressSet.parse(text);
  expect(set.v6().isEmpty()).toBe(true);
  return set.v4().intervals();
}

function v6Intervals(text: string): readonly (readonly [bigint, bigint])[] {
  const set = AddressSet.parse(text);
  expect(set.v4().isEmpty()).toBe(true);
  return set.v6().intervals();
}

describe('AddressSet.parse accepts', () => {
  it('IPv4 hosts', () => {
    expect(v4Intervals('10.0.0.1')).toEqual([[0x0a000001n, 0x0a000001n]]);
    expect(v4Intervals('0.0.0.0')).toEqual([[0n, 0n]]);
    expect(v4Intervals('255.255.255.255')).toEqual([[V4_MAX, V4_MAX]]);
    expect(v4Intervals('  10.0.0.1\t')).toEqual([[0x0a000001n, 0x0a000001n]]);
  });

  it('IPv6 hosts in every spelling', () => {
    expect(v6Intervals('2001:db8::50')).toEqual([[0x20010db8000000000000000000000050n, 0x20010db8000000000000000000000050n]]);
    expect(v6Intervals('2001:DB8:0:0:0:0:0:50')).toEqual(v6Intervals('2001:db8::50'));
    expect(v6Intervals('2001:0db8:0000:0000:0000:0000:0000:0050')).toEqual(v6Intervals('2001:db8::50'));
    expect(v6Intervals('::')).toEqual([[0n, 0n]]);
    expect(v6Intervals('::1')).toEqual([[1n, 1n]]);
    expect(v6Intervals('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual([[V6_MAX, V6_MAX]]);
  });

  it('IPv4-mapped and embedded IPv4 as IPv6, exactly as written', () => {
    expect(v6Intervals('::ffff:10.0.0.1')).toEqual([[0xffff0a000001n, 0xffff0a000001n]]);
    expect(v6Intervals('::ffff:a00:1')).toEqual([[0xffff0a000001n, 0xffff0a000001n]]);
    // ipaddr.js on its own would turn this into ::ffff:1.2.3.4.
    expect(v6Intervals('::1.2.3.4')).toEqual([[0x01020304n, 0x01020304n]]);
    expect(v6Intervals('64:ff9b::192.0.2.33')).toEqual([[0x0064ff9b0000000000000000c0000221n, 0x0064ff9b0000000000000000c0000221n]]);
  });

  it('never equates an IPv4 address with its mapped IPv6 form', () => {
    const v4 = AddressSet.parse('10.0.0.1');
    const mapped = AddressSet.parse('::ffff:10.0.0.1');
    expect(v4.equals(mapped)).toBe(false);
    expect(v4.overlaps(mapped)).toBe(false);
    expect(v4.contains('::ffff:10.0.0.1')).toBe(false);
    expect(mapped.contains('10.0.0.1')).toBe(false);
  });

  it('CIDRs, with host bits ignored', () => {
    expect(v4Intervals('10.0.0.0/24')).toEqual([[0x0a000000n, 0x0a0000ffn]]);
    expect(v4Intervals('10.0.0.5/24')).toEqual([[0x0a000000n, 0x0a0000ffn]]);
    expect(v4Intervals('0.0.0.0/0')).toEqual([[0n, V4_MAX]]);
    expect(v4Intervals('1.2.3.4/0')).toEqual([[0n, V4_MAX]]);
    expect(v4Intervals('10.0.0.7/32')).toEqual([[0x0a000007n, 0x0a000007n]]);
    expect(v4Intervals('10.0.0.0 / 8')).toEqual([[0x0a000000n, 0x0affffffn]]);
    expect(v6Intervals('2001:db8::/64')).toEqual([[0x20010db8000000000000000000000000n, 0x20010db800000000ffffffffffffffffn]]);
    expect(v6Intervals('2001:db8::1/64')).toEqual(v6Intervals('2001:db8::/64'));
    expect(v6Intervals('::/0')).toEqual([[0n, V6_MAX]]);
    expect(v6Intervals('::1/128')).toEqual([[1n, 1n]]);
  });

  it('ranges', () => {
    expect(v4Intervals('10.30.0.10-10.30.0.99')).toEqual([[0x0a1e000an, 0x0a1e0063n]]);
    expect(v4Intervals('10.30.0.10 - 10.30.0.99')).toEqual([[0x0a1e000an, 0x0a1e0063n]]);
    expect(v4Intervals('10.0.0.1-10.0.0.1')).toEqual([[0x0a000001n, 0x0a000001n]]);
    expect(v4Intervals('0.0.0.0-255.255.255.255')).toEqual([[0n, V4_MAX]]);
    expect(v6Intervals('2001:db8::10-2001:db8::ff')).toEqual([[0x20010db8000000000000000000000010n, 0x20010db80000000000000000000000ffn]]);
  });

  it('an address with a dotted mask', () => {
    expect(v4Intervals('10.0.0.0 255.255.255.0')).toEqual([[0x0a000000n, 0x0a0000ffn]]);
    expect(v4Intervals('10.0.0.9   255.255.255.248')).toEqual([[0x0a000008n, 0x0a00000fn]]);
    expect(v4Intervals('10.0.0.1 255.255.255.255')).toEqual([[0x0a000001n, 0x0a000001n]]);
    expect(v4Intervals('0.0.0.0 0.0.0.0')).toEqual([[0n, V4_MAX]]);
  });

  it('keywords in any case', () => {
    expect(AddressSet.parse('any').equals(AddressSet.any())).toBe(true);
    expect(AddressSet.parse('ANY').equals(AddressSet.any())).toBe(true);
    expect(AddressSet.parse('Any4').equals(AddressSet.anyV4())).toBe(true);
    expect(AddressSet.parse('any6').equals(AddressSet.anyV6())).toBe(true);
    expect(AddressSet.parse('None').isEmpty()).toBe(true);
  });

  it('comma-separated lists of all of the above', () => {
    const set = AddressSet.parse('10.0.0.1, 10.0.1.0/24 ,2001:db8::1, 10.0.2.0 255.255.255.0,10.0.0.2-10.0.0.3');
    expect(set.v4().intervals()).toEqual([
      [0x0a000001n, 0x0a000003n],
      [0x0a000100n, 0x0a0002ffn],
    ]);
    expect(set.v6().size()).toBe(1n);
  });
});

describe('AddressSet.parse rejects', () => {
  it.each([
    ['10.0.0.300', '"10.0.0.300" is not an IPv4 or IPv6 address'],
    ['10.0.0', '"10.0.0" is not an IPv4 or IPv6 address'],
    ['10', '"10" is not an IPv4 or IPv6 address'],
    ['0x0a.0.0.1', '"0x0a.0.0.1" is not an IPv4 or IPv6 address'],
    ['010.0.0.1', '"010.0.0.1" is not an IPv4 or IPv6 address (leading zeros in IPv4 octets are ambiguous)'],
    ['10.0.0.01', '"10.0.0.01" is not an IPv4 or IPv6 address (leading zeros in IPv4 octets are ambiguous)'],
    ['fe80::1%eth0', '"fe80::1%eth0" is not an IPv4 or IPv6 address (zone ids are not supported)'],
    ['2001:db8:::1', '"2001:db8:::1" is not an IPv4 or IPv6 address'],
    ['2001:db8::1::2', '"2001:db8::1::2" is not an IPv4 or IPv6 address'],
    ['12345::', '"12345::" is not an IPv4 or IPv6 address'],
    ['::00001', '"::00001" is not an IPv4 or IPv6 address'],
    ['1:2:3:4:5:6:7:8:9', '"1:2:3:4:5:6:7:8:9" is not an IPv4 or IPv6 address'],
    ['::ffff:1.2.3.256', '"::ffff:1.2.3.256" is not an IPv4 or IPv6 address'],
    ['host', '"host" is not an IPv4 or IPv6 address'],
    ['10.0.0.0/33', '"10.0.0.0/33" has prefix length 33, but IPv4 allows 0-32'],
    ['2001:db8::/129', '"2001:db8::/129" has prefix length 129, but IPv6 allows 0-128'],
    ['10.0.0.0/', '"10.0.0.0/" has an invalid prefix length ""'],
    ['10.0.0.0/-1', '"10.0.0.0/-1" has an invalid prefix length "-1"'],
    ['10.0.0.0/24/8', '"10.0.0.0/24" in "10.0.0.0/24/8" is not an IPv4 or IPv6 address'],
    ['10.0.0.256/24', '"10.0.0.256" in "10.0.0.256/24" is not an IPv4 or IPv6 address'],
    ['10.0.0.9-10.0.0.1', '"10.0.0.9-10.0.0.1" is a reversed range'],
    ['10.0.0.1-2001:db8::1', '"10.0.0.1-2001:db8::1" mixes IPv4 and IPv6'],
    ['10.0.0.1-', '"" in "10.0.0.1-" is not an IPv4 or IPv6 address'],
    ['10.0.0.1-10.0.0.2-10.0.0.3', '"10.0.0.1-10.0.0.2-10.0.0.3" is not an address range like "10.0.0.1-10.0.0.9"'],
    ['10.0.0.0 0.0.0.255', '"0.0.0.255" in "10.0.0.0 0.0.0.255" is not a contiguous subnet mask'],
    ['10.0.0.0 255.0.255.0', '"255.0.255.0" in "10.0.0.0 255.0.255.0" is not a contiguous subnet mask'],
    ['10.0.0.0 255.255.255.256', '"255.255.255.256" in "10.0.0.0 255.255.255.256" is not an IPv4 or IPv6 address'],
    ['2001:db8:: 255.255.0.0', '"2001:db8:: 255.255.0.0": an address with a dotted mask must be IPv4'],
    ['host 10.0.0.1', '"host" in "host 10.0.0.1" is not an IPv4 or IPv6 address'],
    ['10.0.0.0 255.255.255.0 x', '"10.0.0.0 255.255.255.0 x" is not an address, CIDR, range or "address mask" pair'],
    ['10.0.0.1,,10.0.0.2', 'empty item in address list "10.0.0.1,,10.0.0.2"'],
    ['', 'no address given'],
    ['none,10.0.0.1', '"none" is not an IPv4 or IPv6 address'],
  ])('%j', (text, message) => {
    expect(() => AddressSet.parse(text)).toThrow(new AddressParseError(message));
  });

  it('with an AddressParseError', () => {
    expect(() => AddressSet.parse('nonsense')).toThrow(AddressParseError);
  });
});

describe('AddressSet.fromCidr and fromRange', () => {
  it('build from strings', () => {
    expect(AddressSet.fromCidr('10.0.0.5', 24).toString()).toBe('10.0.0.0/24');
    expect(AddressSet.fromCidr('2001:db8::', 32).toString()).toBe('2001:db8::/32');
    expect(AddressSet.fromCidr('0.0.0.0', 0).isAnyV4()).toBe(true);
    expect(AddressSet.fromRange('10.30.0.10', '10.30.0.99').toString()).toBe('10.30.0.10-10.30.0.99');
  });

  it('reject bad input', () => {
    expect(() => AddressSet.fromCidr('10.0.0.0', 33)).toThrow(new AddressParseError('"10.0.0.0/33" has prefix length 33, but IPv4 allows 0-32'));
    expect(() => AddressSet.fromCidr('10.0.0.0', 1.5)).toThrow(AddressParseError);
    expect(() => AddressSet.fromCidr('10.0.0.0/8', 8)).toThrow(new AddressParseError('"10.0.0.0/8" is not an IPv4 or IPv6 address'));
    expect(() => AddressSet.fromRange('10.0.0.2', '10.0.0.1')).toThrow(new AddressParseError('"10.0.0.2-10.0.0.1" is a reversed range'));
    expect(() => AddressSet.fromRange('10.0.0.1', '::1')).toThrow(new AddressParseError('"10.0.0.1-::1" mixes IPv4 and IPv6'));
  });
});

describe('address text agrees with Node', () => {
  const pieces = fc.constantFrom(...'0123456789abcdefABCDEF:.'.split(''), '::', ':0:', '1.2.3.4', '255', '00', 'ffff');
  const candidate = fc.array(pieces, { maxLength: 16 }).map((list) => list.join(''));

  it('on which strings are single addresses', () => {
    fc.assert(
      fc.property(candidate, (text) => {
        let accepted = true;
        try {
          AddressSet.parse(text);
        } catch {
          accepted = false;
        }
        // Node's net.isIP is strict in the same ways: no octal, no short IPv4 forms, no 5-digit groups.
        expect(accepted).toBe(net.isIP(text) !== 0);
      }),
      { numRuns: 10_000 },
    );
  });

  it('on which IPv6 address a string names', () => {
    const groups = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(groups, fc.boolean(), (parts, dottedTail) => {
        const hex = parts.map((part) => part.toString(16));
        const text = dottedTail
          ? `${hex.slice(0, 6).join(':')}:${parts[6]! >> 8}.${parts[6]! & 255}.${parts[7]! >> 8}.${parts[7]! & 255}`
          : hex.join(':');
        // WHATWG URL parsing is an independent IPv6 reader; it prints the canonical hex form.
        const canonical = new URL(`http://[${text}]`).hostname.slice(1, -1);
        expect(AddressSet.parse(text).equals(AddressSet.parse(canonical))).toBe(true);
        expect(AddressSet.parse(text).v6().min()).toBe(parts.reduce((value, part) => (value << 16n) | BigInt(part), 0n));
      }),
      { numRuns: 2000 },
    );
  });
});
