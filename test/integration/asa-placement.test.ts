import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditResultSchema, loadSource, runAudit, type AuditResult } from '../../src-main/core/engine/index';
import { loadSiteFile } from '../../src-main/core/site/index';

/*
 * Which interfaces a flow crosses decides which lists filter it. Each case is a small but
 * complete ASA configuration; the site puts Web and Apache on 10.1.1.10 (servers), Oceana
 * Services on 10.2.2.20 (reached by routes) and the Browsers on 10.3.0.0/16 (agents), so row 12
 * is Web -> Oceana Services on 80,443/tcp and row 21 Browser -> Apache on 80,443/tcp.
 */
const SITE = `site: Placement
customer: Test
roles:
  Web: 10.1.1.10
  Apache: 10.1.1.10
  Oceana Services: 10.2.2.20
  Browser: 10.3.0.0/16
firewalls:
  - name: fw
    file: fw.txt
    vendor: cisco-asa
`;

const INTERFACES = `ASA Version 9.16(3)
hostname fw
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 192.0.2.2 255.255.255.240
interface GigabitEthernet0/1
 nameif servers
 security-level 50
 ip address 10.1.1.1 255.255.255.0
interface GigabitEthernet0/2
 nameif avaya
 security-level 60
 ip address 172.16.0.1 255.255.255.0
interface GigabitEthernet0/3
 nameif agents
 security-level 100
 ip address 10.3.0.1 255.255.0.0
`;

function audit(config: string): AuditResult {
  const dir = mkdtempSync(join(tmpdir(), 'placement-'));
  writeFileSync(join(dir, 'fw.txt'), config);
  writeFileSync(join(dir, 'site.yaml'), SITE);
  const site = loadSiteFile(join(dir, 'site.yaml'));
  return auditResultSchema.parse(runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'test' }));
}

const row = (result: AuditResult, number: number) => result.flows[number - 1]!;
const diagnostics = (result: AuditResult) => result.sources[0]!.diagnostics.map((item) => `${item.line} ${item.severity} ${item.message}`);

describe('routes decide the egress interface as the ASA does', () => {
  const lists = `access-list servers_in extended permit tcp any any
access-group servers_in in interface servers
access-list avaya_out extended permit tcp any any eq https
access-group avaya_out out interface avaya
`;

  it('of two routes to one prefix, the lower administrative distance wins, whatever their order', () => {
    for (const routes of [
      'route outside 10.2.2.0 255.255.255.0 192.0.2.1 254\nroute avaya 10.2.2.0 255.255.255.0 172.16.0.254 1\n',
      'route avaya 10.2.2.0 255.255.255.0 172.16.0.254 1\nroute outside 10.2.2.0 255.255.255.0 192.0.2.1 254\n',
    ]) {
      const web = row(audit(INTERFACES + routes + lists), 12);
      expect(web.status).toBe('partial');
      expect(web.paths[0]).toMatchObject({ ingress: 'servers', egress: 'avaya' });
      expect(web.paths[0]!.missing).toEqual([{ sources: '10.1.1.10', destinations: '10.2.2.20', ports: '80' }]);
    }
  });

  it('a tunneled default route carries only VPN traffic: cleartext follows the plain one', () => {
    const result = audit(`${INTERFACES}route avaya 0.0.0.0 0.0.0.0 172.16.0.254 tunneled\nroute outside 0.0.0.0 0.0.0.0 192.0.2.1 1\n${lists}`);
    expect(row(result, 12).paths[0]).toMatchObject({ egress: 'outside' });
    expect(row(result, 12).status).toBe('allowed');
  });

  it('a route to Null0 discards: the flow is blocked and the route line decides', () => {
    const result = audit(`${INTERFACES}route outside 0.0.0.0 0.0.0.0 192.0.2.1 1\nroute Null0 10.2.0.0 255.255.0.0 1\n${lists}`);
    const web = row(result, 12);
    expect(web.status).toBe('blocked');
    expect(web.paths[0]!.deniedBy).toEqual([
      { id: 'null-route', line: 20, text: 'route Null0 10.2.0.0 255.255.0.0 1', note: 'the route to Null0 that discards traffic to 10.2.2.20' },
    ]);
    expect(diagnostics(result).filter((line) => line.startsWith('20 '))).toEqual([]);
    expect(web.reason).toBe('80,443/tcp from 10.1.1.10 to 10.2.2.20 is denied by the route to Null0 that discards traffic to 10.2.2.20 on fw');
    // No permit gets past it: the route is what the gap's remediation changes.
    const gap = result.findings.find((finding) => finding.kind === 'coverage-gap' && finding.rows?.[0] === 12)!;
    expect(gap.remediation).toMatch(/^Remove or narrow the route to Null0 at line 20:\nno route Null0 10\.2\.0\.0 255\.255\.0\.0 1\nNo permit gets past a route to Null0/);
  });

  it('a gap between two interfaces of one security level, with no list, is remedied with same-security-traffic', () => {
    const result = audit(`${INTERFACES.replace(' nameif avaya\n security-level 60', ' nameif avaya\n security-level 50')}route avaya 10.2.2.0 255.255.255.0 172.16.0.254 1\n`);
    expect(row(result, 12).status).toBe('blocked');
    const gap = result.findings.find((finding) => finding.kind === 'coverage-gap' && finding.rows?.[0] === 12)!;
    expect(gap.remediation).toMatch(/^Allow traffic between interfaces that share a security level:\nsame-security-traffic permit inter-interface\n/);
  });

  it('a route whose gateway is not an address, or that names no interface of the file, is reported at its line', () => {
    const result = audit(`${INTERFACES}route outside 0.0.0.0 0.0.0.0 gateway-router 1\nroute Servers 10.2.2.0 255.255.255.0 10.1.1.254 1\n${lists}`);
    expect(diagnostics(result)).toEqual(
      expect.arrayContaining([
        '19 warning not understood (the gateway "gateway-router" is not an address): route outside 0.0.0.0 0.0.0.0 gateway-router 1',
        '20 warning route to 10.2.2.0/24: no interface has nameif Servers, so the route places no flow',
      ]),
    );
    expect(row(result, 12).status).toBe('unknown');
  });
});

