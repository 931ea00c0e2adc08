import { describe, expect, it } from 'vitest';
import { firewallToJson, networkObjectByName, serviceObjectByName } from '../../../../src-main/core/model/index';
import { addresses, boxText, fixtureText, listNamed, parseFixture, ruleWithId } from './helpers';

// A WFOS data center ASA 9.12: sub-interfaces, nested groups, FQDN objects, NAT, failover noise.
const FILE = 'dal-dc-fw01.txt';
const firewall = parseFixture(FILE);
const fileLines = fixtureText(FILE).split('\n');

describe('dal-dc-fw01: device and topology', () => {
  it('reads hostname, version and vendor', () => {
    expect(firewall.vendor).toBe('cisco-asa');
    expect(firewall.file).toBe(FILE);
    expect(firewall.hostname).toBe('dal-dc-fw01');
    expect(firewall.version).toBe('9.12(4)37');
  });

  it('reads named interfaces with levels, vlans and connected subnets in both families', () => {
    const named = firewall.interfaces.filter((iface) => iface.name !== undefined);
    expect(named.map((iface) => [iface.name, iface.hardware, iface.securityLevel, iface.addresses])).toEqual([
      ['outside', 'Ethernet1/1', 0, ['203.0.113.0/28', '2001:db8:ffff::/64']],
      ['inside', 'Ethernet1/2.10', 100, ['10.10.1.0/24']],
      ['servers', 'Ethernet1/2.20', 80, ['10.10.20.0/24', '2001:db8:20::/64']],
      ['voice', 'Ethernet1/2.30', 80, ['10.10.30.0/24']],
      ['dmz', 'Ethernet1/3', 50, ['172.16.10.0/24']],
      ['management', 'Management1/1', 100, ['192.168.250.0/24']],
    ]);
    const servers = named.find((iface) => iface.name === 'servers');
    expect(servers?.vlan).toBe(20);
    expect(servers?.description).toBe('WFOS application servers');
    expect(servers?.ownAddresses).toEqual(['10.10.20.1', '10.10.20.2', '2001:db8:20::1', '2001:db8:20::2']);
    expect(servers?.ref).toEqual({ file: FILE, line: 36, text: 'interface Ethernet1/2.20' });
  });

  it('keeps interfaces without nameif, and knows which are shut down', () => {
    const unnamed = firewall.interfaces.filter((iface) => iface.name === undefined);
    expect(unnamed.map((iface) => [iface.hardware, iface.shutdown])).toEqual([
      ['Ethernet1/2', false],
      ['Ethernet1/4', false],
      ['Ethernet1/8', true],
    ]);
  });

  it('reads IPv4 and IPv6 static routes with their lines', () => {
    expect(firewall.routes.map((route) => [route.interface, route.destination, route.gateway, route.ref.line])).toEqual([
      ['outside', '0.0.0.0/0', '203.0.113.1', 291],
      ['inside', '10.10.5.0/24', '10.10.1.254', 292],
      ['inside', '10.30.0.0/16', '10.10.1.254', 293],
      ['inside', '10.40.0.0/16', '10.10.1.254', 294],
      ['outside', '::/0', '2001:db8:ffff::1', 295],
      ['servers', '2001:db8::/64', '2001:db8:20::fe', 296],
    ]);
    expect(firewall.routes[0]?.metric).toBe(1);
  });

  it('records the ASA built-in policy and same-security-traffic', () => {
    expect(firewall.behaviour).toEqual({
      sameSecurityTraffic: { interInterface: true, intraInterface: false },
      defaultAction: 'security-level',
      implicitAction: 'deny',
      transparent: false,
    });
  });

  it('records object and twice NAT without losing the object address', () => {
    expect(firewall.nat.map((nat) => [nat.kind, nat.objectName, nat.realInterface, nat.mappedInterface, nat.ref.line])).toEqual([
      ['twice', undefined, 'servers', 'outside', 280],
      ['object', 'OBJ-APACHE01', 'dmz', 'outside', 283],
      ['object', 'NET-DESKTOPS', 'inside', 'outside', 285],
    ]);
    const apache = networkObjectByName(firewall, 'OBJ-APACHE01');
    expect(apache?.addresses.equals(addresses('172.16.10.20'))).toBe(true);
    expect(apache?.ref.line).toBe(97);
    expect(apache?.description).toBe('Apache reverse proxy');
  });

  it('records time ranges', () => {
    expect(firewall.timeRanges).toEqual([
      { name: 'TR-MAINT-WINDOW', entries: ['periodic weekend 1:00 to 5:00'], ref: { file: FILE, line: 203, text: 'time-range TR-MAINT-WINDOW' } },
    ]);
  });
});

