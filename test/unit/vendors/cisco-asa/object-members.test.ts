import { describe, expect, it } from 'vitest';
import { networkObjectByName, serviceObjectByName } from '../../../../src-main/core/model/index';
import { boxText, parseLines, ruleWithId } from './helpers';

describe('object and group lines that cannot be read', () => {
  it('reports a subnet without its mask and a truncated host, and leaves rules using them uncertain', () => {
    const firewall = parseLines([
      'object network WFO-MAIL-NET',
      ' subnet 10.50.0.0',
      'object network WFO-REC01',
      ' host',
      'object-group network WFO-RECORDERS',
      ' network-object host 10.70.0.11',
      ' network-object 10.70.1.0',
      'access-list wfo_in extended permit tcp any object WFO-MAIL-NET eq smtp',
      'access-list wfo_in extended permit tcp any object WFO-REC01 eq https',
      'access-list wfo_in extended permit tcp any object-group WFO-RECORDERS range 1050 1065',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 2, severity: 'error', message: 'object WFO-MAIL-NET: subnet 10.50.0.0 has no mask' },
      { line: 4, severity: 'error', message: 'object WFO-REC01: the address after "host" is missing' },
      { line: 7, severity: 'error', message: 'object-group WFO-RECORDERS: network-object 10.70.1.0 has no mask or prefix length' },
    ]);
    expect(firewall.stats.notUnderstood).toBe(3);
    const mail = ruleWithId(firewall, 'wfo_in#1');
    expect(mail.match).toEqual([]);
    expect(mail.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> any:25']);
    expect(mail.unresolved).toEqual([
      { kind: 'unsupported', name: 'WFO-MAIL-NET', reason: 'object WFO-MAIL-NET, line 2: subnet 10.50.0.0 has no mask' },
    ]);
    expect(ruleWithId(firewall, 'wfo_in#2').unresolved).toEqual([
      { kind: 'unsupported', name: 'WFO-REC01', reason: 'object WFO-REC01, line 4: the address after "host" is missing' },
    ]);
    const recorders = ruleWithId(firewall, 'wfo_in#3');
    expect(recorders.match.map(boxText)).toEqual(['tcp any:0-65535 -> 10.70.0.11:1050-1065']);
    expect(recorders.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> any:1050-1065']);
  });

  it('leaves a network group with a misspelt member line unresolved instead of smaller', () => {
    const firewall = parseLines([
      'object-group network BLOCKED-SRC',
      ' description agents moved to the new floor',
      ' network-objekt host 10.10.20.12',
      ' network-object host 10.10.20.99',
      'access-list wfo_in extended deny ip object-group BLOCKED-SRC any',
    ]);
    expect(firewall.diagnostics).toEqual([{ line: 3, severity: 'warning', message: 'not understood: network-objekt host 10.10.20.12' }]);
    expect(networkObjectByName(firewall, 'BLOCKED-SRC')?.unresolved).toEqual([
      { kind: 'unsupported', name: 'BLOCKED-SRC', reason: 'object-group BLOCKED-SRC, line 3: "network-objekt host 10.10.20.12" is not understood' },
    ]);
    const rule = ruleWithId(firewall, 'wfo_in#1');
    expect(rule.match.map(boxText)).toEqual(['ip 10.10.20.99:0-65535 -> any:0-65535']);
    expect(rule.mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> any:0-65535']);
    expect(rule.unresolved.map((item) => item.reason)).toEqual([
      'object-group BLOCKED-SRC, line 3: "network-objekt host 10.10.20.12" is not understood',
    ]);
  });

  it('keeps an unreadable line of an object that NAT lists again', () => {
    const firewall = parseLines([
      'object network WFO-WEB',
      ' hots 10.40.0.10',
      ' host 10.40.0.11',
      'object network WFO-WEB',
      ' nat (inside,outside) static 203.0.113.10',
      'access-list outside_in extended permit tcp any object WFO-WEB eq https',
    ]);
    const rule = ruleWithId(firewall, 'outside_in#1');
    expect(rule.match.map(boxText)).toEqual(['tcp any:0-65535 -> 10.40.0.11:443']);
    expect(rule.unresolved).toEqual([
      { kind: 'unsupported', name: 'WFO-WEB', reason: 'object WFO-WEB, line 2: "hots 10.40.0.10" is not understood' },
    ]);
  });

  it('leaves service, protocol and ICMP-type groups with a misspelt line unresolved', () => {
    const firewall = parseLines([
      'object-group service WFO-WEB-MIX',
      ' port-object eq 443',
      ' service-object tcp destination eq 8443',
      'object-group protocol WFO-TRANSPORTS',
      ' protocol-objekt udp',
      ' protocol-object tcp',
      'object-group icmp-type WFO-DIAG',
      ' icmp-object echo',
      ' icmp-objekt echo-reply',
      'object service WFO-SIP',
      ' servic udp destination eq sip',
      'access-list wfo_in extended permit object-group WFO-WEB-MIX any host 10.40.0.10',
      'access-list wfo_in extended permit object-group WFO-TRANSPORTS any host 10.40.0.10',
      'access-list wfo_in extended permit icmp any host 10.40.0.10 object-group WFO-DIAG',
      'access-list wfo_in extended permit object WFO-SIP any host 10.40.0.10',
    ]);
    expect(firewall.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.message])).toEqual([
      [2, 'not understood: port-object eq 443'],
      [5, 'not understood: protocol-objekt udp'],
      [9, 'not understood: icmp-objekt echo-reply'],
      [11, 'not understood: servic udp destination eq sip'],
    ]);
    const web = ruleWithId(firewall, 'wfo_in#1');
    expect(web.match.map(boxText)).toEqual(['tcp any:0-65535 -> 10.40.0.10:8443']);
    expect(web.mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> 10.40.0.10:0-65535']);
    expect(web.unresolved).toEqual([
      { kind: 'unsupported', name: 'WFO-WEB-MIX', reason: 'object-group WFO-WEB-MIX, line 2: "port-object eq 443" is not understood' },
    ]);
    expect(ruleWithId(firewall, 'wfo_in#2').mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> 10.40.0.10:0-65535']);
    expect(ruleWithId(firewall, 'wfo_in#3').unresolved.map((item) => item.reason)).toContain(
      'object-group WFO-DIAG, line 9: "icmp-objekt echo-reply" is not understood',
    );
    expect(ruleWithId(firewall, 'wfo_in#3').mayMatch?.map(boxText)).toEqual(['icmp any:0-65535 -> 10.40.0.10:0-65535']);
    const sip = ruleWithId(firewall, 'wfo_in#4');
    expect(sip.match).toEqual([]);
    expect(sip.unresolved).toEqual([{ kind: 'unsupported', name: 'WFO-SIP', reason: 'object WFO-SIP, line 11: "servic udp destination eq sip" is not understood' }]);
  });

  it('reports words after a complete address or service, in objects and in access-list entries', () => {
    const firewall = parseLines([
      'object network WFO-CTI',
      ' host 10.11.11.11 junk',
      'object-group network WFO-AGENTS',
      ' network-object 198.51.100.0 255.255.255.0 extra',
      ' network-object 10.20.0.0 255.255.0.0',
      'object service WFO-PING',
      ' service icmp echo 0 junk',
      'access-list wfo_in extended permit ip object WFO-CTI any',
      'access-list wfo_in extended permit ip object-group WFO-AGENTS any',
      'access-list wfo_in extended permit object WFO-PING any any',
      'access-list wfo_in extended permit tcp any host 10.11.11.11 junk',
    ]);
    expect(firewall.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.severity, diagnostic.message])).toEqual([
      [2, 'error', 'object WFO-CTI: unexpected "junk" after host 10.11.11.11'],
      [4, 'error', 'object-group WFO-AGENTS: unexpected "extra" after 198.51.100.0 255.255.255.0'],
      [7, 'warning', 'not understood (unexpected "junk"): service icmp echo 0 junk'],
      [11, 'warning', 'not understood (unexpected "junk"): access-list wfo_in extended permit tcp any host 10.11.11.11 junk'],
    ]);
    expect(ruleWithId(firewall, 'wfo_in#1').match).toEqual([]);
    expect(ruleWithId(firewall, 'wfo_in#1').mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> any:0-65535']);
    const agents = ruleWithId(firewall, 'wfo_in#2');
    expect(agents.match.map(boxText)).toEqual(['ip 10.20.0.0/16:0-65535 -> any:0-65535']);
    expect(agents.unresolved).toEqual([
      { kind: 'unsupported', name: 'WFO-AGENTS', reason: 'object-group WFO-AGENTS, line 4: unexpected "extra" after 198.51.100.0 255.255.255.0' },
    ]);
    expect(ruleWithId(firewall, 'wfo_in#3').match).toEqual([]);
    expect(ruleWithId(firewall, 'wfo_in#4').unresolved).toEqual([{ kind: 'unsupported', reason: 'the line could not be read: unexpected "junk"' }]);
  });

  it('says which mask is missing in an access-list entry', () => {
    const firewall = parseLines([
      'access-list wfo_in extended permit tcp any 10.2.2.0 255.255.255 eq https',
      'access-list wfo_in extended permit tcp 10.20.0.0 any eq https',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 1, severity: 'warning', message: 'not understood (10.2.2.0 has no mask ("255.255.255" is not one)): access-list wfo_in extended permit tcp any 10.2.2.0 255.255.255 eq https' },
      { line: 2, severity: 'warning', message: 'not understood (10.20.0.0 has no mask ("any" is not one)): access-list wfo_in extended permit tcp 10.20.0.0 any eq https' },
    ]);
    expect(ruleWithId(firewall, 'wfo_in#1').mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> any:0-65535']);
  });

  it('says the address is missing when network-object host is cut short', () => {
    const firewall = parseLines(['object-group network WFO-NGM', ' network-object host']);
    expect(firewall.diagnostics).toEqual([{ line: 2, severity: 'error', message: 'object-group WFO-NGM: the address after "host" is missing' }]);
    expect(networkObjectByName(firewall, 'WFO-NGM')?.unresolved).toEqual([
      { kind: 'unsupported', name: 'WFO-NGM', reason: 'object-group WFO-NGM, line 2: the address after "host" is missing' },
    ]);
  });
});

describe('empty objects and groups', () => {
  it('warns at each empty object and leaves rules using it uncertain instead of matching nothing', () => {
    const firewall = parseLines([
      'object network WFO-OT-EMPTY',
      'object-group network WFO-NG-EMPTY',
      'object-group service WFO-PG-EMPTY tcp',
      'object service WFO-OS-EMPTY',
      'access-list wfo_in extended permit ip object WFO-OT-EMPTY any',
      'access-list wfo_in extended deny ip object-group WFO-NG-EMPTY any',
      'access-list wfo_in extended deny tcp any any object-group WFO-PG-EMPTY',
      'access-list wfo_in extended permit object WFO-OS-EMPTY any any',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 1, severity: 'warning', message: 'object WFO-OT-EMPTY is empty: it has no host, subnet, range or fqdn line; rules using it are marked unresolved' },
      { line: 2, severity: 'warning', message: 'object-group WFO-NG-EMPTY is empty: it has no network-object or group-object line; rules using it are marked unresolved' },
      { line: 3, severity: 'warning', message: 'object-group WFO-PG-EMPTY is empty: it has no port-object or group-object line; rules using it are marked unresolved' },
      { line: 4, severity: 'warning', message: 'object WFO-OS-EMPTY is empty: it has no service line; rules using it are marked unresolved' },
    ]);
    const host = ruleWithId(firewall, 'wfo_in#1');
    expect(host.match).toEqual([]);
    expect(host.mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> any:0-65535']);
    expect(host.unresolved).toEqual([
      { kind: 'unsupported', name: 'WFO-OT-EMPTY', reason: 'object WFO-OT-EMPTY (line 1) is empty: it has no host, subnet, range or fqdn line' },
    ]);
    expect(ruleWithId(firewall, 'wfo_in#2').mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> any:0-65535']);
    expect(ruleWithId(firewall, 'wfo_in#3').mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> any:0-65535']);
    expect(ruleWithId(firewall, 'wfo_in#4').mayMatch?.map(boxText)).toEqual(['ip any:0-65535 -> any:0-65535']);
  });

  it('does not call an object empty when a second block adds only its NAT', () => {
    const firewall = parseLines([
      'object network WFO-WEB',
      ' host 10.40.0.10',
      'object network WFO-WEB',
      ' nat (inside,outside) static 203.0.113.10',
      'object-group network WFO-SERVERS',
      ' group-object WFO-WEB',
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(networkObjectByName(firewall, 'WFO-SERVERS')?.unresolved).toEqual([]);
  });
});

describe('ICMP-type groups after icmp6', () => {
  it('reads type names as their ICMPv6 types, never as ICMPv4 on IPv6 addresses', () => {
    const firewall = parseLines([
      'object-group icmp-type WFO-PING',
      ' icmp-object echo',
      ' icmp-object echo-reply',
      ' icmp-object unreachable',
      'access-list wfo_v6 extended permit icmp6 any6 any6 object-group WFO-PING',
      'access-list wfo_v6 extended permit icmp any4 any4 object-group WFO-PING',
    ]);
    const v6 = ruleWithId(firewall, 'wfo_v6#1');
    expect(v6.mayMatch?.map(boxText)).toEqual([
      'icmp6 any6:0-65535 -> any6:0-65535 icmp 128',
      'icmp6 any6:0-65535 -> any6:0-65535 icmp 129',
      'icmp6 any6:0-65535 -> any6:0-65535 icmp 1',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 5, severity: 'info', message: 'wfo_v6: WFO-PING holds ICMP type names; after icmp6 they are read as the ICMPv6 types of the same name' },
    ]);
    expect(ruleWithId(firewall, 'wfo_v6#2').mayMatch?.map(boxText)).toEqual([
      'icmp any4:0-65535 -> any4:0-65535 icmp 8',
      'icmp any4:0-65535 -> any4:0-65535 icmp 0',
      'icmp any4:0-65535 -> any4:0-65535 icmp 3',
    ]);
  });

  it('leaves the ICMPv6 part unresolved when a member has no ICMPv6 meaning', () => {
    const firewall = parseLines([
      'object-group icmp-type WFO-DIAG',
      ' icmp-object echo',
      ' icmp-object source-quench',
      'object-group icmp-type WFO-NUMBERED',
      ' icmp-object 8',
      'access-list wfo_v6 extended permit icmp6 any6 any6 object-group WFO-DIAG',
      'access-list wfo_v6 extended permit icmp6 any6 any6 object-group WFO-NUMBERED',
    ]);
    const diag = ruleWithId(firewall, 'wfo_v6#1');
    expect(diag.match).toEqual([]);
    expect(diag.mayMatch?.map(boxText)).toEqual(['icmp6 any6:0-65535 -> any6:0-65535']);
    expect(diag.unresolved).toEqual([
      { kind: 'icmp-type', name: 'WFO-DIAG', reason: 'WFO-DIAG holds ICMP (IPv4) types; after icmp6, "source-quench" has no known ICMPv6 meaning' },
    ]);
    expect(ruleWithId(firewall, 'wfo_v6#2').mayMatch?.map(boxText)).toEqual(['icmp6 any6:0-65535 -> any6:0-65535']);
    expect(firewall.diagnostics).toEqual([
      { line: 6, severity: 'warning', message: 'wfo_v6: WFO-DIAG holds ICMP (IPv4) types; after icmp6, "source-quench" has no known ICMPv6 meaning' },
      { line: 7, severity: 'warning', message: 'wfo_v6: WFO-NUMBERED holds ICMP (IPv4) types; after icmp6, "8" has no known ICMPv6 meaning' },
    ]);
  });
});

describe('port groups of another protocol than the rule', () => {
  it('warns on the rule line and keeps the ports as written', () => {
    const firewall = parseLines([
      'object-group service WFO-SNMP tcp',
      ' port-object eq 161',
      'object-group service WFO-SYSLOG udp',
      ' port-object eq 514',
      'object-group service WFO-WEB tcp',
      ' port-object eq 443',
      ' group-object WFO-SYSLOG',
      'object-group service WFO-DNS tcp-udp',
      ' port-object eq domain',
      'access-list wfo_in extended permit udp any host 10.50.0.20 object-group WFO-SNMP',
      'access-list wfo_in extended permit tcp any host 10.50.0.22 object-group WFO-WEB',
      'access-list wfo_in extended permit tcp any object-group WFO-SYSLOG host 10.50.0.23',
      'access-list wfo_in extended permit tcp any host 10.50.0.24 object-group WFO-DNS',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 7, severity: 'warning', message: 'WFO-WEB (tcp) includes WFO-SYSLOG, which is a udp port group' },
      {
        line: 10,
        severity: 'warning',
        message: 'wfo_in: destination ports: WFO-SNMP is a tcp port group, used on a udp rule; its ports are applied as written (what the ASA does here is not verified)',
      },
      {
        line: 11,
        severity: 'warning',
        message: 'wfo_in: destination ports: WFO-WEB holds udp ports (from a nested group), used on a tcp rule; its ports are applied as written (what the ASA does here is not verified)',
      },
      {
        line: 12,
        severity: 'warning',
        message: 'wfo_in: source ports: WFO-SYSLOG is a udp port group, used on a tcp rule; its ports are applied as written (what the ASA does here is not verified)',
      },
    ]);
    expect(ruleWithId(firewall, 'wfo_in#1').match.map(boxText)).toEqual(['udp any:0-65535 -> 10.50.0.20:161']);
    expect(ruleWithId(firewall, 'wfo_in#2').match.map(boxText)).toEqual(['tcp any:0-65535 -> 10.50.0.22:443,514']);
    expect(ruleWithId(firewall, 'wfo_in#4').match.map(boxText)).toEqual(['tcp any:0-65535 -> 10.50.0.24:53']);
  });
});

describe('messages about objects of the wrong kind', () => {
  it('says "an icmp-type group"', () => {
    const firewall = parseLines([
      'object-group icmp-type WFO-PING',
      ' icmp-object echo',
      'access-list wfo_in extended permit tcp any host 10.2.2.2 object-group WFO-PING',
    ]);
    expect(firewall.diagnostics).toEqual([{ line: 3, severity: 'error', message: 'wfo_in: WFO-PING is an icmp-type group, not a port group' }]);
    expect(serviceObjectByName(firewall, 'WFO-PING')?.unresolved).toEqual([]);
  });
});