describe('interfaces that carry no through traffic place no flow', () => {
  it('a management-only interface: its subnet is left to the data routes', () => {
    const management = INTERFACES.replace(' nameif avaya', ' management-only\n nameif avaya').replace('172.16.0.1 255.255.255.0', '10.2.2.1 255.255.255.0');
    const routed = audit(`${management}route outside 0.0.0.0 0.0.0.0 192.0.2.1 1\n`);
    expect(row(routed, 12).paths[0]).toMatchObject({ ingress: 'servers', egress: 'outside' });
    const unrouted = audit(management);
    expect(row(unrouted, 12).status).toBe('unknown');
    expect(row(unrouted, 12).reason).toContain('no route to 10.2.2.20');
  });

  it('a subinterface is down with its physical port, and before it has a VLAN', () => {
    const physical = INTERFACES.replace('interface GigabitEthernet0/3\n', 'interface GigabitEthernet0/3\n shutdown\ninterface GigabitEthernet0/3.30\n vlan 30\n');
    const agentsIn = 'access-list agents_in extended permit tcp any any\naccess-group agents_in in interface agents\nroute outside 0.0.0.0 0.0.0.0 192.0.2.1 1\n';
    const parentDown = audit(physical + agentsIn);
    expect(row(parentDown, 21).paths[0]).toMatchObject({ ingress: 'outside', egress: 'servers' });
    expect(row(parentDown, 21).status).toBe('blocked');
    expect(diagnostics(parentDown)).toContain('17 info interface GigabitEthernet0/3.30 (agents) carries no traffic: its physical interface GigabitEthernet0/3 is shut down (line 15)');
    const noVlan = audit(INTERFACES.replace('interface GigabitEthernet0/3\n', 'interface GigabitEthernet0/3.30\n') + agentsIn);
    expect(row(noVlan, 21).status).toBe('blocked');
    expect(diagnostics(noVlan)).toContain('15 info interface GigabitEthernet0/3.30 (agents) carries no traffic: it has no vlan, and a subinterface passes no traffic until it has one');
  });

  it('an interface named without a security-level line takes the ASA default: 100 for inside, 0 for others', () => {
    const result = audit(
      `${INTERFACES.replace(' nameif servers\n security-level 50', ' nameif inside').replace(' nameif outside\n security-level 0', ' nameif outside')}route outside 0.0.0.0 0.0.0.0 192.0.2.1 1\n`,
    );
    expect(row(result, 12).status).toBe('allowed');
    expect(row(result, 12).paths[0]!.permittedBy[0]!.text).toBe('no access list on inside: traffic from security level 100 to 0 is allowed by default');
    expect(diagnostics(result)).toContain("6 info interface GigabitEthernet0/1 (inside) has no security-level line: the ASA's default for that name, 100, is taken");
  });
});

