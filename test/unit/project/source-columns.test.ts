import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src-main/core/engine/load-sources';
import {
  ColumnsRequestError,
  PREVIEW_ROWS,
  ProjectSession,
  ProjectsFolder,
  RecentAudits,
  sourceColumnsView,
  sourceFromFile,
  type ProjectView,
} from '../../../src-main/core/project/index';
import { columnsFromSite, templateOf, type RuleColumnMapping } from '../../../src-main/core/spreadsheet/index';
import { HANDMADE_ZONES } from '../../fixtures/spreadsheets/handmade';
import { fixturePath } from '../spreadsheet/helpers';
import { app, demoConfig, demoSite, NOW, tempDir } from './helpers';

const RULES = 'Firewall Rules';
/** The hand-made workbook's columns as detected (A to L), source and destination swapped. */
const SWAPPED = { sequence: 'A', name: 'B', sourceZone: 'C', destinationZone: 'D', source: 'F', destination: 'E', service: 'G', protocol: 'H', action: 'I', enabled: 'J', negateSource: 'K', comment: 'L' };

function session(): ProjectSession {
  const dir = tempDir('wfos-columns-');
  return new ProjectSession({ projects: new ProjectsFolder(join(dir, 'projects')), recent: new RecentAudits(join(dir, 'config', 'recent-audits.json')), app, demoSitePath: demoSite, now: () => new Date(NOW) });
}

/** A new audit holding the customer's hand-made rule workbook. */
function withWorkbook(): { open: ProjectSession; view: ProjectView; id: string } {
  const open = session();
  open.newProject();
  const view = open.addSource({ fileName: 'handmade-rules.xlsx', bytes: readFileSync(fixturePath('handmade-rules.xlsx')) });
  return { open, view, id: view.sources[0]!.id };
}