describe('dal-dc-fw01: objects', () => {
  it('resolves hosts, subnets, ranges and IPv6 objects', () => {
    const cases: Array<[string, string]> = [
      ['OBJ-REC01', '10.10.20.11'],
      ['NET-DESKTOPS', '10.30.0.0/16'],
      ['NET-SCREEN-CAPTURE', '10.30.0.10-10.30.0.99'],
      ['NET-SERVERS-V6', '2001:db8:20::/64'],
      ['OBJ-NTE', '2001:db8::50'],
    ];
    for (const [name, expected] of cases) {
      expect(networkObjectByName(firewall, name)?.addresses.equals(addresses(expected)), name).toBe(true);
    }
    expect(networkObjectByName(firewall, 'OBJ-REC01')?.ref).toEqual({ file: FILE, line: 80, text: 'object network OBJ-REC01' });
  });

  it('flattens groups nested three deep and keeps member names', () => {
    const all = networkObjectByName(firewall, 'GRP-WFOS-ALL');
    expect(all?.kind).toBe('group');
    expect(all?.members).toEqual(['GRP-WFOS-CORE', 'OBJ-SPEECH01', 'OBJ-APACHE01']);
    expect(all?.addresses.equals(addresses('10.10.20.11,10.10.20.12,10.10.20.21,10.10.20.31,10.10.20.41,10.10.20.42,10.10.20.51,172.16.10.20'))).toBe(true);
    expect(all?.unresolved).toEqual([]);
  });

  it('marks FQDN objects and the groups holding them unresolved, keeping the known part', () => {
    const fqdn = networkObjectByName(firewall, 'OBJ-OCEANA-PORTAL');
    expect(fqdn?.addresses.isEmpty()).toBe(true);
    expect(fqdn?.unresolved).toEqual([
      { kind: 'fqdn', name: 'OBJ-OCEANA-PORTAL', reason: 'object OBJ-OCEANA-PORTAL is the FQDN oceana.acme.example, resolved by the firewall at run time' },
    ]);
    const group = networkObjectByName(firewall, 'GRP-OCEANA');
    expect(group?.addresses.equals(addresses('10.40.5.20'))).toBe(true);
    expect(group?.unresolved.map((item) => item.kind)).toEqual(['fqdn']);
  });

  it('reads port groups, service groups with nested service objects, protocol and icmp-type groups', () => {
    expect(serviceObjectByName(firewall, 'SVC-WEB')?.kind).toBe('port');
    expect(serviceObjectByName(firewall, 'SVC-WEB')?.services.map((spec) => `${spec.protocols} ${spec.destinationPorts}`)).toEqual(['tcp,udp 80', 'tcp,udp 443']);
    const aes = serviceObjectByName(firewall, 'SVC-AES-ALL');
    expect(aes?.kind).toBe('service');
    expect(aes?.members).toEqual(['SVC-AES-TSAPI']);
    expect(aes?.services.map((spec) => `${spec.protocols} ${spec.destinationPorts}`).sort()).toEqual(['tcp 1050-1065', 'tcp 450', 'tcp 4721-4722']);
    expect(serviceObjectByName(firewall, 'PROTO-TRANSPORT')?.kind).toBe('protocol');
    expect(serviceObjectByName(firewall, 'ICMP-DIAG')?.services.map((spec) => spec.icmp?.type)).toEqual([8, 0, 11, 3]);
    const rtp = serviceObjectByName(firewall, 'SVC-RTP')?.services[0];
    expect([rtp?.sourcePorts.toString(), rtp?.destinationPorts.toString()]).toEqual(['1024-65535', '16384-32766']);
  });
});

