import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AddressSet, PortSet } from '../../../src-main/core/net/index';
import { addressesOfRole, isRoleDeployed, loadSiteFile, SiteError } from '../../../src-main/core/site/index';

/** Writes a site file (and the configs it names) into a fresh folder and returns its path. */
function siteFile(text: string, files: string[] = ['configs/dal-dc-fw01.txt']): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-'));
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), '! config\n');
  }
  const path = join(dir, 'site.yaml');
  writeFileSync(path, text);
  return path;
}

const contractExample = `site: Dallas DC contact center
customer: Acme Corp
matrix: wfos-5.2.3
roles:
  Recorder: 10.10.20.11
  Media Manager: [10.10.20.11]
  Browser: 10.30.0.0/16
  Screen Capture App: 10.30.0.10-10.30.0.99
  Nuance Transcription Engine: 2001:db8::50
firewalls:
  - name: dal-dc-fw01
    file: configs/dal-dc-fw01.txt
  - name: rec01-windows
    file: configs/rec01-fw.json
    host: 10.10.20.11
  - name: edge
    ssh: { host: 10.50.0.1, port: 22, vendor: cisco-asa, username: audit }
  - name: dc-rules
    file: exports/dc-rules.xlsx
    zones:
      servers: 10.10.20.0/24
      agents: 10.30.0.0/16
      untrust: 0.0.0.0/0
`;

function loadError(text: string, files?: string[]): SiteError {
  const path = siteFile(text, files);
  try {
    loadSiteFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteError);
    const siteError = error as SiteError;
    expect(siteError.message.startsWith(`${path}:`)).toBe(true);
    return siteError;
  }
  throw new Error('the site loaded but should not have');
}

const minimal = (roles: string, extra = '') => `site: S\ncustomer: C\nroles:\n${roles}\n${extra}`;

describe('loading a site file', () => {
  it('reads the contract\'s example', () => {
    const site = loadSiteFile(siteFile(contractExample, ['configs/dal-dc-fw01.txt', 'configs/rec01-fw.json', 'exports/dc-rules.xlsx']));
    expect(site).toMatchObject({ site: 'Dallas DC contact center', customer: 'Acme Corp' });
    expect(site.matrix.id).toBe('wfos-5.2.3');
    expect([...site.roles.keys()]).toEqual(['Recorder', 'Media Manager', 'Browser', 'Screen Capture App', 'Nuance Transcription Engine']);
    expect(site.roles.get('Screen Capture App')!.addresses.toString()).toBe('10.30.0.10-10.30.0.99');
    expect(site.roles.get('Nuance Transcription Engine')!.addresses.contains('2001:db8::50')).toBe(true);
    expect(site.roles.get('Browser')!.line).toBe(7);
    expect(site.ephemeralPorts.equals(PortSet.of(1024, 65535))).toBe(true);
    expect(site.firewalls.map((firewall) => firewall.name)).toEqual(['dal-dc-fw01', 'rec01-windows', 'edge', 'dc-rules']);
    expect(site.firewalls[0]!.file).toMatch(/configs\/dal-dc-fw01\.txt$/);
    expect(site.firewalls[1]!.host!.equals(AddressSet.parse('10.10.20.11'))).toBe(true);
    expect(site.firewalls[2]!.ssh).toEqual({ host: '10.50.0.1', port: 22, vendor: 'cisco-asa', username: 'audit' });
    expect(site.firewalls[2]!.vendor).toBe('cisco-asa');
    expect(site.firewalls[3]!.zones!.map((zone) => [zone.name, zone.addresses.toString(), zone.line])).toEqual([
      ['servers', '10.10.20.0/24', 21],
      ['agents', '10.30.0.0/16', 22],
      ['untrust', 'any4', 23],
    ]);
  });

  it('matches roles through case, spaces and aliases, and honours ephemeralPorts', () => {
    const site = loadSiteFile(siteFile(minimal('  mediamanager: 10.0.0.1\n  Unified messaging: 10.0.0.2\n  IPOffice/SBCE: 10.0.0.3', 'ephemeralPorts: 49152-65535\n')));
    expect([...site.roles.keys()]).toEqual(['Media Manager', 'Unified Messaging', 'SBC/IPOffice']);
    expect(site.roles.get('Media Manager')!.writtenAs).toBe('mediamanager');
    expect(site.ephemeralPorts.toString()).toBe('49152-65535');
  });

  it('expands All Components and variants into addresses', () => {
    const site = loadSiteFile(siteFile(minimal('  Primary Recorder: 10.0.0.1\n  Secondary Recorder: 10.0.0.2\n  Web: 10.0.1.5\n  SQL Server: 10.0.2.9')));
    expect(addressesOfRole(site, 'Recorder').toString()).toBe('10.0.0.1-10.0.0.2');
    expect(addressesOfRole(site, 'All Components').toString()).toBe('10.0.0.1-10.0.0.2,10.0.1.5');
    expect(addressesOfRole(site, 'All Components').contains('10.0.2.9')).toBe(false);
    expect(isRoleDeployed(site, 'AES Server')).toBe(false);
    expect(isRoleDeployed(site, 'Recorder')).toBe(true);
  });
});

