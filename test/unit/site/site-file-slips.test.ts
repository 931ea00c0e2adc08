import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteFile, SiteError } from '../../../src-main/core/site/index';

/**
 * What field engineers really type into a site file: slips that must be refused at their line
 * and key with words they understand, and YAML habits that must simply work.
 */

const ASA_CONFIG = ': Saved\nASA Version 9.12(4)\nhostname fw\n';

/** A fresh folder with the site file (given as text or bytes) and a config at configs/fw.txt. */
function writeSite(content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-slips-'));
  mkdirSync(join(dir, 'configs'));
  writeFileSync(join(dir, 'configs', 'fw.txt'), ASA_CONFIG);
  const path = join(dir, 'site.yaml');
  writeFileSync(path, content);
  return path;
}

function refusal(content: string | Buffer): SiteError {
  const path = writeSite(content);
  try {
    loadSiteFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteError);
    return error as SiteError;
  }
  throw new Error('the site file loaded, but it should have been refused');
}

const header = 'site: Plano\ncustomer: Acme\n';
const oneRole = `${header}roles:\n  Recorder: 10.10.20.11\n`;

describe('a site file with a slip is refused in plain words', () => {
  it('a role left without addresses says what belongs there', () => {
    const error = refusal(`${header}roles:\n  Recorder:\n  Web: 10.10.20.12\n`);
    expect(error).toMatchObject({ line: 4, key: 'roles.Recorder' });
    expect(error.problem).toBe('expected an address (10.10.20.11), a CIDR (10.30.0.0/16), a range (10.30.0.10-10.30.0.99) or a list of them; found nothing');
  });

  it('roles: with nothing under it is refused; an empty roles map deploys no role, as the contract reads it', () => {
    expect(refusal(`${header}roles:\n`)).toMatchObject({ line: 3, key: 'roles', problem: 'expected a map (key: value lines), found nothing' });
    const site = loadSiteFile(writeSite(`${header}roles: {}\nfirewalls:\n  - name: fw\n    file: configs/fw.txt\n`));
    expect(site.roles.size).toBe(0);
  });

  it('an empty file, or one with only comments', () => {
    expect(refusal('').problem).toMatch(/^the file is empty/);
    expect(refusal('# to be filled in on site\n').problem).toMatch(/^the file is empty/);
  });

  it('a file saved as UTF-16 by a Windows editor', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(oneRole, 'utf16le')]);
    expect(refusal(utf16).problem).toBe('is not UTF-8 text (UTF-16 or binary): save it as UTF-8');
  });

  it('a misspelt role gets the closest matrix role suggested', () => {
    expect(refusal(`${header}roles:\n  Recoder: 10.10.20.11\n`).problem).toBe('"Recoder" is not a role of the Avaya WFOS 5.2.3 port matrix (did you mean "Recorder"?)');
    expect(refusal(`${header}roles:\n  Media Manger: 10.10.20.11\n`).problem).toContain('(did you mean "Media Manager"?)');
    expect(refusal(`${header}roles:\n  Mainframe: 10.10.20.11\n`).problem).not.toContain('did you mean');
  });

  it('a host pasted with its prefix length is not widened to its whole subnet', () => {
    const error = refusal(`${header}roles:\n  Recorder: [10.10.20.11, 10.10.20.12/24]\n`);
    expect(error).toMatchObject({ line: 4, key: 'roles.Recorder[1]' });
    expect(error.problem).toBe('"10.10.20.12/24" has host bits set: write 10.10.20.12 for the one host, or 10.10.20.0/24 for the whole subnet');
    expect(refusal(`${oneRole}firewalls:\n  - name: fw\n    file: configs/fw.txt\n    zones:\n      servers: 10.10.20.1 255.255.255.0\n`)).toMatchObject({ key: 'firewalls[0].zones.servers' });
  });

  it('a config path that is a folder', () => {
    const error = refusal(`${oneRole}firewalls:\n  - name: fw\n    file: configs\n`);
    expect(error).toMatchObject({ line: 7, key: 'firewalls[0].file', problem: 'configs is a folder: name the config or rule export file in it' });
  });

  it('a vendor the product does not read, at its own line', () => {
    const error = refusal(`${oneRole}firewalls:\n  - name: fw\n    file: configs/fw.txt\n    vendor: cisco\n`);
    expect(error).toMatchObject({ line: 8, key: 'firewalls[0].vendor' });
    expect(error.problem).toMatch(/^unknown vendor "cisco" \(known: cisco-asa/);
  });

  it('an ssh: host with a space in it', () => {
    const error = refusal(`${oneRole}firewalls:\n  - name: edge\n    ssh: { host: 10.50.0.1 22, username: audit }\n`);
    expect(error).toMatchObject({ line: 7, key: 'firewalls[0].ssh.host', problem: 'is not a host name or an IP address' });
  });

  it('two firewall names that differ only by a trailing space', () => {
    const error = refusal(`${oneRole}firewalls:\n  - name: fw\n    file: configs/fw.txt\n  - name: 'fw '\n    file: configs/fw.txt\n`);
    expect(error).toMatchObject({ line: 8, key: 'firewalls[1].name' });
  });

  it('several YAML documents and tab indentation are said in the file\'s terms', () => {
    expect(refusal(`${oneRole}---\nsite: Other\n`)).toMatchObject({ line: 5, problem: 'not valid YAML: holds more than one YAML document (a "---" line): give one site per file' });
    expect(refusal(`${header}roles:\n\tRecorder: 10.10.20.11\n`)).toMatchObject({ line: 4, problem: 'not valid YAML: indented with a tab: YAML indents with spaces only' });
  });

  it('a port number given as text in ssh:', () => {
    const error = refusal(`${oneRole}firewalls:\n  - name: edge\n    ssh: { host: 10.50.0.1, port: '22' }\n`);
    expect(error).toMatchObject({ key: 'firewalls[0].ssh.port', problem: 'expected a number, found "22"' });
  });
});

