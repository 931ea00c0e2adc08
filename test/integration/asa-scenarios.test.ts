import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditResultSchema, loadSource, runAudit, type AuditResult } from '../../src-main/core/engine/index';
import { loadSiteFile } from '../../src-main/core/site/index';

const demoDir = fileURLToPath(new URL('../../resources/demo/', import.meta.url));
const demoConfig = readFileSync(join(demoDir, 'configs/dal-dc-fw01.txt'), 'utf8');
const demoSite = readFileSync(join(demoDir, 'site.yaml'), 'utf8');

/** Audits the demo site with its ASA configuration changed as a customer might have it. */
function auditWith(change: (config: string) => string, siteChange: (site: string) => string = (site) => site): AuditResult {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
  mkdirSync(join(dir, 'configs'));
  const changed = change(demoConfig);
  expect(changed).not.toBe(demoConfig);
  writeFileSync(join(dir, 'configs/dal-dc-fw01.txt'), changed);
  writeFileSync(join(dir, 'site.yaml'), siteChange(demoSite));
  const site = loadSiteFile(join(dir, 'site.yaml'));
  return auditResultSchema.parse(runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'test' }));
}

const flow = (result: AuditResult, row: number) => result.flows[row - 1]!;

describe('ASA behaviour in the verdicts', () => {
  it('an FQDN object makes the verdict unknown, with the reason', () => {
    const result = auditWith((config) => config.replace('object network AES-01\n host 10.40.0.10', 'object network AES-01\n fqdn v4 aes01.acme.example'));
    expect(flow(result, 27).status).toBe('unknown');
    expect(flow(result, 27).reason).toContain('aes01.acme.example');
    expect(result.summary.flows.unknown).toBe(1);
  });

  it('with no access list on an interface, security levels decide', () => {
    const result = auditWith((config) => config.replace('access-group servers_in in interface servers\n', ''));
    // servers (80) to db (90) is upwards: denied. servers to avaya (60): downwards, allowed.
    expect(flow(result, 23).status).toBe('blocked');
    expect(flow(result, 23).paths[0]!.deniedBy[0]).toMatchObject({ id: 'security-level', text: 'no access list on servers: traffic from security level 80 to 90 is denied by default' });
    expect(flow(result, 27).status).toBe('allowed');
    expect(flow(result, 25).status).toBe('allowed');
  });

  it('equal security levels need same-security-traffic permit inter-interface', () => {
    const equalLevels = (config: string) => config.replace(' nameif db\n security-level 90', ' nameif db\n security-level 80');
    const allowed = auditWith(equalLevels);
    expect(flow(allowed, 23).status).toBe('allowed');
    const blocked = auditWith((config) => equalLevels(config).replace('same-security-traffic permit inter-interface\n', ''));
    expect(flow(blocked, 23).status).toBe('blocked');
    expect(flow(blocked, 23).paths[0]!.deniedBy[0]!.text).toContain('same-security-traffic permit inter-interface is not configured');
  });

  it('an outbound list on the egress interface filters after the inbound one', () => {
    const result = auditWith((config) =>
      config.replace(
        'access-group outside_in in interface outside\n',
        'access-group outside_in in interface outside\naccess-group avaya_out out interface avaya\n',
      ).replace('pager lines 24\n', 'access-list avaya_out extended deny tcp any any eq 450\naccess-list avaya_out extended permit ip any any\npager lines 24\n'),
    );
    const aes = flow(result, 27);
    expect(aes.status).toBe('partial');
    expect(aes.paths[0]!.deniedBy.map((ref) => ref.id)).toEqual(expect.arrayContaining(['avaya_out#1', 'servers_in#9']));
    expect(aes.paths[0]!.missing.map((part) => part.ports)).toEqual(['450,1050-1065']);
  });

  it('a global list applies after the interface list', () => {
    const result = auditWith((config) =>
      config
        .replace('access-list servers_in extended deny ip any any log\n', '')
        .replace('access-group outside_in in interface outside\n', 'access-group outside_in in interface outside\naccess-group global_acl global\n')
        .replace('pager lines 24\n', 'access-list global_acl extended permit udp object WFOS-WEB01 object NMS-01 eq snmp\npager lines 24\n'),
    );
    expect(flow(result, 25).status).toBe('allowed');
    expect(flow(result, 25).paths[0]!.permittedBy.map((ref) => ref.id)).toEqual(['global_acl#1']);
    // Built-in behaviour is cited at the line that set it up, with that line as written.
    expect(flow(result, 27).paths[0]!.deniedBy[0]).toEqual({
      id: 'global_acl#implicit',
      line: 168,
      text: 'access-group global_acl global',
      note: 'implicit deny at the end of servers_in then global_acl',
    });
  });

  it('site zones override the configuration\'s topology', () => {
    // Declaring the NMS inside the servers zone means SNMP no longer crosses the firewall.
    const result = auditWith(
      (config) => config.replace('hostname dal-dc-fw01', 'hostname dal-dc-fw01 '),
      (site) => `${site}    zones:\n      servers: [10.10.20.0/24, 10.50.0.20]\n      db: 10.10.30.0/24\n      avaya: 10.40.0.0/24\n      services: 10.50.0.0/24\n      voice: 10.20.0.0/16\n      inside: 10.30.0.0/16\n      outside: 0.0.0.0/0\n`,
    );
    expect(result.sources[0]!.topology).toBe('site zones');
    expect(flow(result, 25)).toMatchObject({ status: 'allowed', paths: [] });
    expect(flow(result, 26).status).toBe('allowed');
    expect(flow(result, 26).paths[0]).toMatchObject({ ingress: 'servers', egress: 'services' });
  });
});

