import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditResultSchema, loadSource, runAudit, type AuditResult } from '../../../src-main/core/engine/index';
import { loadSiteFile } from '../../../src-main/core/site/index';
import { findingsFor } from './no-row-deployed';

const demoDir = fileURLToPath(new URL('../../../resources/demo/', import.meta.url));

/** The demo site with its ASA configuration changed: rows 20 and 21 (agents to the web tier) are deployed. */
function demoAuditWith(change: (config: string) => string): AuditResult {
  const demoConfig = readFileSync(join(demoDir, 'configs/dal-dc-fw01.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'over-permissive-'));
  mkdirSync(join(dir, 'configs'));
  const changed = change(demoConfig);
  expect(changed).not.toBe(demoConfig);
  writeFileSync(join(dir, 'configs/dal-dc-fw01.txt'), changed);
  writeFileSync(join(dir, 'site.yaml'), readFileSync(join(demoDir, 'site.yaml'), 'utf8'));
  const site = loadSiteFile(join(dir, 'site.yaml'));
  return auditResultSchema.parse(runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'test' }));
}

describe('over-permissive findings say which services a rule opens', () => {
  it('a rule for every TCP port is not called every service: UDP and the other protocols stay closed', () => {
    const [finding, ...others] = findingsFor(['access-list outside_in extended permit tcp any host 10.10.20.11']);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ kind: 'broad-ports', severity: 'critical' });
    expect(finding!.title).toBe('Every TCP port to or from WFOS servers is open from anywhere, SSH, Telnet, SMB/NetBIOS and 7 more included');
    expect(finding!.detail).toContain('services: every TCP port where the matrix needs none');
  });

  it('every UDP port is said the same way, and only a rule for every protocol is any-service', () => {
    const [udp] = findingsFor(['access-list outside_in extended permit udp any host 10.10.20.11']);
    expect(udp).toMatchObject({ kind: 'broad-ports' });
    expect(udp!.title).toMatch(/^Every UDP port to or from WFOS servers is open from anywhere/);
    const [ip] = findingsFor(['access-list outside_in extended permit ip any host 10.10.20.11']);
    expect(ip).toMatchObject({ kind: 'any-service' });
    expect(ip!.title).toMatch(/^Every service to or from WFOS servers is open from anywhere/);
  });

  it('ICMP is not given ports in the title, the quantities or the severity', () => {
    const [finding, ...others] = findingsFor(['access-list inside_in extended permit icmp 10.30.0.0 255.255.0.0 host 10.10.20.11']);
    expect(others).toEqual([]);
    expect(finding!.kind).toBe('unjustified');
    expect(finding!.title).toBe('Rule opens all ICMP types to or from WFOS servers, which no deployed matrix row needs');
    expect(finding!.detail).toContain('services: all ICMP types where the matrix needs none');
    expect(finding!.detail).not.toMatch(/icmp to [\d,]+ ports|0-65535/);
    // Internal sources and no ports at all: not the "all ports open" severity.
    expect(finding!.severity).toBe('medium');
  });

  it('a rule for TCP ports and ICMP counts the ports of TCP alone', () => {
    const [finding] = findingsFor([
      'object-group service WEB-AND-PING',
      ' service-object tcp destination eq https',
      ' service-object icmp',
      'access-list inside_in extended permit object-group WEB-AND-PING 10.30.0.0 255.255.0.0 host 10.10.20.11',
    ]);
    expect(finding!.detail).toContain('services: tcp to 1 port and all ICMP types where the matrix needs none');
  });
});

describe('a rule narrowed to ICMP types', () => {
  it('is unjustified toward a WFOS server no row needs it for, quantified as its types', () => {
    const [finding, ...others] = findingsFor(['access-list inside_in extended permit icmp 10.30.0.0 255.255.0.0 host 10.10.20.11 echo']);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ kind: 'unjustified', severity: 'medium', rule: { id: 'inside_in#1' } });
    expect(finding!.title).toBe('Rule opens ICMP echo (type 8) to or from WFOS servers, which no deployed matrix row needs');
    expect(finding!.detail).toContain('services: ICMP echo (type 8) where the matrix needs none');
    expect(finding!.detail).toContain('Beyond the matrix it permits: ICMP echo (type 8) from 10.30.0.0/16 to 10.10.20.11.');
    expect(finding!.detail).not.toContain('all ICMP types');
    expect(finding!.remediation).toContain('Remove inside_in#1');
  });

  it('names each type a group allows', () => {
    const [finding] = findingsFor([
      'object-group icmp-type PING',
      ' icmp-object echo',
      ' icmp-object echo-reply',
      'access-list inside_in extended permit icmp 10.30.0.0 255.255.0.0 host 10.10.20.11 object-group PING',
    ]);
    expect(finding!.title).toBe('Rule opens ICMP echo-reply (type 0), echo (type 8) to or from WFOS servers, which no deployed matrix row needs');
  });

  it('in the demo, an echo rule toward the web server is a finding of its own', () => {
    const result = demoAuditWith((config) =>
      config.replace(
        'access-list inside_in extended permit tcp object AGENTS object WFOS-WEB01 object-group WFOS-AGENT-WEB\n',
        'access-list inside_in extended permit tcp object AGENTS object WFOS-WEB01 object-group WFOS-AGENT-WEB\naccess-list inside_in extended permit icmp object AGENTS object WFOS-WEB01 echo\n',
      ),
    );
    const findings = result.findings.filter((finding) => finding.rule?.id === 'inside_in#2');
    expect(findings.map((finding) => finding.kind)).toEqual(['unjustified']);
    expect(findings[0]!.title).toBe('Rule opens ICMP echo (type 8) to or from WFOS servers, which no deployed matrix row needs');
  });

  it('opens nothing under a line for all of ICMP, which takes its traffic first', () => {
    const findings = findingsFor([
      'access-list inside_in extended permit icmp 10.30.0.0 255.255.0.0 host 10.10.20.11',
      'access-list inside_in extended permit icmp 10.30.0.0 255.255.0.0 host 10.10.20.11 echo-reply',
      'access-list inside_in extended permit icmp 10.40.0.0 255.255.0.0 host 10.10.20.11 echo-reply',
    ]);
    expect(findings.map((finding) => finding.rule?.id)).toEqual(['inside_in#1', 'inside_in#3']);
  });

  it('leaves other uncertain rules alone: an FQDN source is not a finding on a guess', () => {
    expect(
      findingsFor([
        'object network PARTNER',
        ' fqdn v4 partner.example.com',
        'access-list outside_in extended permit tcp object PARTNER host 10.10.20.11 eq 22',
        'access-list outside_in extended permit icmp object PARTNER host 10.10.20.11 echo',
      ]),
    ).toEqual([]);
  });
});
