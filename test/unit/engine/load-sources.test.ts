import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_SCHEMA } from '../../../src-main/core/collect/evidence';
import { loadSource, SourceError } from '../../../src-main/core/engine/index';
import { zoneWarnings } from '../../../src-main/core/engine/zone-warnings';
import { AddressSet } from '../../../src-main/core/net/index';

const demoConfig = fileURLToPath(new URL('../../../resources/demo/configs/dal-dc-fw01.txt', import.meta.url));

function pulledCopy(evidence: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pulled-')), 'edge.txt');
  copyFileSync(demoConfig, file);
  writeFileSync(`${file}.evidence.json`, JSON.stringify({ schema: EVIDENCE_SCHEMA, ...evidence }));
  return file;
}

describe('loading a pulled configuration', () => {
  it('refuses one whose pull did not finish, saying why', () => {
    const file = pulledCopy({ complete: false, incompleteReason: 'the connection closed before ": end"' });
    expect(() => loadSource({ name: 'edge', line: 1, file })).toThrow(SourceError);
    expect(() => loadSource({ name: 'edge', line: 1, file })).toThrow(/the pull that saved it did not finish \(the connection closed before ": end"\)/);
  });

  it('reads one whose pull finished', () => {
    const file = pulledCopy({ complete: true });
    expect(loadSource({ name: 'edge', line: 1, file }).firewall.hostname).toBe('dal-dc-fw01');
  });

  const capture = () => ({
    complete: true,
    target: { host: '10.50.0.1', port: 22, username: 'audit', vendor: 'cisco-asa' },
    hostKey: { keyType: 'ssh-ed25519', fingerprint: 'SHA256:abc', trust: 'known', knownHostsFile: '/k' },
    finishedAt: '2026-11-24T09:59:00.000Z',
    configuration: { sha256: createHash('sha256').update(readFileSync(demoConfig)).digest('hex'), bytes: 1, lines: 1 },
  });

  it('says where a complete capture came from, as its evidence records it', () => {
    const file = pulledCopy(capture());
    const loaded = loadSource({ name: 'edge', line: 1, file });
    expect(loaded.pulled).toEqual({ host: '10.50.0.1', port: 22, username: 'audit', hostKey: 'ssh-ed25519 SHA256:abc', hostKeyTrust: 'known', capturedAt: '2026-11-24T09:59:00.000Z' });
    expect(loaded.firewall.diagnostics.filter((item) => item.message.includes('pull'))).toEqual([]);
  });

  it('does not call a file pulled once it was changed after the pull, and warns', () => {
    const file = pulledCopy(capture());
    appendFileSync(file, 'access-list added_later extended permit ip any any\n');
    const loaded = loadSource({ name: 'edge', line: 1, file });
    expect(loaded.pulled).toBeUndefined();
    expect(loaded.firewall.diagnostics).toContainEqual({
      line: 0,
      severity: 'warning',
      message: 'this is not the configuration the pull saved: its SHA-256 differs from the one in edge.txt.evidence.json, so it was changed after it was pulled',
    });
  });

  it('says so when the evidence beside it is not pull evidence', () => {
    const file = pulledCopy({});
    writeFileSync(`${file}.evidence.json`, '{"schema":"something else"}');
    expect(() => loadSource({ name: 'edge', line: 1, file })).toThrow(/its pull evidence cannot be read/);
  });
});

describe('site zones on a configuration with interfaces', () => {
  it('warns about a zone named after no interface, and points at one that differs only in case', () => {
    const zone = (name: string, cidr: string) => ({ name, addresses: AddressSet.parse(cidr), line: 1 });
    const entry = { name: 'dal', line: 1, file: demoConfig, zones: [zone('inside', '10.30.0.0/16'), zone('Servers', '10.10.20.0/24'), zone('dmz', '192.0.2.0/24')] };
    const { firewall } = loadSource(entry);
    const warnings = zoneWarnings(firewall, entry, 'site zones');
    const interfaces = 'outside, inside, servers, db, voice, avaya, services, management';
    expect(warnings).toEqual([
      {
        line: 0,
        severity: 'warning',
        message: `the site's zone "Servers" for dal is not an interface of this configuration (${interfaces}); did you mean "servers"? Names are compared as written: flows placed there meet no interface access list and no security level`,
      },
      {
        line: 0,
        severity: 'warning',
        message: `the site's zone "dmz" for dal is not an interface of this configuration (${interfaces}): flows placed there meet no interface access list and no security level`,
      },
    ]);
  });
});
