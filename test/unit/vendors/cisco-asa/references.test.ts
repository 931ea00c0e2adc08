import { describe, expect, it } from 'vitest';
import { networkObjectByName, serviceObjectByName } from '../../../../src-main/core/model/index';
import { boxText, parseLines, ruleWithId } from './helpers';

describe('nested groups and references', () => {
  it('reports a cycle of network groups at the line that closes it and does not hang', () => {
    const firewall = parseLines([
      'ASA Version 9.16(4)',
      'object-group network GRP-A',
      ' network-object host 10.0.0.1',
      ' group-object GRP-B',
      'object-group network GRP-B',
      ' network-object host 10.0.0.2',
      ' group-object GRP-A',
      'access-list acl extended permit tcp object-group GRP-A any eq 443',
    ]);
    expect(firewall.diagnostics).toEqual([{ line: 7, severity: 'error', message: 'GRP-B: nested network groups form a cycle: GRP-A -> GRP-B -> GRP-A' }]);
    expect(networkObjectByName(firewall, 'GRP-A')?.addresses.toString()).toBe('10.0.0.1-10.0.0.2');
    const rule = ruleWithId(firewall, 'acl#1');
    expect(rule.match.map(boxText)).toEqual(['tcp 10.0.0.1-10.0.0.2:0-65535 -> any:443']);
    expect(rule.unresolved.map((item) => item.kind)).toEqual(['reference-cycle']);
    expect(rule.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> any:443']);
  });

  it('reports a group that includes itself and a cycle of service groups', () => {
    const firewall = parseLines([
      'object-group network SELF',
      ' group-object SELF',
      'object-group service PORTS-A tcp',
      ' port-object eq 443',
      ' group-object PORTS-B',
      'object-group service PORTS-B tcp',
      ' group-object PORTS-A',
    ]);
    expect(firewall.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.message])).toEqual([
      [2, 'SELF: nested network groups form a cycle: SELF -> SELF'],
      [7, 'PORTS-B: nested service groups form a cycle: PORTS-A -> PORTS-B -> PORTS-A'],
    ]);
    expect(serviceObjectByName(firewall, 'PORTS-A')?.services.map((spec) => spec.destinationPorts.toString())).toEqual(['443']);
  });

  it('flattens groups nested to any depth', () => {
    const depth = 30;
    const lines = ['object-group network LEVEL-0', ' network-object host 10.9.0.0'];
    for (let level = 1; level <= depth; level++) {
      lines.push(`object-group network LEVEL-${level}`, ` network-object host 10.9.0.${level}`, ` group-object LEVEL-${level - 1}`);
    }
    const firewall = parseLines(lines);
    expect(networkObjectByName(firewall, `LEVEL-${depth}`)?.addresses.toString()).toBe('10.9.0.0-10.9.0.30');
    expect(firewall.diagnostics).toEqual([]);
  });

  it('reports undefined group members and objects in rules, keeping the rule with what is known', () => {
    const firewall = parseLines([
      'object-group network SERVERS',
      ' network-object host 10.1.1.10',
      ' group-object RETIRED-SERVERS',
      'access-list acl extended permit tcp object MISSING-CLIENTS object-group SERVERS eq https',
      'access-list acl extended permit tcp any object-group SERVERS object-group MISSING-PORTS',
      'access-list acl extended deny ip any any',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 3, severity: 'error', message: 'SERVERS includes RETIRED-SERVERS, which is not defined' },
      { line: 4, severity: 'error', message: 'acl: MISSING-CLIENTS is not defined' },
      { line: 5, severity: 'error', message: 'acl: MISSING-PORTS is not defined' },
    ]);
    const first = ruleWithId(firewall, 'acl#1');
    expect(first.match).toEqual([]);
    expect(first.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> any:443']);
    expect(first.unresolved.map((item) => [item.kind, item.name])).toEqual([
      ['undefined-reference', 'MISSING-CLIENTS'],
      ['undefined-reference', 'RETIRED-SERVERS'],
    ]);
    const second = ruleWithId(firewall, 'acl#2');
    expect(second.match).toEqual([]);
    expect(second.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> any:0-65535']);
    expect(ruleWithId(firewall, 'acl#3').unresolved).toEqual([]);
  });

  it('tells an undefined source port group from a destination by what follows it', () => {
    const firewall = parseLines(['access-list acl extended permit udp any object-group NO-SUCH-PORTS host 10.1.1.1 eq 53']);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(rule.mayMatch?.map(boxText)).toEqual(['udp any:0-65535 -> 10.1.1.1:53']);
    expect(firewall.diagnostics).toEqual([{ line: 1, severity: 'error', message: 'acl: NO-SUCH-PORTS is not defined' }]);
  });

  it('says when a name is the wrong kind of object for where it is used', () => {
    const firewall = parseLines([
      'object-group service WEB tcp',
      ' port-object eq 443',
      'object-group network HOSTS',
      ' network-object host 10.1.1.1',
      'access-list acl extended permit tcp object-group WEB any eq 443',
      'access-list acl extended permit object-group HOSTS any any',
    ]);
    expect(firewall.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'acl: WEB is a port group, not a network group',
      'acl: HOSTS is a network group, not a service or protocol group',
    ]);
  });

  it('merges the NAT-only second block of an object and lets a later address replace the first', () => {
    const firewall = parseLines([
      'object network WEB',
      ' host 10.1.1.10',
      'object network WEB',
      ' nat (inside,outside) static 203.0.113.10',
      'object network MOVED',
      ' host 10.1.1.20',
      'object network MOVED',
      ' host 10.1.1.21',
    ]);
    expect(networkObjectByName(firewall, 'WEB')?.addresses.toString()).toBe('10.1.1.10');
    expect(firewall.nat).toEqual([
      { kind: 'object', objectName: 'WEB', realInterface: 'inside', mappedInterface: 'outside', referencedObjects: [], ref: { file: 'snippet.txt', line: 4, text: ' nat (inside,outside) static 203.0.113.10' } },
    ]);
    expect(networkObjectByName(firewall, 'MOVED')?.addresses.toString()).toBe('10.1.1.21');
    expect(networkObjectByName(firewall, 'MOVED')?.ref.line).toBe(7);
  });
});
