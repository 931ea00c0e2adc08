import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { recordingIo } from '../../helpers/cli-io';

const demoSite = fileURLToPath(new URL('../../../resources/demo/site.yaml', import.meta.url));

describe('wfos-audit audit', () => {
  it('prints a summary of the demo site and writes the audit JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const io = recordingIo(dir);
    expect(await main(['audit', '--site', demoSite, '--json', 'out.json'], io.cli)).toBe(0);
    expect(io.stdout).toContain('Flows: 23 allowed, 2 partial, 1 blocked, 14 not applicable, 0 unknown');
    expect(io.stdout).toMatch(/^27\s+partial\s+CTI Adapter → AES Server/m);
    expect(io.stdout).toMatch(/F-0001 critical/);
    expect(io.stderr).toContain('reading dal-dc-fw01');
    const written = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(written.schema).toBe('wfos-audit/1');
    expect(written.flows).toHaveLength(40);
    expect(Object.keys(written)).toEqual(['schema', 'generatedAt', 'tool', 'site', 'matrix', 'sources', 'flows', 'findings', 'summary']);
  });

  it('--json - writes the JSON to stdout alone', async () => {
    const io = recordingIo();
    expect(await main(['audit', '--site', demoSite, '--json', '-'], io.cli)).toBe(0);
    expect(JSON.parse(io.stdout).summary.flows.partial).toBe(2);
  });

  it('--fail-on exits 1 when a finding reaches the severity, 0 otherwise', async () => {
    expect(await main(['audit', '--site', demoSite, '--fail-on', 'critical'], recordingIo().cli)).toBe(1);
    const io = recordingIo();
    expect(await main(['audit', '--site', demoSite, '--fail-on', 'severe'], io.cli)).toBe(2);
    expect(io.stderr).toContain('--fail-on severe: not a severity');
  });

  it('bad input is one line naming the file and line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    writeFileSync(join(dir, 'site.yaml'), 'site: S\ncustomer: C\nroles:\n  Recorder: 10.0.0.1\n  Mainframe: 10.0.0.2\n');
    const io = recordingIo(dir);
    expect(await main(['audit', '--site', 'site.yaml'], io.cli)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toContain(`${join(dir, 'site.yaml')}:5: roles.Mainframe: "Mainframe" is not a role`);

    writeFileSync(join(dir, 'fw.txt'), 'this is not a firewall configuration\n');
    writeFileSync(join(dir, 'site2.yaml'), 'site: S\ncustomer: C\nroles:\n  Recorder: 10.0.0.1\nfirewalls:\n  - name: fw\n    file: fw.txt\n');
    const unknownVendor = recordingIo(dir);
    expect(await main(['audit', '--site', 'site2.yaml'], unknownVendor.cli)).toBe(2);
    expect(unknownVendor.stderr).toContain('fw.txt: cannot tell which firewall this file is from');
  });

  it('says in full what concerns a source as a whole: a rule export written for zones the site does not map', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    writeFileSync(join(dir, 'rules.csv'), 'From,To,Source,Destination,Service,Action\nservers,avaya,10.10.20.11,10.40.0.10,tcp/450,allow\n');
    writeFileSync(join(dir, 'site.yaml'), 'site: S\ncustomer: C\nroles:\n  CTI Adapter: 10.10.20.11\n  AES Server: 10.40.0.10\nfirewalls:\n  - name: branch\n    file: rules.csv\n');
    const io = recordingIo(dir);
    expect(await main(['audit', '--site', 'site.yaml'], io.cli)).toBe(0);
    expect(io.stdout).toContain('  branch: spreadsheet, 1 rule, topology from none, 1 diagnostic\n    warning: rules of branch are written for zones (servers, avaya) and the site file gives branch no zones:');
  });

  it('requires --site', async () => {
    const io = recordingIo();
    expect(await main(['audit'], io.cli)).toBe(2);
    expect(io.stderr).toContain('--site SITE.yaml is required');
  });
});

describe('what a command loads', () => {
  it('an audit that neither pulls nor writes a report loads no SSH, PDF or signing library, and --version loads no command', () => {
    // A fresh process, since this one has loaded everything for the other tests.
    const script = `
      import Module from 'node:module';
      import { main } from ${JSON.stringify(fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url)))};
      const loaded = () => Object.keys(Module._cache).filter((path) => /node_modules\\/(ssh2|pdfkit|node-forge|@signpdf)\\//.test(path)).map((path) => path.split('node_modules/')[1].split('/')[0]);
      const io = { out: () => {}, err: () => {}, cwd: process.cwd(), env: {} };
      await main(['--version'], io);
      const afterVersion = Object.keys(Module._cache).length;
      await main(['audit', '--site', ${JSON.stringify(demoSite)}], io);
      process.stdout.write(JSON.stringify({ afterVersion, libraries: [...new Set(loaded())] }));
    `;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const { afterVersion, libraries } = JSON.parse(output) as { afterVersion: number; libraries: string[] };
    expect(libraries).toEqual([]);
    expect(afterVersion).toBeLessThan(10);
  });
});
