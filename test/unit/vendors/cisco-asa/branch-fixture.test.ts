import { describe, expect, it } from 'vitest';
import { AddressSet } from '../../../../src-main/core/net/index';
import { firewallToJson, networkObjectByName } from '../../../../src-main/core/model/index';
import { boxText, fixtureText, listNamed, parseFixture, ruleWithId } from './helpers';

// An older branch ASA (8.4): `names`, a global access-group, standard lists, DHCP uplink,
// pre-8.3 service-object syntax and OSPF.
const FILE = 'aus-rec-fw02.txt';
const firewall = parseFixture(FILE);

describe('aus-rec-fw02: an 8.4 branch firewall', () => {
  it('reads the version and understands every line', () => {
    expect(firewall.version).toBe('8.4(7)30');
    expect(firewall.hostname).toBe('aus-rec-fw02');
    expect(firewall.stats.notUnderstood).toBe(0);
    expect(firewall.stats.lines).toBe(fixtureText(FILE).split('\n').length - 1);
    expect(firewall.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  });

  it('takes "any" as IPv4 only before 9.0', () => {
    const rule = ruleWithId(firewall, 'outside_access_in#5');
    expect(rule.match.map(boxText)).toEqual(['ip any4:0-65535 -> any4:0-65535']);
    expect(rule.match[0]?.sources.equals(AddressSet.anyV4())).toBe(true);
  });

  it('resolves `name` aliases in hosts, masks and groups, and records them as objects', () => {
    const rec01 = networkObjectByName(firewall, 'AUS-REC01');
    expect(rec01?.kind).toBe('name');
    expect(rec01?.description).toBe('Austin recorder (Recorder, Media Manager)');
    expect(rec01?.ref.line).toBe(10);
    expect(ruleWithId(firewall, 'inside_access_in#2').match.map(boxText)).toEqual(['tcp 10.20.1.0-10.20.3.255:1024-65535 -> 10.20.30.11:8443']);
    expect(ruleWithId(firewall, 'inside_access_in#2').referencedObjects).toEqual(['USER-DESKTOPS', 'AUS-REC01']);
    expect(ruleWithId(firewall, 'voice_access_in#2').match.map(boxText)).toEqual(['tcp 10.20.40.0/24:0-65535 -> 10.20.30.21:1050-1065']);
    expect(networkObjectByName(firewall, 'WFOS-BRANCH')?.addresses.toString()).toBe('10.20.30.11-10.20.30.12,10.20.30.21');
  });

  it('places the global list and the interface lists', () => {
    expect(listNamed(firewall, 'global_acl').appliedAt).toEqual([
      { kind: 'global', ref: { file: FILE, line: 147, text: 'access-group global_acl global' } },
    ]);
    expect(listNamed(firewall, 'voice_access_in').appliedAt.map((placement) => placement.interface)).toEqual(['voice']);
    expect(listNamed(firewall, 'vendor_access').appliedAt).toEqual([]);
  });

  it('reads the pre-8.3 service-object form (operator straight after the protocol)', () => {
    expect(ruleWithId(firewall, 'global_acl#1').match.map(boxText)).toEqual([
      'tcp 10.20.1.50:0-65535 -> 10.20.30.11-10.20.30.12,10.20.30.21:22-23',
      'udp 10.20.1.50:0-65535 -> 10.20.30.11-10.20.30.12,10.20.30.21:161',
    ]);
  });

  it('applies a tcp-udp port group to a protocol group and to tcp', () => {
    expect(ruleWithId(firewall, 'inside_access_in#3').match.map(boxText)).toEqual([
      'tcp 10.20.1.0-10.20.3.255:0-65535 -> any4:135-139,445',
      'udp 10.20.1.0-10.20.3.255:0-65535 -> any4:135-139,445',
    ]);
    expect(ruleWithId(firewall, 'global_acl#4').match.map(boxText)).toEqual(['tcp any4:0-65535 -> any4:135-139,445']);
  });

  it('reads neq with a port name and lt on the source port', () => {
    expect(ruleWithId(firewall, 'global_acl#5').match.map(boxText)).toEqual(['tcp any4:0-65535 -> any4:0-79,81-65535']);
    expect(ruleWithId(firewall, 'global_acl#6').match.map(boxText)).toEqual(['udp any4:0-1023 -> any4:0-65535']);
  });

  it('marks rules to a DHCP-addressed interface as unresolved', () => {
    const outside = firewall.interfaces.find((iface) => iface.name === 'outside');
    expect(outside?.dynamicAddress).toBe(true);
    expect(outside?.addresses).toEqual([]);
    const rule = ruleWithId(firewall, 'outside_access_in#1');
    expect(rule.match).toEqual([]);
    expect(rule.mayMatch?.map(boxText)).toEqual(['udp any4:0-65535 -> any:500']);
    expect(rule.unresolved).toEqual([{ kind: 'interface-address', name: 'outside', reason: 'the address of interface outside is not in the file' }]);
  });

  it('reads an absolute time-range', () => {
    expect(ruleWithId(firewall, 'vendor_access#1').notes).toEqual([
      'active only during time-range TR-VENDOR-ACCESS (absolute start 00:00 01 March 2024 end 23:59 31 March 2024)',
    ]);
  });

  it('reads standard lists as destinations and sets webtype and ethertype lists aside', () => {
    expect(listNamed(firewall, 'RA-SPLIT').rules.map((rule) => rule.match.map(boxText))).toEqual([
      ['ip any4:0-65535 -> 10.20.30.0/24:0-65535'],
      ['ip any4:0-65535 -> 10.20.1.50:0-65535'],
    ]);
    expect(firewall.ruleLists.map((list) => list.name)).not.toContain('CLIENTLESS');
    expect(firewall.diagnostics.filter((diagnostic) => diagnostic.line === 123 || diagnostic.line === 124)).toEqual([
      { line: 123, severity: 'info', message: 'access-list CLIENTLESS webtype: clientless VPN filtering, recorded and not evaluated' },
      { line: 124, severity: 'info', message: 'access-list L2-BPDU ethertype: non-IP filtering, recorded and not evaluated' },
    ]);
  });

  it('says dynamic routing is not modelled and permits same-security traffic both ways', () => {
    expect(firewall.diagnostics).toContainEqual({
      line: 149,
      severity: 'info',
      message: 'router ospf 10: dynamic routing is not modelled; only connected subnets and static routes place flows',
    });
    expect(firewall.behaviour.sameSecurityTraffic).toEqual({ interInterface: true, intraInterface: true });
  });

  it('never carries a password, key or community anywhere in the parsed result', () => {
    const everything = JSON.stringify(firewallToJson(firewall));
    for (const secret of ['2KFQnbNIdI', '9jNfZuG3TC5tCVH0', '0spfDigestKey', 'Rad1usSharedKey', 'Br4nchC0mmunity', '8Ry2YjIyt7RRXU24', 'Br4nchTunn3lKey']) {
      expect(everything).not.toContain(secret);
    }
  });
});