describe('where the ingress interface is not known, only what every interface decides alike is certain', () => {
  const twoLists = `access-list outside_in extended permit tcp any any eq https
access-list inside_in extended permit tcp any any eq www
access-group outside_in in interface outside
access-group inside_in in interface inside
`;

  it('a fragment with two interface lists: each port is unknown where the lists disagree', () => {
    const web = row(audit(twoLists), 12);
    expect(web.status).toBe('unknown');
    expect(web.reason).toContain('entering by outside, 443/tcp permitted, 80/tcp denied; entering by inside, 80/tcp permitted, 443/tcp denied');
  });

  it('a transparent firewall places nothing by its routes: its bridged interfaces share the subnet', () => {
    const transparent = `ASA Version 9.16(3)
firewall transparent
hostname fw
interface GigabitEthernet0/0
 nameif outside
 bridge-group 1
 security-level 0
interface GigabitEthernet0/1
 nameif inside
 bridge-group 1
 security-level 100
interface BVI1
 ip address 10.1.1.2 255.255.255.0
route outside 0.0.0.0 0.0.0.0 10.1.1.1 1
access-list outside_in extended permit tcp any any eq https
access-list inside_in extended deny tcp any any eq www
access-list inside_in extended permit tcp any any
access-group outside_in in interface outside
access-group inside_in in interface inside
`;
    const result = audit(transparent);
    // 80 is denied entering either way, 443 permitted either way: a certain partial.
    expect(row(result, 21).status).toBe('partial');
    expect(row(result, 21).paths[0]!.missing).toEqual([{ sources: '10.3.0.0/16', destinations: '10.1.1.10', ports: '80' }]);

    // Without its list, inside is guarded by security levels towards an interface not known.
    const unlisted = audit(transparent.replace('access-group inside_in in interface inside\n', ''));
    expect(row(unlisted, 21).status).toBe('unknown');
    expect(row(unlisted, 21).reason).toContain('no access list on inside: security levels decide there, and the interface this traffic leaves by is not known');
  });

  it('a host talking to itself crosses no firewall, placed or not', () => {
    const apacheToWeb = row(audit(twoLists), 17);
    expect(apacheToWeb.status).toBe('allowed');
    expect(apacheToWeb.paths).toEqual([]);
  });
});

describe('rules on a recurring time-range: WFOS traffic runs around the clock', () => {
  const ROUTED = `${INTERFACES}route outside 0.0.0.0 0.0.0.0 192.0.2.1 1\ntime-range BUSINESS-HOURS\n periodic weekdays 8:00 to 18:00\n`;

  it('a flow permitted only in business hours is partial, its gap the other hours, with the permit and the hours named', () => {
    const result = audit(`${ROUTED}access-list servers_in extended permit tcp host 10.1.1.10 host 10.2.2.20 range www https time-range BUSINESS-HOURS\naccess-group servers_in in interface servers\n`);
    const web = row(result, 12);
    expect(web.status).toBe('partial');
    expect(web.reason).toBe(
      '80,443/tcp from 10.1.1.10 to 10.2.2.20 is only permitted while BUSINESS-HOURS is in force (servers_in#1, line 22); at other times it is denied by implicit deny at the end of servers_in on fw',
    );
    const gap = result.findings.find((finding) => finding.kind === 'coverage-gap' && finding.rows?.[0] === 12)!;
    expect(gap.detail).toContain('servers_in#1 (line 22) permits part of it only while BUSINESS-HOURS is in force');
  });

  it('a permit always in force behind it keeps the flow allowed at every hour', () => {
    const result = audit(
      `${ROUTED}access-list servers_in extended permit tcp host 10.1.1.10 host 10.2.2.20 range www https time-range BUSINESS-HOURS\naccess-list servers_in extended permit tcp any any\naccess-group servers_in in interface servers\n`,
    );
    expect(row(result, 12).status).toBe('allowed');
  });

  it('a deny in force only at night blocks the flow then: the permit behind it does not cover it', () => {
    const result = audit(
      `${ROUTED.replace('periodic weekdays 8:00 to 18:00', 'periodic daily 22:00 to 23:59')}access-list servers_in extended deny tcp any any eq www time-range BUSINESS-HOURS\naccess-list servers_in extended permit tcp any any\naccess-group servers_in in interface servers\n`,
    );
    const web = row(result, 12);
    expect(web.status).toBe('partial');
    expect(web.paths[0]!.missing).toEqual([{ sources: '10.1.1.10', destinations: '10.2.2.20', ports: '80' }]);
    expect(web.paths[0]!.deniedBy.map((ref) => ref.id)).toEqual(['servers_in#1']);
  });
});

