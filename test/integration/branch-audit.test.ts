import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditResultSchema, loadSource, runAudit, type AuditResult } from '../../src-main/core/engine/index';
import { loadSiteFile } from '../../src-main/core/site/index';

const siteFile = fileURLToPath(new URL('../fixtures/sites/aus-branch.yaml', import.meta.url));
const config = fileURLToPath(new URL('../fixtures/asa/aus-rec-fw02.txt', import.meta.url));

function audit(path: string, now = new Date('2026-11-25T09:00:00Z')): AuditResult {
  const site = loadSiteFile(path);
  return auditResultSchema.parse(runAudit(site, site.firewalls.map(loadSource), { toolVersion: 'test', now }));
}

describe('a branch ASA 8.4 with a DHCP uplink, names and a global list', () => {
  const result = audit(siteFile);
  const flow = (row: number) => result.flows[row - 1]!;

  it('says unknown, with the reason, where the configuration has no route to the data center', () => {
    expect(flow(30)).toMatchObject({ status: 'unknown' });
    expect(flow(30).reason).toContain('no route to 10.10.20.11 in the configuration');
    expect(flow(21).status).toBe('unknown');
  });

  it('applies the global list to an interface without its own list', () => {
    // recorders (no list of its own) to voice: global_acl decides, and its "deny tcp any any neq www" blocks AES.
    expect(flow(27)).toMatchObject({ status: 'blocked' });
    expect(flow(27).paths[0]).toMatchObject({ ingress: 'recorders', egress: 'voice', deniedBy: [{ id: 'global_acl#5', line: 119 }] });
  });

  it('permits media from the voice VLAN through the interface list', () => {
    expect(flow(40)).toMatchObject({ status: 'allowed' });
    expect(flow(40).paths[0]!.permittedBy).toEqual([expect.objectContaining({ id: 'voice_access_in#1', line: 109 })]);
  });

  it('reports the vendor access whose time-range ended, and not while it was still open', () => {
    const expired = result.findings.filter((finding) => finding.kind === 'expired');
    expect(expired).toEqual([
      expect.objectContaining({ severity: 'low', rule: expect.objectContaining({ id: 'vendor_access#1', line: 113 }), title: 'vendor_access#1 expired with time-range TR-VENDOR-ACCESS on 2024-03-31' }),
    ]);
    const inMarch = audit(siteFile, new Date('2024-03-10T09:00:00Z'));
    expect(inMarch.findings.filter((finding) => finding.kind === 'expired')).toEqual([]);
  });

  it('places the data center once the site says where it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'branch-'));
    const zones = `    zones:\n      inside: [10.20.1.0/24, 10.20.2.0/23]\n      recorders: 10.20.30.0/24\n      voice: 10.20.40.0/24\n      outside: 0.0.0.0/0\n`;
    writeFileSync(join(dir, 'site.yaml'), readFileSync(siteFile, 'utf8').replace('file: ../asa/aus-rec-fw02.txt', `file: ${config}`) + zones);
    const placed = audit(join(dir, 'site.yaml'));
    expect(placed.summary.flows.unknown).toBe(0);
    // Desktops reach the DC web tier through "permit ip USER-DESKTOPS any".
    expect(placed.flows[20]).toMatchObject({ status: 'allowed' });
    // Recorders (same security level as inside, no list) to the DC: global_acl permits only 443 and 33000-34999 there.
    expect(placed.flows[29]).toMatchObject({ status: 'allowed' });
    expect(placed.flows[29]!.paths[0]!.permittedBy[0]).toMatchObject({ id: 'global_acl#3' });
    // The central Media Manager is a Media Manager too: its live-stream requests from the DC are denied at outside.
    expect(placed.flows[3]).toMatchObject({ status: 'partial' });
    expect(placed.flows[3]!.paths[0]!.missing).toEqual([{ sources: '10.10.20.11', destinations: '10.20.30.11-10.20.30.12', ports: '4444-4446' }]);
    expect(placed.flows[3]!.paths[0]!.deniedBy[0]).toMatchObject({ id: 'outside_access_in#5', line: 102 });
  });
});
