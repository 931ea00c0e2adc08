import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSource, runAudit, type AuditResult } from '../../src-main/core/engine/index';
import { loadSiteFile } from '../../src-main/core/site/index';
import { fixturePath } from '../unit/spreadsheet/helpers';
import { HANDMADE_ZONES } from '../fixtures/spreadsheets/handmade';

/** The demo site's roles, audited against the customer's hand-made rule workbook. */
const ROLES = `roles:
  Recorder: 10.10.20.11
  Media Manager: 10.10.20.11
  CTI Adapter: 10.10.20.11
  SIP Adapter: 10.10.20.11
  Avaya Adapter (DMCC): 10.10.20.11
  Unified Messaging: 10.10.20.11
  Web: 10.10.20.12
  Apache: 10.10.20.12
  SysAdmin: 10.10.20.12
  Oceana Adapter: 10.10.20.12
  SQL Server: 10.10.30.15
  Browser: 10.30.0.0/16
  Screen Capture App: 10.30.0.0/16
  AES Server: 10.40.0.10
  WebLM Server: 10.40.0.30
  Oceana Services: 10.40.0.50
  NMS Server: 10.50.0.20
  Email Server: 10.50.0.25
  SBC/IPOffice: 10.20.1.20
  Avaya Media Gateway: 10.20.1.10
`;

const zones = Object.entries(HANDMADE_ZONES).map(([name, cidr]) => `      ${name}: ${cidr}`).join('\n');

function audit(siteText: string, files: Record<string, string> = {}): AuditResult {
  const dir = mkdtempSync(join(tmpdir(), 'wfos-sheet-site-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'site.yaml'), siteText);
  const site = loadSiteFile(join(dir, 'site.yaml'));
  return runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
}

const handmadeSite = (matrix = 'wfos-5.2.3') => `site: Dallas DC contact center
customer: Acme Corp
matrix: ${matrix}
${ROLES}firewalls:
  - name: dal-dc-rules
    file: ${fixturePath('handmade-rules.xlsx')}
    zones:
${zones}
`;

describe('auditing a site whose firewall is a rule spreadsheet', () => {
  let result: AuditResult;
  beforeAll(() => {
    result = audit(handmadeSite());
  });
  const flow = (row: number) => result.flows.find((item) => item.row === row)!;

  it('places flows by the site\'s zones and names the source as a rule export', () => {
    expect(result.sources[0]).toMatchObject({ name: 'dal-dc-rules', vendor: 'spreadsheet', rules: 14, topology: 'site zones' });
    expect(result.sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.sources[0]!.diagnostics).toContainEqual({ line: 16, severity: 'error', message: '\'Firewall Rules\'!G16: "52233-" is not a port or range' });
    expect(result.summary.flows).toEqual({ allowed: 20, partial: 0, blocked: 2, 'not-applicable': 14, unknown: 4 });
  });

  it('allows what the rows permit, citing sheet and row, with the zones crossed', () => {
    expect(flow(27)).toMatchObject({ status: 'allowed', reason: 'permitted by dal-dc-rules Firewall Rules#1 (Firewall Rules row 6)' });
    expect(flow(27).paths[0]).toMatchObject({ ingress: 'servers', egress: 'avaya', permittedBy: [{ id: 'Firewall Rules#1', sheet: 'Firewall Rules', row: 6 }] });
    expect(flow(20).paths[0]!.permittedBy.map((ref) => ref.row)).toEqual([7, 8]);
    expect(flow(23)).toMatchObject({ status: 'allowed', paths: [{ ingress: 'servers', egress: 'db', permittedBy: [{ sheet: 'Firewall Rules', row: 17 }] }] });
    expect(flow(40).paths[0]!.permittedBy).toEqual([expect.objectContaining({ row: 10 })]);
    expect(flow(1)).toMatchObject({ status: 'allowed', reason: 'crosses no audited firewall' });
  });

  it('blocks what a deny row or the implicit deny takes', () => {
    expect(flow(25)).toMatchObject({ status: 'blocked', reason: '161/udp from 10.10.20.12 to 10.50.0.20 is denied by Firewall Rules#8 (Firewall Rules row 14) on dal-dc-rules' });
    expect(flow(39)).toMatchObject({ status: 'blocked' });
    expect(flow(39).paths[0]!.deniedBy).toEqual([{ id: 'Firewall Rules#implicit', text: 'implicit deny at the end of Firewall Rules' }]);
  });

  it('answers unknown where an FQDN or an unreadable row decides, never guessing', () => {
    for (const row of [10, 11, 12]) expect(flow(row).status, `row ${row}`).toBe('unknown');
    expect(flow(12).reason).toContain('oceana.acme.example is an FQDN');
    expect(flow(37).status).toBe('unknown');
    expect(flow(37).reason).toContain('"52233-" is not a port or range');
  });

  it('points findings at the sheet and row to change', () => {
    const gap = result.findings.find((finding) => finding.kind === 'coverage-gap' && finding.rows?.[0] === 25)!;
    expect(gap).toMatchObject({ severity: 'high', rule: { id: 'Firewall Rules#8', sheet: 'Firewall Rules', row: 14 } });
    expect(gap.remediation).toBe('Insert before Firewall Rules#8:\npermit udp from 10.10.20.12 to 10.50.0.20 ports 161');
    const anyService = result.findings.find((finding) => finding.kind === 'any-service')!;
    expect(anyService.rule).toMatchObject({ id: 'Firewall Rules#14', sheet: 'Firewall Rules', row: 20 });
    expect(result.findings.find((finding) => finding.kind === 'disabled')!.rule).toMatchObject({ sheet: 'Firewall Rules', row: 15 });
    expect(result.findings.find((finding) => finding.kind === 'unused-object' && finding.rule?.id === 'Unused-Host')!.rule).toMatchObject({ sheet: 'Objects', row: 10 });
  });

  it('gives the same verdicts when the site names the matrix as the vendor\'s spreadsheet', () => {
    const fromTable = audit(handmadeSite(fixturePath('wfos-matrix.xlsx')));
    expect(fromTable.matrix).toMatchObject({ title: 'Table 1. Ports for WFOS 5.2.3', rows: 40 });
    expect(fromTable.flows.map((item) => [item.row, item.status])).toEqual(result.flows.map((item) => [item.row, item.status]));
  });
});

/** A branch with the CTI link to the AES (row 27) and one rule CSV; `more` is the rest of its entry. */
const branchSite = (more: string) => `site: Branch
customer: Acme Corp
roles:
  CTI Adapter: 10.10.20.11
  AES Server: 10.40.0.10
firewalls:
  - name: branch-rules
    file: branch.csv
${more}`;

describe('a rule CSV read with the site file\'s columns:', () => {
  it('audits a sheet only the mapping explains, and warns of zones the site does not define', () => {
    const result = audit(
      branchSite(`    columns:
      source: Src Net
      destination: Dst Net
      service: Svc
      sourceZone: Ingress
      destinationZone: Egress
    zones:
      servers: 10.10.20.0/24
      avaya: 10.40.0.0/24
`),
      {
        'branch.csv': 'Ingress,Egress,Src Net,Dst Net,Svc,Verdict\nservers,avaya,10.10.20.11,10.40.0.10,"tcp/450, tcp/1050-1065, tcp/4721-4722",allow\ndmz,avaya,any,10.40.0.10,any,allow\n',
      },
    );
    const aes = result.flows.find((item) => item.row === 27)!;
    expect(aes).toMatchObject({ status: 'allowed', paths: [{ permittedBy: [{ id: 'branch#1', sheet: 'branch', row: 2 }] }] });
    expect(result.sources[0]!.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: 'zone "dmz" (first used on row 3) is not one of the site\'s zones for branch-rules (servers, avaya): rules written for it never apply' }),
    );
  });
});