describe('site file errors say file, line and key', () => {
  it('an unknown role', () => {
    const error = loadError(minimal('  Recorder: 10.0.0.1\n  Mainframe: 10.0.0.2'));
    expect(error).toMatchObject({ line: 5, key: 'roles.Mainframe' });
    expect(error.problem).toBe('"Mainframe" is not a role of the Avaya WFOS 5.2.3 port matrix');
  });

  it('an address that does not parse, at the line of the list item', () => {
    const error = loadError(minimal('  Recorder:\n    - 10.0.0.1\n    - 10.0.0.300'));
    expect(error).toMatchObject({ line: 6, key: 'roles.Recorder[1]' });
    expect(error.problem).toContain('10.0.0.300');
  });

  it('All Components listed by the site', () => {
    expect(loadError(minimal('  All Components: 10.0.0.0/24')).problem).toContain('every deployed WFOS server component');
  });

  it('one role given twice under two spellings', () => {
    const error = loadError(minimal('  MediaManager: 10.0.0.1\n  Media Manager: 10.0.0.2'));
    expect(error).toMatchObject({ line: 5, key: 'roles.Media Manager' });
    expect(error.problem).toContain('already given as "MediaManager" on line 4');
  });

  it('a misspelt key', () => {
    const error = loadError(minimal('  Recorder: 10.0.0.1', 'firewals: []\n'));
    expect(error).toMatchObject({ line: 5, key: 'firewals' });
    expect(error.problem).toMatch(/^unknown key/);
  });

  it('a missing required key', () => {
    expect(loadError('site: S\nroles: {}\n')).toMatchObject({ key: 'customer' });
  });

  it('a firewall with both file and ssh, or neither', () => {
    const both = loadError(minimal('  Recorder: 10.0.0.1', 'firewalls:\n  - name: a\n    file: configs/dal-dc-fw01.txt\n    ssh: { host: 10.0.0.9 }\n'));
    expect(both).toMatchObject({ line: 6, key: 'firewalls[0]' });
    expect(both.problem).toContain('either file:');
  });

  it('a config file that does not exist', () => {
    const error = loadError(minimal('  Recorder: 10.0.0.1', 'firewalls:\n  - name: a\n    file: configs/missing.txt\n'));
    expect(error).toMatchObject({ line: 7, key: 'firewalls[0].file' });
    expect(error.problem).toContain('configs/missing.txt does not exist');
  });

  it('two firewalls with one name', () => {
    const error = loadError(minimal('  Recorder: 10.0.0.1', 'firewalls:\n  - name: fw\n    file: configs/dal-dc-fw01.txt\n  - name: FW\n    file: configs/dal-dc-fw01.txt\n'));
    expect(error).toMatchObject({ line: 8, key: 'firewalls[1].name' });
  });

  it('a bad zone subnet', () => {
    const error = loadError(minimal('  Recorder: 10.0.0.1', 'firewalls:\n  - name: fw\n    file: configs/dal-dc-fw01.txt\n    zones:\n      servers: 10.10.20.0/33\n'));
    expect(error).toMatchObject({ line: 9, key: 'firewalls[0].zones.servers' });
  });

  it('YAML syntax and duplicate keys', () => {
    const syntax = loadError('site: S\ncustomer: C\nroles:\n  Recorder: [10.0.0.1\n');
    expect(syntax).toMatchObject({ key: '' });
    expect(syntax.problem).toMatch(/^not valid YAML/);
    const duplicate = loadError('site: S\ncustomer: C\ncustomer: D\nroles: {}\n');
    expect(duplicate.line).toBe(3);
  });

  it('bad ephemeral ports, an unknown matrix, a role both deployed and not', () => {
    expect(loadError(minimal('  Recorder: 10.0.0.1', 'ephemeralPorts: 4435-\n'))).toMatchObject({ key: 'ephemeralPorts' });
    expect(loadError(minimal('  Recorder: 10.0.0.1', 'matrix: wfos-9.9\n'))).toMatchObject({ key: 'matrix', line: 5 });
    expect(loadError(minimal('  Recorder: 10.0.0.1', 'notDeployed: [recorder]\n'))).toMatchObject({ key: 'notDeployed[0]' });
  });

  it('an unreadable file names the file', () => {
    expect(() => loadSiteFile('/nonexistent/site.yaml')).toThrow('/nonexistent/site.yaml: cannot read the site file (ENOENT)');
  });
});
