import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSource, runAudit, type AuditResult } from '../../src-main/core/engine/index';
import { loadSiteFile } from '../../src-main/core/site/index';

const demoSite = fileURLToPath(new URL('../../resources/demo/site.yaml', import.meta.url));
let result: AuditResult;

beforeAll(() => {
  const site = loadSiteFile(demoSite);
  result = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
});

const flow = (row: number) => result.flows.find((item) => item.row === row)!;
const findingsOf = (kind: string) => result.findings.filter((finding) => finding.kind === kind);

describe('auditing the demo site', () => {
  it('has one flow per matrix row, in order, and the contract\'s header', () => {
    expect(result).toMatchObject({
      schema: 'wfos-audit/1',
      generatedAt: '2026-11-24T10:00:00Z',
      tool: { name: 'wfos-audit', version: '0.0.0-test' },
      site: { site: 'Dallas DC contact center', customer: 'Acme Corp' },
      matrix: { id: 'wfos-5.2.3', rows: 40 },
    });
    expect(result.flows.map((item) => item.row)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(result.sources[0]).toMatchObject({ name: 'dal-dc-fw01', vendor: 'cisco-asa', file: 'configs/dal-dc-fw01.txt', hostname: 'dal-dc-fw01' });
    expect(result.sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the legacy AES range permitted only by an inactive line', () => {
    const aes = flow(27);
    expect(aes).toMatchObject({ status: 'partial', ports: '450,1050-1065,4721-4722', transport: 'tcp' });
    expect(aes.reason).toBe('1050-1065/tcp from 10.10.20.11 to 10.40.0.10 is only permitted by an inactive line (servers_in#4, line 129) on dal-dc-fw01');
    const path = aes.paths[0]!;
    expect(path).toMatchObject({ firewall: 'dal-dc-fw01', status: 'partial', ingress: 'servers', egress: 'avaya' });
    expect(path.permittedBy).toEqual([{ id: 'servers_in#3', line: 128, text: 'access-list servers_in extended permit tcp object WFOS-APP01 object AES-01 object-group AES-TSAPI' }]);
    expect(path.deniedBy).toEqual([{ id: 'servers_in#9', line: 136, text: 'access-list servers_in extended deny ip any any log' }]);
    expect(path.missing).toEqual([{ sources: '10.10.20.11', destinations: '10.40.0.10', ports: '1050-1065' }]);
  });

  it('blocks SNMP to the NMS (the rule opens the trap port instead) and cuts the media range short', () => {
    expect(flow(25)).toMatchObject({ status: 'blocked' });
    expect(flow(25).paths[0]!.missing).toEqual([{ sources: '10.10.20.12', destinations: '10.50.0.20', ports: '161' }]);
    expect(flow(40)).toMatchObject({ status: 'partial' });
    expect(flow(40).paths[0]!.missing).toEqual([{ sources: '10.20.1.10', destinations: '10.10.20.11', ports: '20001-32766' }]);
  });

  it('allows what the rules permit and what crosses no firewall, and skips roles not deployed', () => {
    for (const row of [20, 21, 23, 26, 37, 38, 39]) expect(flow(row).status, `row ${row}`).toBe('allowed');
    expect(flow(23).paths[0]!.permittedBy.map((ref) => ref.id)).toEqual(['servers_in#1']);
    expect(flow(1)).toMatchObject({ status: 'allowed', reason: 'crosses no audited firewall', paths: [] });
    expect(flow(14)).toMatchObject({ status: 'not-applicable', reason: 'Speech Middleware is not deployed at this site' });
    expect(flow(7).status).toBe('not-applicable');
    expect(result.summary.flows).toEqual({ allowed: 23, partial: 2, blocked: 1, 'not-applicable': 14, unknown: 0 });
  });

  it('reports the gaps with the permits to add before the blocking line', () => {
    const gaps = findingsOf('coverage-gap');
    expect(gaps.map((gap) => gap.rows)).toEqual([[25], [27], [40]]);
    const snmp = gaps[0]!;
    expect(snmp).toMatchObject({ severity: 'high', firewall: 'dal-dc-fw01', rule: { id: 'servers_in#9', line: 136 } });
    expect(snmp.remediation).toContain('permit udp host 10.10.20.12 host 10.50.0.20 eq 161');
  });

  it('flags the over-permissive rules with their exposure', () => {
    const anyAny = findingsOf('any-any');
    expect(anyAny).toHaveLength(1);
    expect(anyAny[0]).toMatchObject({ severity: 'critical', rule: { id: 'inside_in#3', line: 123 } });
    const rdp = result.findings.find((finding) => finding.rule?.id === 'outside_in#1')!;
    expect(rdp).toMatchObject({ kind: 'unjustified', severity: 'critical', title: 'RDP to a WFOS server is open from anywhere' });
    const everything = findingsOf('any-service');
    expect(everything.map((finding) => finding.rule?.id)).toEqual(['inside_in#2']);
    // inside_in#1 above it already permits what rows 20 and 21 need: #2 serves no row.
    expect(everything[0]!.rows).toBeUndefined();
    expect(everything[0]!.remediation).toContain('Remove inside_in#2');
    // And #1 is not called redundant through rules that are themselves to be removed.
    expect(findingsOf('redundant').map((finding) => finding.rule?.id)).not.toContain('inside_in#1');
    const trap = result.findings.find((finding) => finding.rule?.id === 'servers_in#7')!;
    expect(trap.kind).toBe('unjustified');
    expect(result.findings[0]!.id).toBe('F-0001');
    expect(result.findings.map((finding) => finding.severity)).toEqual([...result.findings.map((finding) => finding.severity)].sort((a, b) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(a) - ['critical', 'high', 'medium', 'low', 'info'].indexOf(b)));
  });

  it('reports hygiene: the duplicate SQL rule, the inactive line, the unused object', () => {
    expect(findingsOf('shadowed').map((finding) => finding.rule?.id)).toEqual(['servers_in#2']);
    expect(findingsOf('redundant').map((finding) => finding.rule?.id)).not.toContain('servers_in#1');
    expect(findingsOf('disabled').map((finding) => finding.rule?.id)).toEqual(['servers_in#4']);
    expect(findingsOf('unused-object').map((finding) => finding.rule?.id)).toContain('OLD-QM-SERVER');
  });
});
