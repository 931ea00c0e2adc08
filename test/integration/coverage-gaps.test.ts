import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditResultSchema, loadSource, runAudit, type AuditResult, type Finding } from '../../src-main/core/engine/index';
import { loadSiteFile } from '../../src-main/core/site/index';

const demoDir = fileURLToPath(new URL('../../resources/demo/', import.meta.url));
const demoConfig = readFileSync(join(demoDir, 'configs/dal-dc-fw01.txt'), 'utf8');
const demoSite = readFileSync(join(demoDir, 'site.yaml'), 'utf8');

/** Audits a site written to a fresh directory: the site file and its configs by relative path. */
function auditSite(site: string, files: Record<string, string>): AuditResult {
  const dir = mkdtempSync(join(tmpdir(), 'coverage-gaps-'));
  mkdirSync(join(dir, 'configs'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'site.yaml'), site);
  const loaded = loadSiteFile(join(dir, 'site.yaml'));
  return auditResultSchema.parse(runAudit(loaded, loaded.firewalls.map(loadSource), { toolVersion: 'test', now: new Date('2026-11-24T10:00:00Z') }));
}

const gapsFor = (result: AuditResult, row: number): Finding[] =>
  result.findings.filter((finding) => finding.kind === 'coverage-gap' && finding.rows?.includes(row));

// Windows Defender Firewall export of the recorder host: nothing outbound, RTP not allowed in.
const recorderHostFirewall = `Name,Direction,Source,Destination,Protocol,Port,Action,Enabled
Allow SQL browser,Inbound,Any,10.10.20.11,TCP,1-65535,Allow,Yes
Allow RDP,Inbound,Any,10.10.20.11,TCP,3389,Allow,Yes
Allow CTI,Inbound,10.10.20.0/24,10.10.20.11,TCP,33333-33335,Allow,Yes
Old rule,Inbound,10.30.0.0/16,10.10.20.11,TCP,445,Allow,No
`;

