import { describe, expect, it } from 'vitest';
import { networkObjectByName } from '../../../../src-main/core/model/index';
import { parseAsaConfig } from '../../../../src-main/core/vendors/cisco-asa/index';
import { boxText, listNamed, parseLines, ruleWithId } from './helpers';

/*
 * Running configurations as field engineers bring them back: captured sessions with prompts
 * and pager residue, `names` still in use, FTD's LINA, multiple-context firewalls. The excerpts
 * are written for these tests; names and addresses are our own.
 */

describe('ASA 9.x constructs read as the ASA does', () => {
  it('reads a port-channel subinterface, service objects with source ports, typed and protocol groups, and a two-part time-range', () => {
    const firewall = parseLines([
      'ASA Version 9.20(2)',
      'interface Port-channel1.210',
      ' vlan 210',
      ' nameif wfo-apps',
      ' security-level 80',
      ' ip address 10.67.10.1 255.255.255.0 standby 10.67.10.2',
      ' ipv6 address 2001:db8:67:10::1/64 standby 2001:db8:67:10::2',
      'object service WFO-HTTPS-FROM-HIGH',
      ' service tcp source range 1024 65535 destination eq 443',
      'object-group service WFO-SIP-MEDIA',
      ' service-object tcp-udp destination range 5060 5061',
      ' service-object udp destination range 16384 32767',
      'object-group service WFO-NOT-TELNET tcp',
      ' port-object neq telnet',
      'object-group protocol WFO-TUNNELS',
      ' protocol-object 50',
      ' protocol-object 51',
      ' protocol-object gre',
      'time-range WFO-CUTOVER',
      ' periodic weekdays 20:00 to 23:59',
      ' absolute start 00:00 01 June 2025 end 23:59 30 June 2025',
      'access-list wfo_apps_in remark CHG-2291: "SIP & media" <to> carrier; 100% of trunks (A/B)',
      'access-list wfo_apps_in extended permit object-group WFO-SIP-MEDIA any4 any4',
      'access-list wfo_apps_in extended permit object WFO-HTTPS-FROM-HIGH any6 host 2001:db8:67:20::5',
      'access-list wfo_apps_in extended permit tcp any4 host 10.67.20.5 object-group WFO-NOT-TELNET time-range WFO-CUTOVER',
      'access-list wfo_apps_in extended permit object-group WFO-TUNNELS any4 host 198.51.100.67',
      'access-group wfo_apps_in in interface wfo-apps',
      'route outside 0.0.0.0 0.0.0.0 198.51.100.65 1 track 7',
      'route backup 0.0.0.0 0.0.0.0 203.0.113.65 254',
    ]);
    // The excerpt leaves out the outside and backup interfaces its routes name.
    expect(firewall.diagnostics).toEqual([
      { line: 28, severity: 'warning', message: 'route to 0.0.0.0/0: no interface has nameif outside, so the route places no flow' },
      { line: 29, severity: 'warning', message: 'route to 0.0.0.0/0: no interface has nameif backup, so the route places no flow' },
    ]);
    expect(firewall.stats.notUnderstood).toBe(0);
    expect(firewall.interfaces[0]).toMatchObject({
      hardware: 'Port-channel1.210',
      vlan: 210,
      name: 'wfo-apps',
      securityLevel: 80,
      addresses: ['10.67.10.0/24', '2001:db8:67:10::/64'],
      ownAddresses: ['10.67.10.1', '10.67.10.2', '2001:db8:67:10::1', '2001:db8:67:10::2'],
    });
    const list = listNamed(firewall, 'wfo_apps_in');
    expect(list.rules.map((rule) => [rule.id, rule.ref.line, rule.match.map(boxText)])).toEqual([
      ['wfo_apps_in#1', 23, ['tcp,udp any4:0-65535 -> any4:5060-5061', 'udp any4:0-65535 -> any4:16384-32767']],
      ['wfo_apps_in#2', 24, ['tcp any6:1024-65535 -> 2001:db8:67:20::5:443']],
      ['wfo_apps_in#3', 25, ['tcp any4:0-65535 -> 10.67.20.5:0-22,24-65535']],
      ['wfo_apps_in#4', 26, ['esp any4:0-65535 -> 198.51.100.67:0-65535', 'ah any4:0-65535 -> 198.51.100.67:0-65535', 'gre any4:0-65535 -> 198.51.100.67:0-65535']],
    ]);
    expect(list.rules[0]?.comment).toBe('CHG-2291: "SIP & media" <to> carrier; 100% of trunks (A/B)');
    expect(list.rules[2]?.notes).toEqual(['active only during time-range WFO-CUTOVER (periodic weekdays 20:00 to 23:59; absolute start 00:00 01 June 2025 end 23:59 30 June 2025)']);
    expect(firewall.routes.map((route) => [route.interface, route.destination, route.metric])).toEqual([
      ['outside', '0.0.0.0/0', 1],
      ['backup', '0.0.0.0/0', 254],
    ]);
  });
});