describe('over-permissive findings judge a rule by the traffic that reaches its list', () => {
  const findingsOn = (result: AuditResult, ruleId: string) => result.findings.filter((finding) => finding.rule?.id === ruleId);

  it('a rule on a list no WFOS flow meets serves no row, however well its ports fit one', () => {
    // 443 to the web server is what the agents need, but they come in by inside, never by outside.
    const result = auditWith((config) =>
      config.replace('access-list outside_in extended permit tcp any object WFOS-WEB01 eq 3389', 'access-list outside_in extended permit tcp any object WFOS-WEB01 eq https'),
    );
    const [finding, ...others] = findingsOn(result, 'outside_in#1');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ kind: 'unjustified', severity: 'high' });
    expect(finding!.rows).toBeUndefined();
    expect(finding!.detail).toContain('No deployed matrix row needs it.');
    expect(finding!.detail).toContain('sources: any address where the matrix needs none');
    expect(finding!.remediation).toContain('Remove outside_in#1');
  });

  it('a rule that can never match is reported shadowed, not as opening anything', () => {
    const result = auditWith((config) =>
      config.replace(
        'access-list outside_in extended deny ip any any log',
        'access-list outside_in extended deny ip any any log\naccess-list outside_in extended permit tcp any object WFOS-APP01 eq ssh',
      ),
    );
    expect(findingsOn(result, 'outside_in#3').map((finding) => finding.kind)).toEqual(['shadowed']);
  });

  it('what rules above a permit take first is not counted as what it opens', () => {
    const result = auditWith((config) =>
      config.replace(
        'access-list outside_in extended permit tcp any object WFOS-WEB01 eq 3389',
        'access-list outside_in extended deny tcp any object WFOS-WEB01 eq 3389\naccess-list outside_in extended permit tcp any object WFOS-WEB01 range 22 3389',
      ),
    );
    const [finding] = findingsOn(result, 'outside_in#2');
    expect(finding!.title).toContain('SSH');
    // RDP to the web server is denied by outside_in#1 before this rule sees it.
    expect(`${finding!.title} ${finding!.detail}`).not.toContain('RDP');
  });

  it('the rules suggested in place of a broad one keep the source ports it limited itself to', () => {
    const result = auditWith((config) =>
      config.replace(
        'access-list voice_in extended permit udp object AMG-01 object WFOS-APP01 range 16384 20000',
        'access-list voice_in extended permit udp object AMG-01 range 1024 65535 object WFOS-APP01',
      ),
    );
    const [finding] = findingsOn(result, 'voice_in#3');
    expect(finding).toMatchObject({ kind: 'broad-ports', rows: [40] });
    expect(finding!.remediation).toContain('access-list voice_in line 5 extended permit udp host 10.20.1.10 range 1024 65535 host 10.10.20.11 range 16384 32766');
  });
});