describe('coverage-gap findings', () => {
  describe('a row blocked on a host firewall and partly on the network firewall', () => {
    const result = auditSite(demoSite.replace('firewalls:\n', 'firewalls:\n  - name: rec01-windows\n    file: configs/rec01.csv\n    host: 10.10.20.11\n'), {
      'configs/dal-dc-fw01.txt': demoConfig,
      'configs/rec01.csv': recorderHostFirewall,
    });

    it('gives every partial or blocked row exactly one finding', () => {
      const gapRows = result.flows.filter((flow) => flow.status === 'partial' || flow.status === 'blocked').map((flow) => flow.row);
      const findingRows = result.findings.filter((finding) => finding.kind === 'coverage-gap').flatMap((finding) => finding.rows ?? []);
      expect(findingRows.sort((a, b) => a - b)).toEqual(gapRows);
      expect(gapsFor(result, 27)).toHaveLength(1);
      expect(gapsFor(result, 40)).toHaveLength(1);
    });

    it('titles the finding by the row status and cites the first firewall that does not allow it', () => {
      expect(result.flows[26]!.status).toBe('blocked');
      // dal-dc-fw01 only partly blocks row 27: it is named in the row's finding, not given one titled "blocked".
      expect(gapsFor(result, 27)).toEqual([
        expect.objectContaining({
          severity: 'high',
          firewall: 'rec01-windows',
          rule: expect.objectContaining({ id: 'rec01#implicit' }),
          title: 'Row 27 CTI Adapter → AES Server (450,1050-1065,4721-4722/tcp) is blocked',
        }),
      ]);
      expect(gapsFor(result, 27)[0]!.detail).toContain('Denied on 2 firewalls on its path (rec01-windows, dal-dc-fw01)');
    });

    it('names what is missing on each firewall, with its deciding rule', () => {
      const [gap] = gapsFor(result, 27);
      expect(gap!.detail).toContain('rec01-windows: 450,1050-1065,4721-4722/tcp from 10.10.20.11 to 10.40.0.10');
      expect(gap!.detail).toContain('dal-dc-fw01: 1050-1065/tcp from 10.10.20.11 to 10.40.0.10');
      expect(gap!.detail).toContain('servers_in#9 (line 136)');
    });

    it('gives the remediation for each firewall in its own syntax', () => {
      const [gap] = gapsFor(result, 40);
      expect(gap!.remediation).toContain('On rec01-windows, add to rec01:\npermit udp from 10.20.1.10 to 10.10.20.11 ports 16384-32766');
      expect(gap!.remediation).toContain('On dal-dc-fw01, insert before voice_in#4:\naccess-list voice_in line 6 extended permit udp host 10.20.1.10 host 10.10.20.11 range 20001 32766');
    });
  });

  describe('a row unknown in part and denied for certain in another part', () => {
    const config = `ASA Version 9.16(3)
hostname fw
interface GigabitEthernet0/0
 nameif agents
 security-level 40
 ip address 10.3.0.1 255.255.0.0
interface GigabitEthernet0/1
 nameif servers
 security-level 50
 ip address 10.1.1.1 255.255.255.0
interface GigabitEthernet0/2
 nameif avaya
 security-level 60
 ip address 10.2.2.1 255.255.255.0
time-range EXPIRED
 absolute end 00:00 01 January 2024
object network APACHE-FQDN
 fqdn apache.acme.example
access-list agents_in extended permit tcp 10.3.0.0 255.255.0.0 object APACHE-FQDN eq https
access-list agents_in extended permit tcp 10.3.0.0 255.255.0.0 host 10.1.1.10 eq www time-range EXPIRED
access-group agents_in in interface agents
: end
`;
    const site = `site: fqdn
customer: probe
matrix: wfos-5.2.3
roles:
  Web: 10.1.1.10
  Apache: 10.1.1.10
  Oceana Services: 10.2.2.20
  Browser: 10.3.0.0/16
firewalls:
  - name: fw
    file: configs/fw.txt
`;
    const result = auditSite(site, { 'configs/fw.txt': config });

    it('keeps the row unknown but reports the denied part with its deciding rule', () => {
      expect(result.flows[20]!.status).toBe('unknown');
      const gaps = gapsFor(result, 21);
      expect(gaps).toHaveLength(1);
      const gap = gaps[0]!;
      expect(gap).toMatchObject({ firewall: 'fw', rule: { id: 'agents_in#implicit' } });
      expect(gap.title).toBe('Row 21 Browser → Apache (80,443/tcp) is unknown; part of it is blocked for certain');
      expect(gap.detail).toContain('fw: 80/tcp from 10.3.0.0/16 to 10.1.1.10');
      expect(gap.detail).toContain('443/tcp from 10.3.0.0/16 to 10.1.1.10');
      expect(gap.detail).toContain('apache.acme.example');
      expect(gap.remediation).toContain('access-list agents_in extended permit tcp 10.3.0.0 255.255.0.0 host 10.1.1.10 eq 80');
    });
  });

  describe('a gap decided by the ASA security-level default', () => {
    // The CTI adapter moved onto the Avaya VLAN, whose interface has no access list.
    const result = auditSite(demoSite.replace('CTI Adapter: 10.10.20.11', 'CTI Adapter: 10.40.0.20'), { 'configs/dal-dc-fw01.txt': demoConfig });

    it('writes the access list and access-group for the ingress interface in ASA syntax', () => {
      const [gap] = gapsFor(result, 2);
      expect(gap!.rule).toMatchObject({ id: 'security-level' });
      expect(gap!.remediation).toContain('access-list avaya_in extended permit tcp host 10.40.0.20 host 10.10.20.11 range 33333 33335');
      expect(gap!.remediation).toMatch(/access-group avaya_in in interface avaya$/);
      expect(gap!.remediation).not.toContain('permit tcp from');
    });

    it('warns that the new access list replaces the security-level behaviour for all traffic on that interface', () => {
      const [gap] = gapsFor(result, 2);
      expect(gap!.remediation).toMatch(/replaces the security-level/);
      expect(gap!.remediation).toMatch(/already relie?s? on/);
    });
  });

  it('asks for same-security-traffic when equal security levels are what denies a row', () => {
    const config = demoConfig.replace(' nameif db\n security-level 90', ' nameif db\n security-level 80').replace('same-security-traffic permit inter-interface\n', '');
    const result = auditSite(demoSite, { 'configs/dal-dc-fw01.txt': config });
    const [gap] = gapsFor(result, 23);
    expect(gap!.rule).toMatchObject({ id: 'same-security-traffic' });
    expect(gap!.remediation).toContain('same-security-traffic permit inter-interface');
    expect(gap!.remediation).not.toContain('permit tcp from');
  });
});
