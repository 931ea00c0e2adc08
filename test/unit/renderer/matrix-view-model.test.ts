import { describe, expect, it } from 'vitest';
import { loadEmbeddedMatrix } from '../../../src-main/core/matrix/index';
import { filterableRoles, filterRows, groupRowsByComponent, parsePortFilter } from '../../../src-renderer/lib/matrix-view-model';

const matrix = loadEmbeddedMatrix();
const rowsMatching = (filter: Partial<{ role: string; port: string; text: string }>) =>
  matrix.rows.filter(filterRows(matrix, { role: '', port: '', text: '', ...filter })).map((row) => row.row);

describe('the matrix screen model', () => {
  it('groups every row once, by WFOS component, in the document\'s component order', () => {
    const groups = groupRowsByComponent(matrix);
    expect(groups.flatMap((group) => group.rows.map((row) => row.row)).sort((a, b) => a - b)).toEqual(matrix.rows.map((row) => row.row));
    expect(groups.map((group) => group.component)).toEqual([
      'Recorder', 'Media Manager', 'CTI Adapter', 'Oceana Adapter', 'Unified Messaging', 'Web', 'SysAdmin', 'Apache', 'Speech Middleware', 'All Components',
    ]);
    const byName = Object.fromEntries(groups.map((group) => [group.component, group.rows.map((row) => row.row)]));
    expect(byName['Recorder']).toEqual([1, 3, 5, 31]);
    expect(byName['Apache']).toContain(21); // Browser -> Apache groups under the component it reaches
    expect(byName['CTI Adapter']).toEqual(expect.arrayContaining([38, 39, 40])); // SIP and DMCC adapters are CTI adapter variants
    expect(byName['All Components']).toEqual([23, 24]);
  });

  it('filters by port, including ranges that overlap a row\'s range', () => {
    expect(rowsMatching({ port: '443' })).toEqual([9, 10, 11, 12, 16, 20, 21]);
    expect(rowsMatching({ port: '1060' })).toEqual([27]);
    expect(rowsMatching({ port: '32000-40000' })).toEqual(expect.arrayContaining([1, 2, 39, 40]));
    expect(rowsMatching({ port: '4435-' })).toEqual([]);
    expect(parsePortFilter('70000')).toBeUndefined();
    expect(parsePortFilter(' 80 - 90 ')).toEqual([80, 90]);
  });

  it('filters by role, through variants and All Components', () => {
    expect(rowsMatching({ role: 'AES Server' })).toEqual([27]);
    expect(rowsMatching({ role: 'Recorder' })).toEqual([1, 2, 3, 4, 5, 6, 23, 24, 31]);
    expect(rowsMatching({ role: 'SBC/IPOffice' })).toEqual([38, 39]);
  });

  it('filters by text across every cell, case-insensitively', () => {
    expect(rowsMatching({ text: 'snmp' })).toEqual([25]);
    expect(rowsMatching({ text: 'mediamanager' })).toEqual([15, 30]);
    expect(rowsMatching({ text: 'oceana', port: '61617' })).toEqual([10, 11]);
  });

  it('offers the roles that appear in the table, components first', () => {
    const roles = filterableRoles(matrix);
    expect(roles[0]!.kind).toBe('component');
    expect(roles.map((role) => role.name)).toContain('Nuance Transcription Engine');
    expect(new Set(roles.map((role) => role.name)).size).toBe(roles.length);
  });
});
