import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { recordingIo } from '../../helpers/cli-io';

/** A site whose second firewall (line 8 of the site file) is the given entry. */
function siteWith(secondFirewall: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-sources-'));
  writeFileSync(join(dir, 'fw.txt'), ': Saved\nASA Version 9.12(4)\nhostname fw\n');
  writeFileSync(join(dir, 'notes.txt'), 'Change window: Saturday 02:00-04:00\nCall the NOC first.\n');
  writeFileSync(
    join(dir, 'site.yaml'),
    `site: Plano\ncustomer: Acme\nroles:\n  Recorder: 10.10.20.11\nfirewalls:\n  - name: fw\n    file: fw.txt\n${secondFirewall}`,
  );
  return dir;
}

describe('wfos-audit audit: a firewall that cannot be read is said at its line in the site file', () => {
  it('a file whose vendor cannot be told: exit 2, one line with site file, line, key and the file', async () => {
    const dir = siteWith('  - name: notes\n    file: notes.txt\n');
    const io = recordingIo(dir);
    expect(await main(['audit', '--site', 'site.yaml'], io.cli)).toBe(2);
    const errors = io.stderr.split('\n').filter((line) => line.startsWith('wfos-audit'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^wfos-audit audit: ${join(dir, 'site.yaml')}:8: firewalls\\[1\\]\\.file: ${join(dir, 'notes.txt')}: cannot tell which firewall`));
  });

  it('an ssh: firewall without --pull names its entry and does not try to connect', async () => {
    const dir = siteWith('  - name: edge\n    ssh: { host: 192.0.2.1, username: audit }\n');
    const io = recordingIo(dir);
    expect(await main(['audit', '--site', 'site.yaml'], io.cli)).toBe(2);
    expect(io.stderr).toContain(`${join(dir, 'site.yaml')}:8: firewalls[1].ssh: firewall edge is pulled over SSH`);
  });
});
