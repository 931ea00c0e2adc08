import { describe, expect, it } from 'vitest';
import { boxText, listNamed, parseLines, ruleWithId } from './helpers';

describe('access-list forms', () => {
  it('keeps an unreadable entry in its place, as possibly matching anything', () => {
    const firewall = parseLines([
      'access-list acl extended permit tcp any',
      'access-list acl extended deny ip any any',
    ]);
    const broken = ruleWithId(firewall, 'acl#1');
    expect(broken.match).toEqual([]);
    expect(broken.mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> any:0-65535']);
    expect(broken.unresolved).toEqual([{ kind: 'unsupported', reason: 'the line could not be read: an address is missing' }]);
    expect(ruleWithId(firewall, 'acl#2').ref.line).toBe(2);
    expect(firewall.diagnostics).toEqual([
      { line: 1, severity: 'warning', message: 'not understood (an address is missing): access-list acl extended permit tcp any' },
    ]);
    expect(firewall.stats).toMatchObject({ understood: 1, notUnderstood: 1 });
  });

  it('inserts an entry written with `line N` where the ASA would', () => {
    const firewall = parseLines([
      'access-list acl extended permit tcp any host 10.0.0.1 eq 80',
      'access-list acl extended deny ip any any',
      'access-list acl line 1 extended permit tcp any host 10.0.0.2 eq 443',
    ]);
    expect(listNamed(firewall, 'acl').rules.map((rule) => [rule.id, rule.ref.line])).toEqual([
      ['acl#1', 3],
      ['acl#2', 1],
      ['acl#3', 2],
    ]);
  });

  it('keeps remarks after the last entry on the list', () => {
    const firewall = parseLines([
      'access-list acl extended permit ip any any',
      'access-list acl remark TODO tighten after cut-over',
    ]);
    expect(listNamed(firewall, 'acl').trailingComments).toEqual(['TODO tighten after cut-over']);
    expect(ruleWithId(firewall, 'acl#1').comment).toBeUndefined();
  });

  it('reads ICMP types with codes, by name or number', () => {
    const firewall = parseLines([
      'access-list acl extended permit icmp any any unreachable 4',
      'access-list acl extended permit icmp6 any6 any6 packet-too-big',
      'access-list acl extended permit icmp any any',
    ]);
    expect(ruleWithId(firewall, 'acl#1').mayMatch?.map(boxText)).toEqual(['icmp any:0-65535 -> any:0-65535 icmp 3/4']);
    expect(ruleWithId(firewall, 'acl#2').mayMatch?.map(boxText)).toEqual(['icmp6 any6:0-65535 -> any6:0-65535 icmp 2']);
    expect(ruleWithId(firewall, 'acl#3').match.map(boxText)).toEqual(['icmp any:0-65535 -> any:0-65535']);
    expect(ruleWithId(firewall, 'acl#3').unresolved).toEqual([]);
  });

  it('marks an unknown port name and widens only that port', () => {
    const firewall = parseLines(['access-list acl extended permit tcp any host 10.0.0.5 eq rdp']);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(rule.match).toEqual([]);
    expect(rule.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> 10.0.0.5:0-65535']);
    expect(rule.unresolved).toEqual([{ kind: 'unknown-port', reason: 'destination port: "rdp" is not an ASA port name' }]);
    expect(firewall.diagnostics).toEqual([{ line: 1, severity: 'warning', message: 'acl: destination port: "rdp" is not an ASA port name' }]);
  });

  it('keeps the ports after an undefined protocol group and warns about an undefined time-range', () => {
    const firewall = parseLines(['access-list acl extended permit object-group GONE any host 10.0.0.7 eq 5060 time-range NIGHTS']);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(rule.mayMatch?.map(boxText)).toEqual(['tcp,udp,sctp any:0-65535 -> 10.0.0.7:5060']);
    expect(rule.timeRange).toBe('NIGHTS');
    expect(firewall.diagnostics).toEqual([
      { line: 1, severity: 'error', message: 'acl: GONE is not defined' },
      { line: 1, severity: 'warning', message: 'acl: time-range NIGHTS is not defined' },
    ]);
  });

  it('reads the pre-8.0 form without "extended" and notes it', () => {
    const firewall = parseLines(['access-list acl permit udp any host 10.0.0.53 eq domain']);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(rule.match.map(boxText)).toEqual(['udp any:0-65535 -> 10.0.0.53:53']);
    expect(rule.notes).toEqual(['written without "extended" (pre-8.0 form)']);
  });

  it('reads FTD advanced entries: trust, rule-id, event-log, and ifc as the interfaces traffic enters and leaves by', () => {
    const firewall = parseLines([
      'NGFW Version 7.2.5',
      'interface GigabitEthernet0/1',
      ' nameif inside',
      'interface GigabitEthernet0/2',
      ' nameif servers',
      'access-list CSM_FW_ACL_ remark rule-id 268435457: ACCESS POLICY: DC-Policy - Mandatory',
      'access-list CSM_FW_ACL_ advanced trust tcp object-group WFOS any eq https rule-id 268435457 event-log flow-end',
      'access-list CSM_FW_ACL_ advanced permit ip ifc inside any ifc servers any rule-id 268435458',
      'access-list CSM_FW_ACL_ advanced deny ip any any rule-id 9998 event-log both',
      'access-group CSM_FW_ACL_ global',
      'object-group network WFOS',
      ' network-object host 10.10.20.11',
    ]);
    expect(firewall.version).toBe('7.2.5');
    const trust = ruleWithId(firewall, 'CSM_FW_ACL_#1');
    expect(trust.action).toBe('permit');
    expect(trust.notes).toEqual(['FTD trust: permitted without further inspection']);
    expect(trust.comment).toBe('rule-id 268435457: ACCESS POLICY: DC-Policy - Mandatory');
    expect(trust.match.map(boxText)).toEqual(['tcp 10.10.20.11:0-65535 -> any:443']);
    const zoned = ruleWithId(firewall, 'CSM_FW_ACL_#2');
    expect(zoned.match.map(boxText)).toEqual(['ip any:0-65535 -> any:0-65535']);
    expect(zoned.unresolved).toEqual([]);
    expect([zoned.fromZones, zoned.toZones]).toEqual([['inside'], ['servers']]);
    expect(trust.fromZones).toBeUndefined();
    expect(listNamed(firewall, 'CSM_FW_ACL_').appliedAt.map((placement) => placement.kind)).toEqual(['global']);
    expect(firewall.stats.notUnderstood).toBe(0);
  });

  it('marks identity conditions: nothing is certain, the packet part may match', () => {
    const firewall = parseLines(['access-list acl extended permit tcp user LOCAL\\auditor any host 10.0.0.9 eq ssh']);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(rule.match).toEqual([]);
    expect(rule.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> 10.0.0.9:22']);
    expect(rule.unresolved.map((item) => item.kind)).toEqual(['identity']);
  });

  it('checks access-group references to lists and interfaces, and supports out', () => {
    const firewall = parseLines([
      'interface GigabitEthernet0/1',
      ' nameif inside',
      ' security-level 100',
      ' ip address 10.0.0.1 255.255.255.0',
      'access-list egress extended deny tcp any any eq smtp',
      'access-group egress out interface inside',
      'access-group egress in interface dmz',
      'access-group missing_acl in interface inside',
      'access-group egress in interface inside control-plane',
    ]);
    expect(listNamed(firewall, 'egress').appliedAt.map((placement) => [placement.kind, placement.interface])).toEqual([
      ['interface-out', 'inside'],
      ['interface-in', 'dmz'],
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 7, severity: 'error', message: 'access-group egress: interface dmz has no nameif in this file' },
      { line: 8, severity: 'error', message: 'access-group applies missing_acl, which is not defined in this file' },
      {
        line: 9,
        severity: 'info',
        message: 'access-group egress filters traffic to the firewall itself (control-plane): not used for transit flows',
      },
    ]);
  });

  it('records the interface address for `interface NAME` when it is static', () => {
    const firewall = parseLines([
      'interface GigabitEthernet0/0',
      ' nameif outside',
      ' ip address 198.51.100.2 255.255.255.0 standby 198.51.100.3',
      'access-list acl extended permit udp any interface outside eq isakmp',
    ]);
    expect(ruleWithId(firewall, 'acl#1').match.map(boxText)).toEqual(['udp any:0-65535 -> 198.51.100.2:500']);
  });
});
