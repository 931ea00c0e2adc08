import { describe, expect, it } from 'vitest';
import { natReferences } from '../../../../src-main/core/vendors/cisco-asa/nat';
import { parseFixture, parseLines } from './helpers';

const words = (text: string) => text.split(' ');

describe('objects a NAT statement refers to', () => {
  it('reads the mapped object or pool of object NAT, not addresses, ports or keywords', () => {
    expect(natReferences(words('static WFOS-WEB01-PUBLIC'))).toEqual(['WFOS-WEB01-PUBLIC']);
    expect(natReferences(words('static 203.0.113.10'))).toEqual([]);
    expect(natReferences(words('static 2001:db8::10 net-to-net'))).toEqual([]);
    expect(natReferences(words('dynamic interface'))).toEqual([]);
    expect(natReferences(words('dynamic NAT-POOL interface'))).toEqual(['NAT-POOL']);
    expect(natReferences(words('dynamic pat-pool PAT-POOL round-robin extended flat include-reserve block-allocation interface'))).toEqual(['PAT-POOL']);
    expect(natReferences(words('static APACHE-PUBLIC service tcp https https'))).toEqual(['APACHE-PUBLIC']);
    expect(natReferences(words('static APACHE-PUBLIC dns no-proxy-arp route-lookup'))).toEqual(['APACHE-PUBLIC']);
  });

  it('reads twice NAT source, destination and service objects, and stops at the description', () => {
    expect(natReferences(words('after-auto 3 source static NET-A NET-A-MAPPED destination static VPN-POOL VPN-POOL-REAL service SVC-REAL SVC-MAPPED unidirectional inactive description NAT for OLD-OBJ')))
      .toEqual(['NET-A', 'NET-A-MAPPED', 'VPN-POOL', 'VPN-POOL-REAL', 'SVC-REAL', 'SVC-MAPPED']);
    expect(natReferences(words('source dynamic any interface'))).toEqual([]);
    expect(natReferences(words('source static NET-SERVERS NET-SERVERS destination static OBJ-VPN-POOL OBJ-VPN-POOL no-proxy-arp route-lookup')))
      .toEqual(['NET-SERVERS', 'OBJ-VPN-POOL']);
  });

  it('records them on each statement; pre-8.3 NAT has none', () => {
    const firewall = parseLines([
      'object network WEB',
      ' host 10.1.1.10',
      ' nat (servers,outside) static WEB-PUBLIC',
      'object network OUT',
      ' subnet 10.1.0.0 255.255.0.0',
      ' nat dynamic interface',
      'nat (inside,outside) source static NET-A NET-A destination static POOL POOL service SVC-1 SVC-2',
      'nat source static NET-B NET-B',
      'nat (inside) 1 10.0.0.0 255.0.0.0',
    ]);
    expect(firewall.nat.map((nat) => [nat.kind, nat.objectName, nat.realInterface, nat.referencedObjects])).toEqual([
      ['object', 'WEB', 'servers', ['WEB-PUBLIC']],
      ['object', 'OUT', undefined, []],
      ['twice', undefined, 'inside', ['NET-A', 'POOL', 'SVC-1', 'SVC-2']],
      ['twice', undefined, undefined, ['NET-B']],
      ['legacy', undefined, 'inside', []],
    ]);
    expect(firewall.diagnostics.filter((diagnostic) => diagnostic.message.startsWith('not understood'))).toEqual([]);
  });

  it('records the fixture\'s NAT references', () => {
    const firewall = parseFixture('dal-dc-fw01.txt');
    expect(firewall.nat.map((nat) => nat.referencedObjects)).toEqual([['NET-SERVERS', 'OBJ-VPN-POOL'], ['OBJ-APACHE01-PUBLIC'], []]);
  });
});
