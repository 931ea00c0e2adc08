import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ICMP,
  ICMP6,
  ProtocolParseError,
  ProtocolSet,
  TCP,
  UDP,
  parseProtocol,
} from '../../../src-main/core/net/index';

describe('parseProtocol', () => {
  it.each([
    ['tcp', 6],
    ['TCP', 6],
    [' udp ', 17],
    ['icmp', 1],
    ['icmp6', 58],
    ['icmpv6', 58],
    ['ipv6-icmp', 58],
    ['gre', 47],
    ['esp', 50],
    ['ah', 51],
    ['sctp', 132],
    ['ospf', 89],
    ['eigrp', 88],
    ['pim', 103],
    ['igmp', 2],
    ['0', 0],
    ['255', 255],
    ['47', 47],
  ])('reads %j as %i', (text, number) => {
    expect(parseProtocol(text)).toBe(number);
  });

  it.each([
    ['ip', '"ip" means every protocol, not a single one'],
    ['256', '"256" is not a protocol name or a number 0-255'],
    ['http', '"http" is not a protocol name or a number 0-255'],
    ['-1', '"-1" is not a protocol name or a number 0-255'],
    ['', '"" is not a protocol name or a number 0-255'],
  ])('rejects %j', (text, message) => {
    expect(() => parseProtocol(text)).toThrow(new ProtocolParseError(message));
  });

  it('exports the common numbers', () => {
    expect([TCP, UDP, ICMP, ICMP6]).toEqual([6, 17, 1, 58]);
  });
});

describe('ProtocolSet', () => {
  it('prints well-known protocols by name', () => {
    expect(ProtocolSet.of(TCP).toString()).toBe('tcp');
    expect(ProtocolSet.of(UDP, TCP, ICMP).toString()).toBe('icmp,tcp,udp');
    expect(ProtocolSet.of(47, 50, 51, 58, 88, 89, 103, 132, 2).toString()).toBe('igmp,gre,esp,ah,icmp6,eigrp,ospf,pim,sctp');
    expect(ProtocolSet.of(200).toString()).toBe('200');
    expect(ProtocolSet.fromRanges([[200, 210]]).toString()).toBe('200-210');
  });

  it('never hides a named protocol inside a numeric range', () => {
    expect(ProtocolSet.fromRanges([[0, 8]]).toString()).toBe('0,icmp,igmp,3-5,tcp,7-8');
    expect(ProtocolSet.all().subtract(ProtocolSet.of(TCP)).toString()).toBe(
      '0,icmp,igmp,3-5,7-16,udp,18-46,gre,48-49,esp,ah,52-57,icmp6,59-87,eigrp,ospf,90-102,pim,104-131,sctp,133-255',
    );
  });

  it('prints all and none', () => {
    expect(ProtocolSet.all().toString()).toBe('ip');
    expect(ProtocolSet.empty().toString()).toBe('none');
    expect(ProtocolSet.of().isEmpty()).toBe(true);
    expect(ProtocolSet.all().size()).toBe(256);
    expect(ProtocolSet.all().isAll()).toBe(true);
  });

  it('does set algebra', () => {
    const both = ProtocolSet.of(TCP, UDP);
    expect(both.has(TCP)).toBe(true);
    expect(both.has(ICMP)).toBe(false);
    expect(both.subtract(ProtocolSet.of(UDP)).equals(ProtocolSet.of(TCP))).toBe(true);
    expect(both.intersect(ProtocolSet.of(ICMP)).isEmpty()).toBe(true);
    expect(ProtocolSet.of(TCP).isSubsetOf(both)).toBe(true);
    expect(both.overlaps(ProtocolSet.of(UDP, ICMP))).toBe(true);
    expect(both.union(ProtocolSet.of(ICMP)).toString()).toBe('icmp,tcp,udp');
  });

  it('rejects numbers outside 0-255', () => {
    expect(() => ProtocolSet.of(256)).toThrow('protocol 256 is not an integer in 0-255');
  });

  it('reads back what it prints', () => {
    fc.assert(
      fc.property(fc.subarray(Array.from({ length: 256 }, (_, i) => i)), (protocols) => {
        const set = ProtocolSet.of(...protocols);
        expect(ProtocolSet.parse(set.toString()).equals(set)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('parses lists, ranges and keywords', () => {
    expect(ProtocolSet.parse('tcp, udp,200-210').toString()).toBe('tcp,udp,200-210');
    expect(ProtocolSet.parse('IP').isAll()).toBe(true);
    expect(ProtocolSet.parse('none').isEmpty()).toBe(true);
    expect(() => ProtocolSet.parse('10-300')).toThrow(new ProtocolParseError('"10-300" is not a protocol range within 0-255'));
    expect(() => ProtocolSet.parse('tcp,bogus')).toThrow(new ProtocolParseError('"bogus" is not a protocol name or a number 0-255'));
  });
});