describe('a rule export\'s columns in the project session', () => {
  it('shows each rules sheet\'s detected mapping with its evidence, the first rows as the sheet numbers them, counts and cell diagnostics', () => {
    const { open, view, id } = withWorkbook();
    expect(view.sources[0]!.columns).toEqual({ givenFor: null, sheets: [{ sheet: RULES, headerRow: 4, fields: 12, lowestConfidence: 0.85 }] });

    const columns = open.sourceColumns(id);
    expect(columns).toMatchObject({ sourceId: id, fileName: 'handmade-rules.xlsx', given: null, counts: { rules: 14, understood: 29, ignored: 8, notUnderstood: 1, blank: 3, lines: 41 } });
    expect(columns.fields).toHaveLength(17);
    expect(columns.sheets.map((sheet) => sheet.sheet)).toEqual([RULES]);
    const sheet = columns.sheets[0]!;
    expect(sheet).toMatchObject({ headerRow: 4, style: 'generic', rules: 14, dataRows: 17, moreColumns: 0 });
    expect(sheet.columns.map((column) => column.letter).join('')).toBe('ABCDEFGHIJKLM');
    expect(sheet.columns[12]).toEqual({ letter: 'M', header: 'Internal notes', hidden: true });
    expect(sheet.fields.find((item) => item.field === 'source')).toEqual({
      field: 'source',
      letter: 'E',
      header: 'Source',
      confidence: 0.95,
      evidence: ['header "Source" is a name for source', '14 of 14 cells read as addresses or object names'],
      given: false,
    });
    expect(sheet.fields.find((item) => item.field === 'sequence')!.confidence).toBe(0.85);

    // The first filled rows below the header, with the sheet's own numbers and what the reader said of them.
    expect(sheet.preview).toHaveLength(PREVIEW_ROWS);
    expect(sheet.preview.map((row) => row.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(sheet.preview[0]!.problems).toEqual([{ severity: 'info', message: `'Firewall Rules' row 5: section "Voice recording": a divider, not a rule` }]);
    expect(sheet.preview[1]!.cells.slice(0, 7)).toEqual(['1', 'rec-to-aes', 'servers', 'avaya', 'WFOS-APP', 'AES-01', 'tcp/450\ntcp/4721-4722\n1050-1065']);
    expect(sheet.preview[1]!.cells).toHaveLength(13);

    // Errors first, each naming its cell.
    expect(columns.diagnostics[0]).toEqual({ line: 16, severity: 'error', message: `'Firewall Rules'!G16: "52233-" is not a port or range`, cell: `'Firewall Rules'!G16`, sheet: RULES });
    expect(columns.diagnosticCount).toBe(11);
    expect(columns.diagnostics).toHaveLength(11);
  });

  it('marks the cell a diagnostic names in the preview row that holds it', () => {
    const open = session();
    open.newProject();
    const view = open.addSource({ fileName: 'checkpoint-policy.xlsx', bytes: readFileSync(fixturePath('checkpoint-policy.xlsx')) });
    const sheet = open.sourceColumns(view.sources[0]!.id).sheets[0]!;
    expect(sheet).toMatchObject({ sheet: 'Policy', headerRow: 1, style: 'check-point' });
    const row9 = sheet.preview.find((row) => row.row === 9)!;
    expect(row9.problems).toEqual([{ severity: 'error', letter: 'G', message: expect.stringMatching(/^Policy!G9: "Inform" is not an action/) }]);
    expect(row9.cells[6]).toBe('Inform');
  });

  it('reads the sheet again with the columns the engineer gives, stores them in the project, and takes them back', () => {
    const { open, id } = withWorkbook();
    const before = open.view();
    const result = open.setSourceColumns({ id, mapping: { sheet: RULES, columns: SWAPPED } });

    const stored = result.project.sources[0]!;
    expect(stored.columns).toEqual({ givenFor: RULES, sheets: [{ sheet: RULES, headerRow: 4, fields: 12, lowestConfidence: 1 }] });
    expect(result.project.dirty).toBe(true);
    expect(result.columns.given).toEqual({ sheet: RULES, headerRow: '4', ...SWAPPED });
    const fields = result.columns.sheets[0]!.fields;
    expect(fields.find((item) => item.field === 'source')).toMatchObject({ letter: 'F', header: 'Destination', confidence: 1, given: true });
    expect(fields.find((item) => item.field === 'destination')).toMatchObject({ letter: 'E', header: 'Source', given: true });
    expect(result.columns.counts.rules).toBe(14);
    expect(result.project.sources[0]!.counts.rules).toBe(before.sources[0]!.counts.rules);

    // The template is what `wfos-audit parse --columns … --save-columns` writes for the same reading.
    const cli = parseSource(readFileSync(fixturePath('handmade-rules.xlsx')), 'handmade-rules.xlsx', { columns: columnsFromSite(result.columns.given!, 'test') });
    expect(result.columns.sheets[0]!.template).toEqual(templateOf(cli.mappings!.find((item): item is RuleColumnMapping => item.kind === 'rules')!));
    expect(result.columns.sheets[0]!.template.columns).toMatchObject({ source: 'Destination', destination: 'Source' });

    const back = open.setSourceColumns({ id, mapping: null });
    expect(back.columns.given).toBeNull();
    expect(back.project.sources[0]!.columns!.givenFor).toBeNull();
    expect(back.columns.sheets[0]!.fields.find((item) => item.field === 'source')).toMatchObject({ letter: 'E', given: false });
  });

  it('changes the audit: the swapped rule no longer permits the CTI link, and the old result is stale', () => {
    const { open, id } = withWorkbook();
    open.updateSite({ ...open.view().site, customer: 'Acme', site: 'Dallas', auditor: 'FE', roles: [{ role: 'CTI Adapter', addresses: '10.10.20.11' }, { role: 'AES Server', addresses: '10.40.0.10' }] });
    // The workbook's rules are written for zones: the audit needs to know where they are.
    open.updateSource({ id, zones: Object.entries(HANDMADE_ZONES).map(([zone, addresses]) => ({ zone, addresses })) });
    const row27 = (view: ProjectView) => view.audit!.result.flows.find((flow) => flow.row === 27)!.status;
    expect(row27(open.runAudit())).toBe('allowed');
    const result = open.setSourceColumns({ id, mapping: { sheet: RULES, columns: SWAPPED } });
    expect(result.project.audit!.stale).toBe(true);
    expect(row27(open.runAudit())).toBe('blocked');
  });

  it('warns in the audit of zones the rules use and the engineer has not mapped, and of none mapped at all', () => {
    const { open, id } = withWorkbook();
    open.updateSite({ ...open.view().site, customer: 'Acme', site: 'Dallas', auditor: 'FE', roles: [{ role: 'CTI Adapter', addresses: '10.10.20.11' }, { role: 'AES Server', addresses: '10.40.0.10' }] });
    const warnings = (view: ProjectView) => view.audit!.result.sources[0]!.diagnostics.filter((item) => item.severity === 'warning').map((item) => item.message);
    expect(warnings(open.runAudit())).toContainEqual(expect.stringContaining('rules of handmade-rules are written for zones (servers, avaya'));
    open.updateSource({ id, zones: [{ zone: 'servers', addresses: '10.10.20.0/24' }, { zone: 'avaya', addresses: '10.40.0.0/24' }] });
    const mapped = warnings(open.runAudit());
    expect(mapped.some((message) => message.includes('no zones:'))).toBe(false);
    expect(mapped).toContainEqual(expect.stringMatching(/^zone "agents" \(first used on row \d+\) is not one of the site's zones for handmade-rules \(servers, avaya\): rules written for it never apply$/));
  });

  it('changes nothing when the same columns are given again', () => {
    const { open, id } = withWorkbook();
    open.setSourceColumns({ id, mapping: { sheet: RULES, columns: SWAPPED } });
    const updatedAt = open.view().updatedAt;
    const again = open.setSourceColumns({ id, mapping: { sheet: RULES, columns: SWAPPED } });
    expect(again.project.updatedAt).toBe(updatedAt);
  });

  it('refuses a mapping the sheet cannot take, saying why, and leaves the project as it was', () => {
    const { open, id } = withWorkbook();
    const before = open.view();
    const refused = (mapping: { sheet: string; columns: Record<string, string> }) => () => open.setSourceColumns({ id, mapping });
    expect(refused({ sheet: 'Objects', columns: { source: 'A' } })).toThrow('"Objects" is not a rules sheet of handmade-rules.xlsx (rules sheets: Firewall Rules)');
    expect(refused({ sheet: RULES, columns: { source: 'N' } })).toThrow('source: column N is beyond the last filled column (M) of sheet Firewall Rules');
    expect(refused({ sheet: RULES, columns: { source: 'XFE' } })).toThrow(/column XFE is beyond/);
    expect(refused({ sheet: RULES, columns: { source: 'E', destination: 'E' } })).toThrow('source and destination are both given column E: a column can mean one thing');
    expect(refused({ sheet: RULES, columns: {} })).toThrow(ColumnsRequestError);
    expect(open.view()).toEqual(before);
  });

  it('has no columns for a configuration, nor for a source no longer in the project', () => {
    const open = session();
    open.newProject();
    const view = open.addSource({ fileName: 'dal-dc-fw01.txt', bytes: demoConfig() });
    expect(view.sources[0]!.columns).toBeUndefined();
    expect(() => open.sourceColumns(view.sources[0]!.id)).toThrow('dal-dc-fw01 is read as a configuration, not a rule export: it has no columns to map');
    expect(() => open.setSourceColumns({ id: view.sources[0]!.id, mapping: { sheet: 'x', columns: { source: 'A' } } })).toThrow(ColumnsRequestError);
    expect(() => open.sourceColumns('gone')).toThrow('that source is no longer in the project');
  });

  it('keeps the columns given when the file is imported again', () => {
    const { open, id } = withWorkbook();
    open.setSourceColumns({ id, mapping: { sheet: RULES, columns: SWAPPED } });
    const again = open.addSource({ fileName: 'handmade-rules.xlsx', bytes: readFileSync(fixturePath('handmade-rules.xlsx')), replaceId: id });
    expect(again.sources[0]!.columns!.givenFor).toBe(RULES);
    expect(open.sourceColumns(id).sheets[0]!.fields.find((item) => item.field === 'source')!.letter).toBe('F');
  });

  it('marks the fields a site file\'s columns: gives by header text, for whichever sheet they fit', () => {
    const { source } = sourceFromFile('handmade-rules.xlsx', readFileSync(fixturePath('handmade-rules.xlsx')), { now: NOW });
    const view = sourceColumnsView({ ...source, columns: { source: 'Destination', destination: 'Source' } });
    expect(view.given).toEqual({ source: 'Destination', destination: 'Source' });
    const fields = view.sheets[0]!.fields;
    expect(fields.filter((item) => item.given).map((item) => `${item.field}=${item.letter}`)).toEqual(['source=F', 'destination=E']);
  });
});