describe('FTD LINA', () => {
  it('reads the prefilter tunnel rules and an access rule compiled to inline groups with ingress and egress interfaces', () => {
    const firewall = parseLines([
      'NGFW Version 7.2.5.1',
      'interface Ethernet1/1',
      ' nameif outside',
      ' zone-member outside-zone',
      ' ip address 203.0.113.34 255.255.255.224',
      'interface Ethernet1/2',
      ' nameif inside',
      ' zone-member inside-zone',
      ' ip address 10.68.0.1 255.255.255.0',
      'object network WFO-REC',
      ' host 10.68.0.10',
      'object-group network FMC_INLINE_src_rule_268435461',
      ' network-object object WFO-REC',
      ' network-object 10.68.5.0 255.255.255.0',
      'object-group network FMC_INLINE_dst_rule_268435461',
      ' network-object 2001:db8:99::/48',
      ' network-object host 198.51.100.80',
      'object-group service FMC_INLINE_svc_rule_268435461',
      ' service-object tcp destination eq https',
      ' service-object udp destination range 16384 32767',
      'object-group-search access-control',
      'access-list CSM_FW_ACL_ remark rule-id 9998: PREFILTER POLICY: Default Tunnel and Priority Policy',
      'access-list CSM_FW_ACL_ remark rule-id 9998: RULE: DEFAULT TUNNEL ACTION RULE',
      'access-list CSM_FW_ACL_ advanced permit ipinip any any rule-id 9998',
      'access-list CSM_FW_ACL_ advanced permit 41 any any rule-id 9998',
      'access-list CSM_FW_ACL_ advanced permit udp any eq 3544 any range 1025 65535 rule-id 9998',
      'access-list CSM_FW_ACL_ remark rule-id 268435461: L4 RULE: WFO recorders to the cloud',
      'access-list CSM_FW_ACL_ advanced permit object-group FMC_INLINE_svc_rule_268435461 ifc inside object-group FMC_INLINE_src_rule_268435461 ifc outside object-group FMC_INLINE_dst_rule_268435461 rule-id 268435461 event-log flow-end',
      'access-list CSM_FW_ACL_ advanced deny ip any any rule-id 268434432 event-log flow-start',
      'access-group CSM_FW_ACL_ global',
      'app-agent heartbeat interval 1000 retry-count 3',
      'snort preserve-connection',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 2, severity: 'info', message: "interface Ethernet1/1 (outside) has no security-level line: the ASA's default for that name, 0, is taken" },
      { line: 6, severity: 'info', message: "interface Ethernet1/2 (inside) has no security-level line: the ASA's default for that name, 100, is taken" },
    ]);
    expect(firewall.stats.notUnderstood).toBe(0);
    const list = listNamed(firewall, 'CSM_FW_ACL_');
    expect(list.rules.map((rule) => [rule.id, rule.ref.line, rule.match.map(boxText), rule.fromZones, rule.toZones])).toEqual([
      ['CSM_FW_ACL_#1', 24, ['4 any:0-65535 -> any:0-65535'], undefined, undefined],
      ['CSM_FW_ACL_#2', 25, ['41 any:0-65535 -> any:0-65535'], undefined, undefined],
      ['CSM_FW_ACL_#3', 26, ['udp any:3544 -> any:1025-65535'], undefined, undefined],
      [
        'CSM_FW_ACL_#4',
        28,
        ['tcp 10.68.0.10,10.68.5.0/24:0-65535 -> 198.51.100.80,2001:db8:99::/48:443', 'udp 10.68.0.10,10.68.5.0/24:0-65535 -> 198.51.100.80,2001:db8:99::/48:16384-32767'],
        ['inside'],
        ['outside'],
      ],
      ['CSM_FW_ACL_#5', 29, ['ip any:0-65535 -> any:0-65535'], undefined, undefined],
    ]);
    expect(list.rules[3]?.comment).toBe('rule-id 268435461: L4 RULE: WFO recorders to the cloud');
  });
});