describe('a rule export written for zones, with no zones: in the site file', () => {
  const site = branchSite;
  const csv = (firstRule: string) => `From,To,Source,Destination,Service,Action\n${firstRule}\nservers,avaya,10.10.20.11,10.40.0.10,"tcp/450, tcp/1050-1065, tcp/4721-4722",allow\n`;
  const aesRow = (result: AuditResult) => result.flows.find((item) => item.row === 27)!;

  it('answers unknown, naming the zones and what to add, instead of taking any zone\'s rule to apply', () => {
    // The first rule is for traffic from the DMZ; whether the CTI Adapter's flow comes from there is not known.
    const result = audit(site(''), { 'branch.csv': csv('dmz,avaya,any,10.40.0.0/24,any,deny') });
    expect(aesRow(result)).toMatchObject({ status: 'unknown' });
    expect(aesRow(result).reason).toContain('branch#1 (branch row 2): the rule is written for zones (from dmz to avaya)');
    expect(aesRow(result).reason).toContain('give the site file zones: for this firewall');
    expect(result.sources[0]).toMatchObject({ topology: 'none' });
    expect(result.sources[0]!.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('rules of branch-rules are written for zones (dmz, avaya, servers) and the site file gives branch-rules no zones:') }),
    );
  });

  it('still decides exactly what a rule naming no zone takes', () => {
    const allowed = audit(site(''), { 'branch.csv': csv('any,any,10.10.20.11,10.40.0.10,any,allow') });
    expect(aesRow(allowed)).toMatchObject({ status: 'allowed', paths: [{ permittedBy: [expect.objectContaining({ id: 'branch#1' })] }] });
    // Port 450 is denied for certain; the other ports meet the zoned rule and stay unknown.
    const mixed = audit(site(''), { 'branch.csv': csv('any,any,10.10.20.11,10.40.0.10,tcp/450,deny') });
    expect(aesRow(mixed)).toMatchObject({ status: 'unknown', paths: [{ deniedBy: [expect.objectContaining({ id: 'branch#1' })] }] });
    expect(aesRow(mixed).reason).toContain('branch#2 (branch row 3): the rule is written for zones (from servers to avaya)');
  });

  it('decides the same rules exactly once the site maps the zones', () => {
    const zones = '    zones:\n      servers: 10.10.20.0/24\n      avaya: 10.40.0.0/24\n      dmz: 192.0.2.0/24\n';
    const result = audit(site(zones), { 'branch.csv': csv('dmz,avaya,any,10.40.0.0/24,any,deny') });
    expect(aesRow(result)).toMatchObject({ status: 'allowed', paths: [{ ingress: 'servers', egress: 'avaya', permittedBy: [expect.objectContaining({ id: 'branch#2' })] }] });
    expect(result.sources[0]!.diagnostics.some((item) => item.message.includes('no zones:'))).toBe(false);
  });
});
