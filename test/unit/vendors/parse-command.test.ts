import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src-main/cli/commands/parse';
import { UsageError, type CliIo } from '../../../src-main/cli/command';
import { fixturePath } from './cisco-asa/helpers';

const FIXTURES = dirname(fixturePath('dal-dc-fw01.txt'));

async function run(argv: string[], cwd = FIXTURES): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIo = { out: (text) => (out += text), err: () => undefined, cwd, env: {} };
  const code = await parseCommand.run(argv, io);
  return { code, out };
}

interface JsonRule {
  id: string;
  action: string;
  enabled: boolean;
  match: Array<Record<string, string>>;
  ref: { file: string; line: number; text: string };
}

describe('wfos-audit parse', () => {
  it('prints the parsed firewall as JSON with sets as text and rules with their source', async () => {
    const { code, out } = await run(['dal-dc-fw01.txt', '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(out) as {
      vendor: string;
      hostname: string;
      ruleLists: Array<{ name: string; appliedAt: Array<{ kind: string; interface: string }>; rules: JsonRule[] }>;
      objects: { networks: Array<{ name: string; addresses: string }> };
      diagnostics: Array<{ line: number; severity: string; message: string }>;
      stats: { lines: number };
    };
    expect(document.vendor).toBe('cisco-asa');
    expect(document.hostname).toBe('dal-dc-fw01');
    const servers = document.ruleLists.find((list) => list.name === 'servers_in');
    expect(servers?.appliedAt).toEqual([{ kind: 'interface-in', interface: 'servers', ref: { file: 'dal-dc-fw01.txt', line: 288, text: 'access-group servers_in in interface servers' } }]);
    expect(servers?.rules[2]).toMatchObject({
      id: 'servers_in#3',
      action: 'permit',
      enabled: true,
      match: [{ sources: '10.10.20.21', destinations: '10.40.0.10/31', protocols: 'tcp', sourcePorts: '0-65535', destinationPorts: '450,1050-1065,4721-4722' }],
      ref: { file: 'dal-dc-fw01.txt', line: 228, text: 'access-list servers_in extended permit object-group SVC-AES-ALL object OBJ-CTI01 object-group GRP-AES' },
    });
    expect(document.objects.networks.find((object) => object.name === 'NET-SCREEN-CAPTURE')?.addresses).toBe('10.30.0.10-10.30.0.99');
    expect(document.diagnostics).toContainEqual({ line: 388, severity: 'warning', message: 'not understood: fragment chain 1 voice' });
    expect(document.stats.lines).toBe(390);
  });

  it('prints a readable summary: lists with placements, rules with lines, diagnostics', async () => {
    const { code, out } = await run(['aus-rec-fw02.txt']);
    expect(code).toBe(0);
    expect(out).toContain('aus-rec-fw02.txt: Cisco ASA / FTD (LINA), hostname aus-rec-fw02, version 8.4(7)30');
    expect(out).toContain('221 lines: 109 understood, 112 ignored on purpose, 0 not understood, 0 blank');
    expect(out).toContain('Rule list global_acl (global)');
    expect(out).toContain('Rule list voice_access_in (in on voice)');
    expect(out).toContain('Rule list vendor_access (not applied to traffic)');
    expect(out).toMatch(/voice_access_in#2 +110 +permit +tcp 10\.20\.40\.0\/24 -> 10\.20\.30\.21 port 1050-1065\n/);
    expect(out).toMatch(/vendor_access#1 +113 +permit +tcp 198\.51\.100\.0\/24 -> 10\.20\.30\.11-10\.20\.30\.12 port 3389 +\[time-range TR-VENDOR-ACCESS\]/);
    expect(out).toContain('line 149: info: router ospf 10: dynamic routing is not modelled');
  });

  it('parses with an explicit vendor', async () => {
    const { code, out } = await run(['--vendor', 'cisco-asa', 'aus-rec-fw02.txt', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { hostname: string }).hostname).toBe('aus-rec-fw02');
  });

  it('fails with one line naming the file when it is missing, of unknown vendor or unrecognised', async () => {
    await expect(run(['no-such-config.txt'])).rejects.toThrow(new UsageError('cannot read no-such-config.txt: no such file'));
    await expect(run(['aus-rec-fw02.txt', '--vendor', 'sonicwall'])).rejects.toThrow(
      new UsageError('aus-rec-fw02.txt: unknown vendor "sonicwall" (known: cisco-asa)'),
    );
    const folder = mkdtempSync(join(tmpdir(), 'wfos-parse-'));
    // A rule table (rules.csv) is now read as a rule export; prose is still no firewall at all.
    writeFileSync(join(folder, 'notes.txt'), 'Meeting notes\nThe firewall team will send the rules next week.\n');
    await expect(run(['notes.txt'], folder)).rejects.toThrow(/^notes\.txt: cannot tell which firewall this file is from .*give it with --vendor/);
    await expect(run([])).rejects.toThrow(UsageError);
  });

  it('prints its help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: wfos-audit parse FILE [--vendor V] [--json]');
  });
});
