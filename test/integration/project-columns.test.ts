import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, type ApiName, type ApiOutput } from '../../src-main/api';
import { dispatchApiCall } from '../../src-main/api-dispatch';
import { createApiHandlers } from '../../src-main/api-handlers';
import { parseProjectBytes } from '../../src-main/core/project/index';
import { RULE_FIELDS } from '../../src-main/core/spreadsheet/index';
import { fixturePath } from '../unit/spreadsheet/helpers';
import { demoSite, tempDir } from '../unit/project/helpers';

/** The handlers as a transport sees them: every call validated in, every answer held to its schema out. */
function workstation() {
  const root = tempDir('wfos-columns-api-');
  const handlers = createApiHandlers({ mode: 'serve', demoSitePath: demoSite, projectsDir: join(root, 'projects'), configDir: join(root, 'config') });
  return async <N extends ApiName>(name: N, input: unknown): Promise<ApiOutput<N>> => {
    const result = await dispatchApiCall(handlers, name, input);
    if (!result.ok) throw new Error(result.error);
    return api[name].output.parse(result.value) as ApiOutput<N>;
  };
}

const workbook = () => readFileSync(fixturePath('handmade-rules.xlsx')).toString('base64');

describe('a rule export\'s column mapping through the API', () => {
  it('shows the mapping, sets it, saves it in the project file and reopens with it', async () => {
    const call = workstation();
    await call('projectNew', {});
    const added = await call('sourceAdd', { fileName: 'handmade-rules.xlsx', contentBase64: workbook() });
    const id = added.sources[0]!.id;

    const columns = await call('sourceColumns', { id });
    expect(columns.fields).toEqual([...RULE_FIELDS]);
    expect(columns.sheets[0]!.fields.map((item) => `${item.field}=${item.letter}`)).toContain('service=G');

    const set = await call('sourceSetColumns', { id, mapping: { sheet: 'Firewall Rules', columns: { source: 'F', destination: 'E' } } });
    // Fields left out are still found by their headers; the ones given are marked so.
    expect(set.columns.sheets[0]!.fields.filter((item) => item.given).map((item) => item.field)).toEqual(['source', 'destination']);
    expect(set.columns.sheets[0]!.fields.find((item) => item.field === 'service')).toMatchObject({ letter: 'G', given: false });
    expect(set.project.sources[0]!.columns!.givenFor).toBe('Firewall Rules');

    const saved = await call('projectSave', { name: 'columns' });
    const project = parseProjectBytes(readFileSync(saved.file.path), 'columns.wfosaudit');
    expect(project.sources[0]!.columns).toEqual({ sheet: 'Firewall Rules', headerRow: '4', source: 'F', destination: 'E' });

    await call('projectNew', {});
    const reopened = await call('projectOpen', { name: 'columns' });
    expect(reopened.sources[0]!.columns!.givenFor).toBe('Firewall Rules');
    const again = await call('sourceColumns', { id });
    expect(again.given).toEqual({ sheet: 'Firewall Rules', headerRow: '4', source: 'F', destination: 'E' });
    expect(again.sheets[0]!.fields.find((item) => item.field === 'source')).toMatchObject({ letter: 'F', header: 'Destination', given: true });
  });

  it('validates every request before the session sees it', async () => {
    const call = workstation();
    await call('projectNew', {});
    const id = (await call('sourceAdd', { fileName: 'handmade-rules.xlsx', contentBase64: workbook() })).sources[0]!.id;
    const set = (mapping: unknown) => call('sourceSetColumns', { id, mapping });
    await expect(set({ sheet: 'Firewall Rules', columns: { sourceAddress: 'E' } })).rejects.toThrow(/sourceSetColumns: invalid request at mapping\.columns: Unrecognized key: "sourceAddress"/);
    await expect(set({ sheet: 'Firewall Rules', columns: { source: 'e' } })).rejects.toThrow('sourceSetColumns: invalid request at mapping.columns.source: not a column letter (A to ZZZ)');
    await expect(set({ sheet: 'Firewall Rules', columns: { source: 'AAAA' } })).rejects.toThrow(/mapping\.columns\.source: not a column letter/);
    await expect(set({ sheet: 'Firewall Rules', columns: { source: 'Source' } })).rejects.toThrow(/mapping\.columns\.source: not a column letter/);
    await expect(set({ sheet: '', columns: { source: 'E' } })).rejects.toThrow(/invalid request at mapping\.sheet/);
    await expect(set({ sheet: 'Firewall Rules', columns: { source: 'E' }, headerRow: 2 })).rejects.toThrow(/invalid request at mapping: Unrecognized key: "headerRow"/);
    await expect(call('sourceSetColumns', { id, mapping: { sheet: 'Firewall Rules', columns: { source: 'E' } }, extra: true })).rejects.toThrow(/invalid request/);
    await expect(call('sourceSetColumns', { id })).rejects.toThrow(/invalid request at mapping/);
    await expect(call('sourceColumns', { id: '' })).rejects.toThrow(/invalid request at id/);
    // What the schema lets through, the session still checks against the sheet.
    await expect(set({ sheet: 'Firewall Rules', columns: { source: 'ZZZ' } })).rejects.toThrow('source: column ZZZ is beyond the last filled column (M) of sheet Firewall Rules');
    expect((await call('sourceColumns', { id })).given).toBeNull();
  });
});
