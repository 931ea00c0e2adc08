import { describe, expect, it } from 'vitest';
import { boxText, listNamed, parseLines, ruleWithId } from './helpers';

/*
 * Lines seen in customers' running configurations that the parser once reported as not
 * understood, or read with the wrong meaning. Names and addresses are our own.
 */

describe('commands that configure something other than filtering', () => {
  it('sets aside NAT session, TCP normalisation, FTD housekeeping, BGP policy and VXLAN commands', () => {
    const firewall = parseLines([
      'xlate per-session deny tcp any4 any4',
      'tcp-map WFO-TCP-OPTIONS',
      '  tcp-options range 6 7 allow',
      'strong-encryption-disable',
      'ngips conn-match vlan-id',
      'community-list standard WFO-COMMUNITIES permit 64600:10',
      'policy-list WFO-POLICY permit',
      ' match community WFO-COMMUNITIES',
      'as-path access-list 20 permit ^64600$',
      'nve 1',
      ' encapsulation vxlan',
      'ipv6 neighbor 2001:db8:70::9 inside 0050.56aa.0001',
      'ipv6 enforce-eui64 inside',
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(firewall.stats).toMatchObject({ ignored: 13, notUnderstood: 0 });
  });

  it('says that IPv6 dynamic routing is not modelled, as it does for IPv4', () => {
    const firewall = parseLines(['ipv6 router ospf 7', ' log-adjacency-changes']);
    expect(firewall.diagnostics).toEqual([
      { line: 1, severity: 'info', message: 'ipv6 router ospf 7: dynamic routing is not modelled; only connected subnets and static routes place flows' },
    ]);
    expect(firewall.stats).toMatchObject({ ignored: 2, notUnderstood: 0 });
  });

  it('reads the access-list logging settings as settings, not as lists named after them', () => {
    const firewall = parseLines([
      'access-list alert-interval 120',
      'access-list deny-flow-max 2048',
      'access-list WFO-IN extended permit tcp any host 10.70.0.10 eq 443',
    ]);
    expect(firewall.ruleLists.map((list) => list.name)).toEqual(['WFO-IN']);
    expect(firewall.diagnostics).toEqual([]);
    expect(firewall.stats).toMatchObject({ ignored: 2, understood: 1, notUnderstood: 0 });
  });
});

describe('interface settings', () => {
  it('sets aside a setting together with its own indented sub-mode (cts manual)', () => {
    const firewall = parseLines([
      'interface GigabitEthernet0/3',
      ' nameif wfo-servers',
      ' cts manual',
      '  propagate sgt preserve-untag',
      '  policy static sgt disabled trusted',
      ' security-level 60',
      ' ip address 10.70.0.1 255.255.255.0',
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(firewall.interfaces[0]).toMatchObject({ name: 'wfo-servers', securityLevel: 60, addresses: ['10.70.0.0/24'] });
    expect(firewall.stats).toMatchObject({ understood: 4, ignored: 3, notUnderstood: 0 });
  });

  it('still reports an unknown line indented under a setting it understood', () => {
    const firewall = parseLines(['interface GigabitEthernet0/4', ' nameif wfo-dmz', '  teleport enable']);
    expect(firewall.diagnostics).toEqual([
      { line: 1, severity: 'info', message: "interface GigabitEthernet0/4 (wfo-dmz) has no security-level line: the ASA's default for that name, 0, is taken" },
      { line: 3, severity: 'warning', message: 'not understood: teleport enable' },
    ]);
  });

  it('sets aside switch ports, port-channel, tunnel and DHCP relay settings', () => {
    const firewall = parseLines([
      'interface Ethernet0/1',
      ' switchport access vlan 30',
      ' spanning-tree portfast',
      'interface Port-channel2',
      ' port-channel min-bundle 2',
      'interface Tunnel7',
      ' nameif wfo-vti',
      ' ip address 169.254.70.1 255.255.255.252',
      ' tunnel source interface outside',
      ' tunnel destination 198.51.100.70',
      ' tunnel mode ipsec ipv4',
      'interface Vlan30',
      ' nameif wfo-agents',
      ' ip address 10.70.30.1 255.255.255.0',
      ' dhcprelay server 10.70.0.5',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 6, severity: 'info', message: "interface Tunnel7 (wfo-vti) has no security-level line: the ASA's default for that name, 0, is taken" },
      { line: 12, severity: 'info', message: "interface Vlan30 (wfo-agents) has no security-level line: the ASA's default for that name, 0, is taken" },
    ]);
    expect(firewall.stats.notUnderstood).toBe(0);
  });
});

describe('ASA 8.x IPv6 access lists', () => {
  it('reads `ipv6 access-list` entries as a list where any means every IPv6 address', () => {
    const firewall = parseLines([
      'ASA Version 8.4(7)',
      'interface GigabitEthernet0/0',
      ' nameif outside',
      'ipv6 access-list WFO-V6-IN remark recorder replication over IPv6',
      'ipv6 access-list WFO-V6-IN permit tcp any host 2001:db8:70::20 eq 443',
      'ipv6 access-list WFO-V6-IN permit icmp6 any any echo',
      'ipv6 access-list WFO-V6-IN line 1 deny tcp 2001:db8:7bad::/48 any',
      'ipv6 access-list WFO-V6-IN deny ip any any log',
      'access-list WFO-V4-IN extended permit tcp any host 10.70.0.20 eq 443',
      'access-group WFO-V4-IN in interface outside',
      'access-group WFO-V6-IN in interface outside',
    ]);
    expect(firewall.stats.notUnderstood).toBe(0);
    const list = listNamed(firewall, 'WFO-V6-IN');
    expect(list.appliedAt.map((placement) => [placement.kind, placement.interface])).toEqual([['interface-in', 'outside']]);
    expect(list.rules.map((rule) => [rule.id, rule.ref.line])).toEqual([
      ['WFO-V6-IN#1', 7],
      ['WFO-V6-IN#2', 5],
      ['WFO-V6-IN#3', 6],
      ['WFO-V6-IN#4', 8],
    ]);
    expect(ruleWithId(firewall, 'WFO-V6-IN#1').match.map(boxText)).toEqual(['tcp 2001:db8:7bad::/48:0-65535 -> any6:0-65535']);
    const web = ruleWithId(firewall, 'WFO-V6-IN#2');
    expect(web.match.map(boxText)).toEqual(['tcp any6:0-65535 -> 2001:db8:70::20:443']);
    expect(web.comment).toBe('recorder replication over IPv6');
    expect(web.notes).toEqual(['ipv6 access-list: the ASA 8.x form of an IPv6 list']);
    expect(ruleWithId(firewall, 'WFO-V6-IN#4').match.map(boxText)).toEqual(['ip any6:0-65535 -> any6:0-65535']);
    // The IPv4 list of the same 8.x firewall keeps `any` to IPv4.
    expect(ruleWithId(firewall, 'WFO-V4-IN#1').match.map(boxText)).toEqual(['tcp any4:0-65535 -> 10.70.0.20:443']);
  });
});

describe('ICMP types after a protocol group', () => {
  const groups = [
    'object-group protocol WFO-PING-ONLY',
    ' protocol-object icmp',
    'object-group protocol WFO-BOTH-PINGS',
    ' protocol-object icmp',
    ' protocol-object icmp6',
    'object-group icmp-type WFO-ECHO',
    ' icmp-object echo',
  ];

  it('reads a type after a group of ICMP alone as after icmp', () => {
    const firewall = parseLines([...groups, 'access-list acl extended permit object-group WFO-PING-ONLY any host 10.70.0.9 object-group WFO-ECHO']);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(firewall.stats.notUnderstood).toBe(0);
    expect(rule.match).toEqual([]);
    expect(rule.mayMatch?.map(boxText)).toEqual(['icmp any:0-65535 -> 10.70.0.9:0-65535 icmp 8']);
    expect(rule.unresolved.map((item) => item.kind)).toEqual(['icmp-type']);
  });

  it('keeps both protocols as a maybe when the group holds ICMP and ICMPv6', () => {
    const firewall = parseLines([...groups, 'access-list acl extended permit object-group WFO-BOTH-PINGS any any echo']);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(firewall.stats.notUnderstood).toBe(0);
    expect(rule.match).toEqual([]);
    expect(rule.mayMatch?.map(boxText)).toEqual(['icmp any:0-65535 -> any:0-65535', 'icmp6 any:0-65535 -> any:0-65535']);
    expect(rule.unresolved.map((item) => item.kind)).toEqual(['icmp-type']);
  });
});

describe('FTD entries', () => {
  it('leaves a permit compiled from an "L7 RULE" to Snort, and keeps L4 rules exact', () => {
    const firewall = parseLines([
      'NGFW Version 7.4.1',
      'access-list CSM_FW_ACL_ remark rule-id 268440001: ACCESS POLICY: WFO-Policy - Mandatory',
      'access-list CSM_FW_ACL_ remark rule-id 268440001: L7 RULE: block-streaming',
      'access-list CSM_FW_ACL_ advanced permit tcp any any eq https rule-id 268440001',
      'access-list CSM_FW_ACL_ remark rule-id 268440002: L4 RULE: wfo-recorders',
      'access-list CSM_FW_ACL_ advanced permit tcp any host 10.70.0.11 range 1050 1065 rule-id 268440002 event-log flow-end',
      'access-list CSM_FW_ACL_ advanced deny ip any any rule-id 268440003',
      'access-group CSM_FW_ACL_ global',
    ]);
    const snort = ruleWithId(firewall, 'CSM_FW_ACL_#1');
    expect(snort.action).toBe('permit');
    expect(snort.match).toEqual([]);
    expect(snort.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> any:443']);
    expect(snort.unresolved).toEqual([
      {
        kind: 'unsupported',
        name: 'rule-id 268440001',
        reason:
          'Firepower rule 268440001 has conditions Snort decides (application, URL, user or similar): the LINA permit only passes the traffic to Snort, which may still block it',
      },
    ]);
    const recorders = ruleWithId(firewall, 'CSM_FW_ACL_#2');
    expect(recorders.match.map(boxText)).toEqual(['tcp any:0-65535 -> 10.70.0.11:1050-1065']);
    expect(recorders.unresolved).toEqual([]);
    expect(firewall.stats.notUnderstood).toBe(0);
  });

  it('warns when ifc names an interface the file does not have', () => {
    const firewall = parseLines([
      'interface GigabitEthernet0/1',
      ' nameif inside',
      'access-list CSM_FW_ACL_ advanced permit ip ifc inside any ifc wfo-gone any rule-id 268440010',
    ]);
    const rule = ruleWithId(firewall, 'CSM_FW_ACL_#1');
    expect([rule.fromZones, rule.toZones]).toEqual([['inside'], ['wfo-gone']]);
    expect(firewall.diagnostics).toEqual([
      { line: 1, severity: 'info', message: "interface GigabitEthernet0/1 (inside) has no security-level line: the ASA's default for that name, 100, is taken" },
      {
        line: 3,
        severity: 'warning',
        message: 'CSM_FW_ACL_: ifc wfo-gone: no interface has this nameif in the file, so the entry applies to no traffic the audit places',
      },
    ]);
  });
});

describe('interface addresses', () => {
  it('does not take an eui-64 prefix for the firewall own IPv6 address', () => {
    const firewall = parseLines([
      'interface GigabitEthernet0/5',
      ' nameif wfo-v6',
      ' ipv6 address 2001:db8:71::/64 eui-64',
      'access-list acl extended permit tcp any interface wfo-v6 eq ssh',
    ]);
    expect(firewall.interfaces[0]).toMatchObject({ addresses: ['2001:db8:71::/64'], ownAddresses: [] });
    const rule = ruleWithId(firewall, 'acl#1');
    expect(rule.match).toEqual([]);
    expect(rule.unresolved.map((item) => item.kind)).toEqual(['interface-address']);
  });
});

describe('non-contiguous masks', () => {
  it('expands a mask with a few holes into its ranges, in groups and in entries', () => {
    const firewall = parseLines([
      'object-group network WFO-PAIRED-SITES',
      ' network-object 10.72.4.32 255.254.255.240',
      'access-list acl extended permit tcp object-group WFO-PAIRED-SITES any eq 443',
      'access-list acl extended permit udp 10.72.0.9 255.255.252.255 any eq 514',
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(ruleWithId(firewall, 'acl#1').match.map(boxText)).toEqual(['tcp 10.72.4.32/28,10.73.4.32/28:0-65535 -> any:443']);
    expect(ruleWithId(firewall, 'acl#2').match.map(boxText)).toEqual(['udp 10.72.0.9,10.72.1.9,10.72.2.9,10.72.3.9:0-65535 -> any:514']);
  });

  it('keeps the rest of the entry and marks the address unresolved when a mask has too many holes', () => {
    const firewall = parseLines(['access-list acl extended permit tcp 10.72.0.9 255.0.0.255 host 10.72.9.9 eq 22']);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(firewall.stats.notUnderstood).toBe(0);
    expect(rule.match).toEqual([]);
    expect(rule.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> 10.72.9.9:22']);
    expect(rule.unresolved.map((item) => item.kind)).toEqual(['unsupported']);
    expect(firewall.diagnostics).toEqual([
      {
        line: 1,
        severity: 'warning',
        message: 'acl: "10.72.0.9 255.0.0.255": the non-contiguous mask 255.0.0.255 stands for 65536 separate ranges, more than the audit expands',
      },
    ]);
  });
});