describe('YAML habits that must simply work', () => {
  it('numbers as site, customer and firewall names keep the digits as typed', () => {
    const site = loadSiteFile(writeSite('site: 0412\ncustomer: 7\nroles:\n  Recorder: 10.10.20.11\nfirewalls:\n  - name: 0101\n    file: configs/fw.txt\n'));
    expect([site.site, site.customer, site.firewalls[0]!.name]).toEqual(['0412', '7', '0101']);
  });

  it('a firewall entry repeated with an anchor and a << merge key', () => {
    const site = loadSiteFile(writeSite(`${oneRole}firewalls:\n  - &base\n    name: fw-a\n    file: configs/fw.txt\n    vendor: cisco-asa\n  - <<: *base\n    name: fw-b\n`));
    expect(site.firewalls.map((firewall) => [firewall.name, firewall.vendor])).toEqual([
      ['fw-a', 'cisco-asa'],
      ['fw-b', 'cisco-asa'],
    ]);
    expect(site.firewalls[1]!.file).toBe(site.firewalls[0]!.file);
  });

  it('ephemeralPorts as a YAML list of ranges', () => {
    const site = loadSiteFile(writeSite(`${oneRole}ephemeralPorts: [1024-5000, 49152-65535]\n`));
    expect(site.ephemeralPorts.toString()).toBe('1024-5000,49152-65535');
  });

  it('a UTF-8 byte order mark and Windows line endings', () => {
    const site = loadSiteFile(writeSite(Buffer.from(`\ufeff${oneRole}firewalls:\n  - name: fw\n    file: configs/fw.txt\n`.replace(/\n/g, '\r\n'), 'utf8')));
    expect(site.site).toBe('Plano');
    expect(site.roles.get('Recorder')!.line).toBe(4);
    expect(site.firewalls[0]!.file).toMatch(/configs[/\\]fw\.txt$/);
  });

  it('the vendor in any case is the registry\'s id, and a rule export may say it is a spreadsheet', () => {
    const site = loadSiteFile(writeSite(`${oneRole}firewalls:\n  - name: fw\n    file: configs/fw.txt\n    vendor: Cisco-ASA\n  - name: rules\n    file: configs/fw.txt\n    vendor: Spreadsheet\n`));
    expect(site.firewalls.map((firewall) => firewall.vendor)).toEqual(['cisco-asa', 'spreadsheet']);
  });
});