describe('dal-dc-fw01: rule lists', () => {
  it('applies each interface list inbound and leaves VPN lists unapplied', () => {
    const placements = Object.fromEntries(
      firewall.ruleLists.map((list) => [list.name, list.appliedAt.map((placement) => `${placement.kind} ${placement.interface ?? ''}`.trim())]),
    );
    expect(placements).toEqual({
      outside_in: ['interface-in outside'],
      inside_in: ['interface-in inside'],
      servers_in: ['interface-in servers'],
      dmz_in: ['interface-in dmz'],
      voice_in: ['interface-in voice'],
      'SPLIT-TUNNEL': [],
      'VPN-CRYPTO': [],
    });
    expect(listNamed(firewall, 'servers_in').appliedAt[0]?.ref?.line).toBe(288);
  });

  it('numbers rules by position among entries, not counting remarks', () => {
    const servers = listNamed(firewall, 'servers_in');
    expect(servers.rules.map((rule) => rule.id)).toEqual(Array.from({ length: 14 }, (_, index) => `servers_in#${index + 1}`));
    expect(servers.rules.map((rule) => rule.position)).toEqual(Array.from({ length: 14 }, (_, index) => index + 1));
  });

  it('quotes every rule exactly as the line it came from', () => {
    for (const list of firewall.ruleLists) {
      for (const rule of list.rules) {
        expect(fileLines[(rule.ref.line ?? 0) - 1]).toBe(rule.ref.text);
      }
    }
  });

  it('matches "any" in IPv4 and IPv6 on 9.x and expands a tcp-udp port group for tcp', () => {
    const rule = ruleWithId(firewall, 'outside_in#1');
    expect(rule.ref).toEqual({ file: FILE, line: 206, text: 'access-list outside_in extended permit tcp any object OBJ-APACHE01 object-group SVC-WEB' });
    expect(rule.comment).toBe('Published WFOS web access through the Apache reverse proxy');
    expect(rule.match.map(boxText)).toEqual(['tcp any:0-65535 -> 172.16.10.20:80,443']);
    expect(rule.unresolved).toEqual([]);
    expect(rule.mayMatch).toBeUndefined();
    expect(rule.referencedObjects).toEqual(['OBJ-APACHE01', 'SVC-WEB']);
  });

  it('keeps what is certain of a rule with an FQDN and widens only the FQDN part', () => {
    const rule = ruleWithId(firewall, 'outside_in#2');
    expect(rule.match.map(boxText)).toEqual(['tcp 10.40.5.20:0-65535 -> 10.10.20.31:61617']);
    expect(rule.mayMatch?.map(boxText)).toEqual(['tcp any:0-65535 -> 10.10.20.31:61617']);
    expect(rule.unresolved.map((item) => [item.kind, item.name])).toEqual([['fqdn', 'OBJ-OCEANA-PORTAL']]);
  });

  it('treats ICMP type conditions as uncertain, keeping the types on the possible match', () => {
    const rule = ruleWithId(firewall, 'outside_in#3');
    expect(rule.match).toEqual([]);
    expect(rule.mayMatch?.map(boxText)).toEqual([
      'icmp any:0-65535 -> any:0-65535 icmp 8',
      'icmp any:0-65535 -> any:0-65535 icmp 0',
      'icmp any:0-65535 -> any:0-65535 icmp 11',
      'icmp any:0-65535 -> any:0-65535 icmp 3',
    ]);
    expect(rule.unresolved.map((item) => item.kind)).toEqual(['icmp-type']);
  });

  it('reads a service object with source and destination ports as the protocol', () => {
    expect(ruleWithId(firewall, 'inside_in#3').match.map(boxText)).toEqual(['udp 10.40.0.0/16:1024-65535 -> 10.10.20.21:16384-32766']);
    expect(ruleWithId(firewall, 'inside_in#5').match.map(boxText)).toEqual(['tcp 10.40.0.0/16:0-65535 -> 10.10.20.21:5060']);
  });

  it('joins consecutive remarks and expands a mixed service group', () => {
    const rule = ruleWithId(firewall, 'inside_in#6');
    expect(rule.comment).toBe('IT management\n(ticket CHG0041877)');
    const wfos = '10.10.20.11-10.10.20.12,10.10.20.21,10.10.20.31,10.10.20.41-10.10.20.42,10.10.20.51,172.16.10.20';
    expect(rule.match.map(boxText)).toEqual([`tcp 10.10.5.0/24:0-65535 -> ${wfos}:22,3389`, `tcp,udp 10.10.5.0/24:0-65535 -> ${wfos}:53`]);
    expect(rule.mayMatch?.map(boxText)).toContain(`icmp 10.10.5.0/24:0-65535 -> ${wfos}:0-65535 icmp 8`);
  });

  it('keeps inactive rules with their match, disabled', () => {
    const rule = ruleWithId(firewall, 'inside_in#7');
    expect(rule.enabled).toBe(false);
    expect(rule.ref.line).toBe(221);
    expect(rule.match.map((box) => box.destinationPorts.toString())).toEqual(['1433']);
  });

  it('notes the time-range a rule depends on', () => {
    const rule = ruleWithId(firewall, 'inside_in#8');
    expect(rule.timeRange).toBe('TR-MAINT-WINDOW');
    expect(rule.notes).toEqual(['active only during time-range TR-MAINT-WINDOW (periodic weekend 1:00 to 5:00)']);
    expect(rule.enabled).toBe(true);
  });

  it('merges the ports of a service group into one box per protocol', () => {
    expect(ruleWithId(firewall, 'servers_in#3').match.map(boxText)).toEqual(['tcp 10.10.20.21:0-65535 -> 10.40.0.10/31:450,1050-1065,4721-4722']);
    expect(ruleWithId(firewall, 'servers_in#1').match.map(boxText)).toEqual([
      'tcp 10.10.20.11-10.10.20.12:0-65535 -> 10.10.20.21:33012-33014,33022,33029,34101-34103,34105-34107,34301',
    ]);
  });

  it('reads neq as two ranges, lt and gt as strict bounds, and log options', () => {
    expect(ruleWithId(firewall, 'servers_in#11').match.map(boxText)).toEqual([
      'tcp 10.10.20.0/24:0-65535 -> 10.10.5.0/24:0-134,136-65535',
      'udp 10.10.20.0/24:0-65535 -> 10.10.5.0/24:0-134,136-65535',
    ]);
    const lt = ruleWithId(firewall, 'servers_in#12');
    expect(lt.match.map(boxText)).toEqual(['tcp any:0-65535 -> any:0-1023']);
    expect(lt.logging).toBe(true);
    expect(ruleWithId(firewall, 'servers_in#13').match.map(boxText)).toEqual(['tcp 2001:db8:20::/64:0-65535 -> any6:49152-65535']);
  });

  it('reads IPv6 hosts and standard lists (destination only)', () => {
    expect(ruleWithId(firewall, 'servers_in#7').match.map(boxText)).toEqual(['tcp 10.10.20.51:0-65535 -> 2001:db8::50:8443']);
    expect(listNamed(firewall, 'SPLIT-TUNNEL').rules.map((rule) => rule.match.map(boxText))).toEqual([
      ['ip any4:0-65535 -> 10.10.20.0/24:0-65535'],
      ['ip any4:0-65535 -> 172.16.10.0/24:0-65535'],
    ]);
  });
});

describe('dal-dc-fw01: diagnostics', () => {
  it('accounts for every line exactly once', () => {
    const { stats } = firewall;
    expect(stats.lines).toBe(fileLines.length - 1);
    expect(stats.blank + stats.understood + stats.ignored + stats.notUnderstood).toBe(stats.lines);
    expect(stats.notUnderstood).toBe(1);
    expect(stats.ignored).toBeGreaterThan(100);
  });

  it('reports the one line it does not know with its line number, and the FQDN as info', () => {
    expect(firewall.diagnostics).toEqual([
      { line: 118 + 1, severity: 'info', message: 'object OBJ-OCEANA-PORTAL is the FQDN oceana.acme.example: rules using it are marked unresolved' },
      { line: 388, severity: 'warning', message: 'not understood: fragment chain 1 voice' },
    ]);
  });

  it('never carries a password, key or community anywhere in the parsed result', () => {
    const everything = JSON.stringify(firewallToJson(firewall));
    for (const secret of ['Tac4csSecretKey', 'SnmpC0mmunity', 'NtpK3yValue', 'L2lPr3Shared', 'UGFzc3dvcmRIYXNoVmFsdWU', 'Qm9vZ2ll']) {
      expect(everything).not.toContain(secret);
    }
  });
});