describe('name aliases outside access lists', () => {
  it('reads routes whose network and gateway the running configuration shows as names', () => {
    const firewall = parseLines([
      'ASA Version 8.4(7)',
      'names',
      'name 10.61.0.254 CORE-SW',
      'name 10.62.0.0 CLINIC-LAN description Clinic desktops',
      'name 2001:db8:61::fe CORE-SW-V6',
      'interface GigabitEthernet0/1',
      ' nameif inside',
      ' security-level 100',
      ' ip address 10.61.0.1 255.255.255.0',
      ' ipv6 address 2001:db8:61::1/64',
      'route inside CLINIC-LAN 255.255.0.0 CORE-SW 1',
      'ipv6 route inside 2001:db8:62::/48 CORE-SW-V6',
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(firewall.routes.map((route) => [route.interface, route.destination, route.gateway, route.metric, route.ref.line])).toEqual([
      ['inside', '10.62.0.0/16', '10.61.0.254', 1, 11],
      ['inside', '2001:db8:62::/48', '2001:db8:61::fe', undefined, 12],
    ]);
  });

  it('keeps a group member written as a name to the name, when an object has the same title', () => {
    // A name only maps one address to a title; an object may take the same title for other addresses.
    const firewall = parseLines([
      'ASA Version 8.4(2)',
      'names',
      'name 192.168.88.0 LABEL-PRINTERS',
      'name 192.168.88.7 LABEL-PRINTER-7',
      'object network LABEL-PRINTERS',
      ' subnet 192.168.99.0 255.255.255.0',
      'object network LABEL-PRINTER-7',
      ' host 192.168.99.7',
      'object-group network PRINT-FLOOR',
      ' network-object LABEL-PRINTERS 255.255.255.0',
      ' network-object host LABEL-PRINTER-7',
      'access-list print_in extended permit tcp any object-group PRINT-FLOOR eq 9100',
      'access-list print_in extended permit tcp any object LABEL-PRINTERS eq 9100',
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(networkObjectByName(firewall, 'PRINT-FLOOR')?.addresses.toString()).toBe('192.168.88.0/24');
    expect(ruleWithId(firewall, 'print_in#1').match.map(boxText)).toEqual(['tcp any4:0-65535 -> 192.168.88.0/24:9100']);
    expect(ruleWithId(firewall, 'print_in#2').match.map(boxText)).toEqual(['tcp any4:0-65535 -> 192.168.99.0/24:9100']);
  });
});

describe('captured sessions', () => {
  it('keeps an indented line in its block when a capture that dropped carriage returns joined it to the pager erase', () => {
    // The pager erases "<--- More --->" with 14 spaces; the member line brings its own indent.
    const erase = '<--- More --->' + ' '.repeat(14);
    const firewall = parseLines([
      'object-group network WFO-RECORDERS',
      ' network-object host 10.63.0.11',
      `${erase} network-object host 10.63.0.12`,
      ' network-object host 10.63.0.13',
      `${erase}access-list wfo_in extended permit tcp any object-group WFO-RECORDERS eq https`,
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(ruleWithId(firewall, 'wfo_in#1').match.map(boxText)).toEqual(['tcp any:0-65535 -> 10.63.0.11-10.63.0.13:443']);
    expect(ruleWithId(firewall, 'wfo_in#1').ref).toEqual({
      file: 'snippet.txt',
      line: 5,
      text: 'access-list wfo_in extended permit tcp any object-group WFO-RECORDERS eq https',
    });
  });

  it('reads a session with prompts, echoed commands, CRLF, tabs and the erase between carriage returns', () => {
    const text = [
      'hou-fw01# terminal pager 0',
      'hou-fw01# more system:running-config',
      'show running-config',
      ': Saved',
      ':',
      'ASA Version 9.18(3)56 ',
      'hostname hou-fw01',
      'object-group network WFO-SERVERS',
      '\tnetwork-object host 10.64.0.20',
      '<--- More --->\r              \r network-object host 10.64.0.21',
      'access-list wfo_in extended\tpermit tcp any4 object-group WFO-SERVERS eq 8443',
      'Cryptochecksum:5b3f0c2e9d7a41e8b6c9f0a1d2e3f4a5',
      ': end',
      'hou-fw01# ',
    ].join('\r\n');
    const firewall = parseAsaConfig(`${text}\r\n`, 'session.log');
    expect(firewall.diagnostics).toEqual([]);
    expect(firewall.hostname).toBe('hou-fw01');
    expect(firewall.version).toBe('9.18(3)56');
    const rule = ruleWithId(firewall, 'wfo_in#1');
    expect(rule.match.map(boxText)).toEqual(['tcp any4:0-65535 -> 10.64.0.20/31:8443']);
    // The lone carriage returns of the erase split the line as an editor shows it.
    expect(rule.ref.line).toBe(13);
    expect(firewall.stats).toEqual({ lines: 16, blank: 2, understood: 6, ignored: 8, notUnderstood: 0 });
  });

  it('sets aside FTD housekeeping, Umbrella, EEM applets, password policy and AnyConnect custom attributes', () => {
    const firewall = parseLines([
      'app-agent heartbeat interval 1000 retry-count 3',
      'snort preserve-connection',
      'snort multi-chassis-ftd preserve-connection',
      'umbrella-global',
      ' token 0123456789ABCDEF0123456789ABCDEF',
      ' timeout edns 0:00:02',
      'event manager applet WFO-NIGHTLY-COPY',
      ' event timer absolute time 23:30:00',
      ' action 0 cli command "copy /noconfirm running-config disk0:/nightly.cfg"',
      ' output none',
      'password-policy lifetime 90',
      'password-policy minimum-length 12',
      'password encryption aes',
      'anyconnect-custom-attr dynamic-split-exclude-domains description domains kept off the tunnel',
      'anyconnect-custom-data dynamic-split-exclude-domains WFO-SAAS outlook.office365.com,teams.microsoft.com',
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(firewall.stats).toMatchObject({ ignored: 15, notUnderstood: 0 });
  });
});

describe('multiple-context firewalls', () => {
  const context = [
    'ASA Version 9.16(4)48 <context>',
    'hostname WFO',
    'interface wfo-inside',
    ' nameif inside',
    ' security-level 100',
    ' ip address 10.65.0.1 255.255.255.0',
    'access-list inside_in extended permit tcp any4 10.65.1.0 255.255.255.0 eq https',
    'access-group inside_in in interface inside',
  ];
  const system = [
    'ASA Version 9.16(4)48 <system>',
    'hostname fw-sys',
    'class default',
    '  limit-resource All 0',
    '  limit-resource ASDM 5',
    'admin-context admin',
    'context admin',
    '  allocate-interface Management0/0',
    '  config-url disk0:/admin.cfg',
    'context WFO',
    '  description Workforce optimisation tenant',
    '  allocate-interface GigabitEthernet0/0.10 wfo-inside',
    '  config-url disk0:/WFO.cfg',
    '  join-failover-group 1',
  ];

  it('reads a context configuration like a single-context one', () => {
    const firewall = parseLines(context);
    expect(firewall.diagnostics).toEqual([]);
    expect(firewall.version).toBe('9.16(4)48');
    expect(listNamed(firewall, 'inside_in').appliedAt.map((placement) => [placement.kind, placement.interface])).toEqual([['interface-in', 'inside']]);
  });

  it('says that the system configuration holds no rules and where each context keeps its own', () => {
    const firewall = parseLines(system);
    expect(firewall.ruleLists).toEqual([]);
    expect(firewall.diagnostics).toEqual([
      {
        line: 1,
        severity: 'warning',
        message: "the system configuration of a multiple-context firewall: it holds no access rules, which are in each security context's own configuration",
      },
      {
        line: 7,
        severity: 'info',
        message: 'security context admin: its interfaces and access rules are in its own configuration (disk0:/admin.cfg); audit that as a file of its own',
      },
      {
        line: 10,
        severity: 'info',
        message: 'security context WFO: its interfaces and access rules are in its own configuration (disk0:/WFO.cfg); audit that as a file of its own',
      },
    ]);
    expect(firewall.stats).toMatchObject({ understood: 2, notUnderstood: 0 });
  });

  it('warns where a second configuration starts when one session captured several', () => {
    const firewall = parseLines(['fw-sys/WFO# show running-config', ...context, 'fw-sys/WFO# changeto context admin', 'fw-sys/admin# show running-config', 'ASA Version 9.16(4)48 <context>', 'hostname admin']);
    expect(firewall.diagnostics).toEqual([
      {
        line: 12,
        severity: 'warning',
        message:
          'a second running configuration starts here: the file holds several (security contexts, or the system configuration and a context), read as one firewall; give each its own file',
      },
    ]);
  });
});

describe('groups with a line that cannot be read', () => {
  it('marks rules using a protocol or ICMP-type group unresolved instead of reading the group as complete', () => {
    const firewall = parseLines([
      'object-group protocol WFO-TRANSPORTS',
      ' protocol-object tcp',
      ' protocol-object 300',
      'object-group icmp-type WFO-DIAG',
      ' icmp-object echo',
      ' icmp-object echo-request',
      'access-list diag_in extended permit object-group WFO-TRANSPORTS any host 10.66.0.9',
      'access-list diag_in extended permit icmp any host 10.66.0.9 object-group WFO-DIAG',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 3, severity: 'warning', message: 'not understood (unknown protocol): protocol-object 300' },
      { line: 6, severity: 'warning', message: 'not understood (unknown ICMP type): icmp-object echo-request' },
    ]);
    const transports = ruleWithId(firewall, 'diag_in#1');
    expect(transports.match.map(boxText)).toEqual(['tcp any:0-65535 -> 10.66.0.9:0-65535']);
    expect(transports.mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> 10.66.0.9:0-65535']);
    expect(transports.unresolved).toEqual([
      { kind: 'unknown-protocol', name: 'WFO-TRANSPORTS', reason: 'WFO-TRANSPORTS: unknown protocol in "protocol-object 300"' },
    ]);
    const diag = ruleWithId(firewall, 'diag_in#2');
    expect(diag.match).toEqual([]);
    expect(diag.mayMatch?.map(boxText)).toEqual(['icmp any:0-65535 -> 10.66.0.9:0-65535']);
    expect(diag.unresolved).toEqual([{ kind: 'icmp-type', name: 'WFO-DIAG', reason: 'WFO-DIAG: unknown ICMP type in "icmp-object echo-request"' }]);
  });
});