describe('a host firewall filters only the flows of its own addresses', () => {
  it('a row whose sources include the host reaches the host firewall only for the host\'s own traffic', () => {
    // Row 23 (All Components -> SQL Server) runs from 10.10.20.11 and .12; the recorder's own
    // firewall (10.10.20.11) lets its traffic out, and its list has nothing to say about .12's.
    const dir = mkdtempSync(join(tmpdir(), 'scenario-host-'));
    mkdirSync(join(dir, 'configs'));
    writeFileSync(join(dir, 'configs/dal-dc-fw01.txt'), demoConfig);
    writeFileSync(join(dir, 'configs/rec01.csv'), 'Name,Source,Destination,Protocol,Port,Action,Enabled\nOutbound all,10.10.20.11,Any,IP,any,Allow,Yes\n');
    writeFileSync(
      join(dir, 'site.yaml'),
      demoSite.replace('firewalls:\n', 'firewalls:\n  - name: rec01-windows\n    file: configs/rec01.csv\n    host: 10.10.20.11\n'),
    );
    const site = loadSiteFile(join(dir, 'site.yaml'));
    const result = auditResultSchema.parse(runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'test' }));
    const sql = flow(result, 23);
    expect(sql.status).toBe('allowed');
    const onHost = sql.paths.find((path) => path.firewall === 'rec01-windows')!;
    expect(onHost.status).toBe('allowed');
    expect(onHost.permittedBy.map((ref) => ref.id)).toEqual(['rec01#1']);
    // Apache to Web is the web server talking to itself: no firewall sees it.
    expect(flow(result, 17)).toMatchObject({ status: 'allowed', paths: [] });
  });

  it('a host firewall export\'s Direction column: inbound rules filter what reaches the host, outbound what leaves it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-host-'));
    mkdirSync(join(dir, 'configs'));
    writeFileSync(join(dir, 'configs/dal-dc-fw01.txt'), demoConfig);
    writeFileSync(
      join(dir, 'configs/web01.csv'),
      'Name,Direction,Source,Destination,Protocol,Port,Action,Enabled\nBlock all out,Outbound,Any,Any,IP,any,Block,Yes\nAllow all in,Inbound,Any,10.10.20.12,TCP,1-65535,Allow,Yes\nSideways,Forward,Any,Any,UDP,53,Allow,Yes\n',
    );
    writeFileSync(join(dir, 'site.yaml'), demoSite.replace('firewalls:\n', 'firewalls:\n  - name: web01-windows\n    file: configs/web01.csv\n    host: 10.10.20.12\n'));
    const site = loadSiteFile(join(dir, 'site.yaml'));
    const result = auditResultSchema.parse(runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'test' }));
    // Row 20 (Browser -> Web) reaches the host: the inbound allow decides, the outbound block does not see it.
    const onHost = (row: number) => flow(result, row).paths.find((path) => path.firewall === 'web01-windows')!;
    expect(onHost(20)).toMatchObject({ status: 'allowed', permittedBy: [{ id: 'web01#2' }] });
    // Row 25 (SysAdmin on .12 -> NMS) leaves the host: the outbound block decides.
    expect(onHost(25)).toMatchObject({ status: 'blocked', deniedBy: [{ id: 'web01#1' }] });
    const hostSource = result.sources.find((source) => source.name === 'web01-windows')!;
    expect(hostSource.diagnostics.map((item) => item.message)).toContainEqual(expect.stringContaining('"Forward" is not a direction (inbound or outbound): the rule is taken to apply both ways'));
  });

  it('a host\'s own firewall does not see the host talking to itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-host-'));
    mkdirSync(join(dir, 'configs'));
    writeFileSync(join(dir, 'configs/dal-dc-fw01.txt'), demoConfig);
    writeFileSync(join(dir, 'configs/web01.csv'), 'Name,Source,Destination,Protocol,Port,Action,Enabled\nBlock all,Any,Any,IP,any,Deny,Yes\n');
    writeFileSync(join(dir, 'site.yaml'), demoSite.replace('firewalls:\n', 'firewalls:\n  - name: web01-windows\n    file: configs/web01.csv\n    host: 10.10.20.12\n'));
    const site = loadSiteFile(join(dir, 'site.yaml'));
    const result = auditResultSchema.parse(runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'test' }));
    // Row 17 is Apache -> Web, both on 10.10.20.12; row 24 runs from both servers to the web server.
    expect(flow(result, 17)).toMatchObject({ status: 'allowed', paths: [] });
    const toWeb = flow(result, 24).paths.find((path) => path.firewall === 'web01-windows')!;
    expect(toWeb.missing.map((part) => part.sources)).toEqual(['10.10.20.11']);
  });
});