describe('bridge groups in routed mode', () => {
  it('a member interface\'s own list is named where it is applied: the audit places the group\'s hosts behind the BVI', () => {
    const result = audit(`ASA Version 9.16(3)
hostname fw
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 10.2.2.1 255.255.255.0
interface GigabitEthernet0/1
 bridge-group 1
 nameif inside1
 security-level 100
interface BVI1
 nameif inside
 security-level 100
 ip address 10.1.1.1 255.255.255.0
access-list inside1_in extended deny tcp any any eq www
access-list inside1_in extended permit ip any any
access-group inside1_in in interface inside1
`);
    expect(diagnostics(result)).toContain(
      '17 warning access-group inside1_in: inside1 is a member of bridge-group 1, whose hosts the audit places behind interface BVI1; this list is not applied to their flows, so verdicts for them may miss what it denies',
    );
    expect(result.sources[0]!.diagnostics.filter((item) => item.message.startsWith('not understood'))).toEqual([]);
  });
});

describe('the schedules walked are those the week passes through', () => {
  it('a range nested in another is never in force without it: no impossible hour is tried', () => {
    const ranges = 'time-range WORKDAY\n periodic weekdays 7:00 to 19:00\ntime-range CORE\n periodic weekdays 9:00 to 17:00\n';
    const lists = [
      'access-list servers_in extended permit tcp host 10.1.1.10 host 10.2.2.20 range www https time-range WORKDAY',
      'access-list servers_in extended deny tcp host 10.1.1.10 host 10.2.2.20 range www https time-range CORE',
      'access-list servers_in extended permit tcp host 10.1.1.10 host 10.2.2.20 range www https',
      'access-group servers_in in interface servers',
    ].join('\n');
    // In CORE hours WORKDAY holds too and its permit comes first; outside CORE the deny is off.
    const result = audit(`${INTERFACES}route outside 0.0.0.0 0.0.0.0 192.0.2.1 1\n${ranges}${lists}\n`);
    expect(row(result, 12).status).toBe('allowed');
  });

  it('says which range tells the hours that deny from those that permit', () => {
    const ranges = 'time-range WORK\n periodic weekdays 8:00 to 18:00\ntime-range NIGHT\n periodic daily 0:00 to 12:00\ntime-range DAY\n periodic daily 12:00 to 23:59\n';
    const lists = [
      'access-list servers_in extended deny tcp host 10.1.1.10 host 10.2.2.20 eq www time-range WORK',
      'access-list servers_in extended permit tcp host 10.1.1.10 host 10.2.2.20 range www https time-range NIGHT',
      'access-list servers_in extended permit tcp host 10.1.1.10 host 10.2.2.20 range www https time-range DAY',
      'access-group servers_in in interface servers',
    ].join('\n');
    const web = row(audit(`${INTERFACES}route outside 0.0.0.0 0.0.0.0 192.0.2.1 1\n${ranges}${lists}\n`), 12);
    // NIGHT and DAY together hold every minute: 443 passes at every hour, 80 only outside WORK.
    expect(web.status).toBe('partial');
    expect(web.paths[0]!.missing).toEqual([{ sources: '10.1.1.10', destinations: '10.2.2.20', ports: '80' }]);
    expect(web.reason).toBe('80/tcp from 10.1.1.10 to 10.2.2.20 is only permitted outside WORK (servers_in#2, line 27); at other times it is denied by servers_in#1 (line 26) on fw');
  });
});
