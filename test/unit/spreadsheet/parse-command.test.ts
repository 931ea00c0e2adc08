import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { recordingIo } from '../../helpers/cli-io';
import { FIXTURES_DIR } from '../../fixtures/spreadsheets/generate';

interface ParseJson {
  vendor: string;
  ruleLists: { name: string; appliedAt: { kind: string }[]; rules: { id: string; name?: string; fromZones?: string[]; match: Record<string, string>[]; ref: Record<string, unknown> }[] }[];
  objects: { networks: { name: string; addresses: string; ref: Record<string, unknown> }[] };
  diagnostics: { line: number; severity: string; message: string; sheet?: string; cell?: string }[];
  stats: Record<string, number>;
  columnMappings: { sheet: string; kind: string; headerRow: number; fields: Record<string, { letter: string; header: string; confidence: number; evidence: string[] }> }[];
}

async function parse(argv: string[], cwd = FIXTURES_DIR) {
  const io = recordingIo(cwd);
  const code = await main(['parse', ...argv], io.cli);
  return { code, out: io.stdout, err: io.stderr };
}

describe('wfos-audit parse on a rule export', () => {
  it('--json shows the mapping with confidence, rules with sheet and row, objects and cell diagnostics', async () => {
    const { code, out } = await parse(['handmade-rules.xlsx', '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(out) as ParseJson;
    expect(document.vendor).toBe('spreadsheet');
    const rules = document.columnMappings.find((mapping) => mapping.kind === 'rules')!;
    expect(rules).toMatchObject({ sheet: 'Firewall Rules', headerRow: 4 });
    expect(rules.fields.service).toMatchObject({ letter: 'G', header: 'Port', confidence: 0.95 });
    expect(rules.fields.service!.evidence).toEqual(['header "Port" is a name for service', '14 of 14 cells read as ports, protocols or service names']);
    const list = document.ruleLists[0]!;
    expect(list.appliedAt).toEqual([{ kind: 'global' }]);
    expect(list.rules[0]).toMatchObject({
      id: 'Firewall Rules#1',
      name: 'rec-to-aes',
      fromZones: ['servers'],
      match: [{ sources: '10.10.20.11', destinations: '10.40.0.10', protocols: 'tcp', sourcePorts: '0-65535', destinationPorts: '450,1050-1065,4721-4722' }],
      ref: { file: 'handmade-rules.xlsx', sheet: 'Firewall Rules', row: 6 },
    });
    expect(list.rules[0]!.ref).not.toHaveProperty('line');
    expect(document.objects.networks.find((object) => object.name === 'Agents')).toMatchObject({ addresses: '10.30.0.0/16', ref: { sheet: 'Objects', row: 9 } });
    expect(document.diagnostics).toContainEqual({ line: 16, severity: 'error', message: '\'Firewall Rules\'!G16: "52233-" is not a port or range', sheet: 'Firewall Rules', cell: "'Firewall Rules'!G16" });
    expect(document.stats).toEqual({ lines: 41, blank: 3, understood: 29, ignored: 8, notUnderstood: 1 });
  });

  it('prints a readable summary: columns, rules by row, diagnostics with their cells', async () => {
    const { code, out } = await parse(['checkpoint-policy.xlsx']);
    expect(code).toBe(0);
    expect(out).toContain('checkpoint-policy.xlsx: rule export (spreadsheet)\n21 rows: 17 understood, 3 ignored on purpose, 1 not understood, 0 blank');
    expect(out).toContain('Columns of sheet Policy (rules, header on row 1)');
    expect(out).toMatch(/^service +F +Services & Applications +95% +header "Services & Applications" is a name for service/m);
    expect(out).toMatch(/^Policy#3 +5 +deny +ip 0\.0\.0\.0-10\.29\.255\.255,10\.31\.0\.0-255\.255\.255\.255,any6 -> 10\.10\.20\.12 +\[log\]$/m);
    expect(out).toContain('error: Policy!G9: "Inform" is not an action this reader knows');
  });

  it('reads a tab-separated UTF-16 ".txt" export as a rule table, since no firewall vendor claims it', async () => {
    const { code, out } = await parse(['unicode-text.txt']);
    expect(code).toBe(0);
    expect(out).toContain('unicode-text.txt: rule export (spreadsheet)\n5 rows: 5 understood');
    expect(out).toContain("info: 'unicode-text': read as utf-16le text separated by tab");
  });

  it('reads with a --columns template and writes one with --save-columns', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wfos-columns-'));
    writeFileSync(join(folder, 'odd.csv'), 'Ref,Src Net,Dst Net,Svc,Verdict\nR1,10.10.20.11,10.40.0.10,tcp/450,allow\n');
    await expect(parse(['odd.csv'], folder)).resolves.toMatchObject({ code: 2 });
    writeFileSync(join(folder, 'map.json'), JSON.stringify({ format: 'wfos-audit/columns/1', columns: { source: 'Src Net', destination: 'Dst Net', service: 'D', action: 'Verdict' } }));
    const { code, out, err } = await parse(['odd.csv', '--columns', 'map.json', '--save-columns', 'saved.json', '--json'], folder);
    expect(code).toBe(0);
    expect((JSON.parse(out) as ParseJson).ruleLists[0]!.rules[0]!.match).toEqual([{ sources: '10.10.20.11', destinations: '10.40.0.10', protocols: 'tcp', sourcePorts: '0-65535', destinationPorts: '450' }]);
    expect(err).toBe('column mapping of sheet odd written to saved.json\n');
    expect(JSON.parse(readFileSync(join(folder, 'saved.json'), 'utf8'))).toEqual({
      format: 'wfos-audit/columns/1',
      sheet: 'odd',
      headerRow: 1,
      columns: { source: 'Src Net', destination: 'Dst Net', service: 'Svc', action: 'Verdict' },
    });
  });

  it('fails with one line naming the file and the limit or problem', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wfos-parse-bad-'));
    writeFileSync(join(folder, 'odd.csv'), 'Ref,Src Net,Dst Net\nR1,10.10.20.11,10.40.0.10\n');
    const unreadable = await parse(['odd.csv'], folder);
    expect(unreadable).toMatchObject({ code: 2, out: '' });
    expect(unreadable.err).toMatch(/^wfos-audit parse: odd\.csv: no sheet has a rule table header .*\n$/);
    writeFileSync(join(folder, 'map.json'), '{"format":"wfos-audit/columns/1","columns":{"srcaddr":"B"}}');
    const badTemplate = await parse(['odd.csv', '--columns', 'map.json'], folder);
    expect(badTemplate.err).toMatch(/^wfos-audit parse: map\.json: columns/);
  });
});

describe('wfos-audit matrix --matrix with a table', () => {
  it('imports another product\'s matrix from CSV and prints what it noticed on stderr', async () => {
    const io = recordingIo(FIXTURES_DIR);
    expect(await main(['matrix', '--matrix', 'other-product-matrix.csv', '--json'], io.cli)).toBe(0);
    const matrix = JSON.parse(io.stdout) as { title: string; rows: { row: number; sourceRole: string; transport: string; ports: (number | string)[]; configurable: boolean }[]; roles: { name: string; kind: string }[] };
    expect(matrix.title).toBe('Table 1. Ports for Acme Contact Recorder 2.1');
    expect(matrix.rows.map((row) => [row.row, row.transport, row.ports])).toEqual([
      [1, 'tcp', [8443]],
      [2, 'tcp', ['5000-5010']],
      [3, 'udp', ['5000-5010']],
      [4, 'udp', [161, 162]],
      [5, 'tcp', [1433]],
    ]);
    expect(matrix.rows[0]!.configurable).toBe(true);
    expect(matrix.roles.find((role) => role.name === 'All Components')?.kind).toBe('group');
    expect(matrix.roles.find((role) => role.name === 'Archive Server')?.kind).toBe('component');
    expect(io.stderr).toBe('warning: \'other-product-matrix\'!C6: source port "123" is not ephemeral; the audit takes every flow\'s source ports as ephemeral\n');
  });

  it('reads the WFOS table back from its spreadsheet exactly as the embedded matrix', async () => {
    const io = recordingIo(FIXTURES_DIR);
    expect(await main(['matrix', '--matrix', 'wfos-matrix.xlsx', '--json'], io.cli)).toBe(0);
    const imported = JSON.parse(io.stdout) as { rows: Record<string, unknown>[] };
    const embedded = recordingIo();
    await main(['matrix', '--json'], embedded.cli);
    const pick = (row: Record<string, unknown>) => [row.row, row.source, row.destination, row.sourceRole, row.destinationRole, row.transport, row.ports, row.portsText, row.optional, row.defaultState];
    expect(imported.rows.map(pick)).toEqual((JSON.parse(embedded.stdout) as { rows: Record<string, unknown>[] }).rows.map(pick));
  });

  it('refuses a table with unreadable cells, naming each', async () => {
    const io = recordingIo(FIXTURES_DIR);
    expect(await main(['matrix', '--matrix', 'broken-matrix.csv'], io.cli)).toBe(2);
    expect(io.stderr).toContain('2 cells of the matrix cannot be read: \'broken-matrix\'!D2: "4435-" is not a port or range; \'broken-matrix\'!E3: "Carrier pigeon" names neither TCP nor UDP nor a protocol whose transport is known');
  });
});
