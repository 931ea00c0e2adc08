import { describe, expect, it } from 'vitest';
import { loadEmbeddedMatrix } from '../../../src-main/core/matrix/index';
import type { SiteDraft } from '../../../src-main/core/project/project-schema';
import { readRoleList } from '../../../src-main/core/project/role-list';
import { mergeRoleList, sameRoleIn } from '../../../src-main/core/project/role-list-merge';
import { SpreadsheetError } from '../../../src-main/core/spreadsheet/index';
import { workbookBytes } from '../../fixtures/spreadsheets/workbook-builder';

const matrix = loadEmbeddedMatrix();
const csv = (text: string) => Buffer.from(text, 'utf8');

describe('reading a server list', () => {
  it('finds the role and address columns under a title block and joins rows of one role', () => {
    const bytes = workbookBytes([
      { name: 'Cover', rows: [['Acme server inventory'], ['no table here']] },
      {
        name: 'Servers',
        rows: [
          ['Acme Corp — WFOS servers'],
          [],
          ['Hostname', 'WFOS Role', 'IP Address', 'Deployed'],
          ['wfos-app01', 'Recorder', '10.10.20.11', 'yes'],
          ['wfos-app02', 'recorder', '10.10.20.21', 'yes'],
          ['wfos-web01', 'Web', '10.10.20.12\n10.10.20.13', ''],
          ['sql01', 'SQL Server', '10.10.30.15', 'Yes'],
          ['', 'Analytics', '', 'No'],
          ['mystery', 'Coffee Machine', '10.9.9.9', 'yes'],
          ['web02', 'Apache', '', 'yes'],
        ],
      },
    ]);
    const list = readRoleList(bytes, 'inventory.xlsx', matrix);
    expect(list.sheet).toBe('Servers');
    expect(list.rowsRead).toBe(7);
    expect(list.roles).toEqual([
      { role: 'Recorder', addresses: '10.10.20.11, 10.10.20.21' },
      { role: 'Web', addresses: '10.10.20.12, 10.10.20.13' },
      { role: 'SQL Server', addresses: '10.10.30.15' },
    ]);
    expect(list.notDeployed).toEqual(['Analytics']);
    expect(list.problems).toEqual([
      'Servers!B9: "Coffee Machine" is not a role of the matrix; skipped',
      'Servers!C10: Apache has no address on this row; skipped',
    ]);
  });

  it('reads a headerless two-column CSV whose first cell is a role, aliases included', () => {
    const list = readRoleList(csv('MediaManager;10.10.20.11\nBrowser;10.30.0.0/16, 10.31.0.0/16\n'), 'roles.csv', matrix);
    expect(list.roles).toEqual([
      { role: 'Media Manager', addresses: '10.10.20.11' },
      { role: 'Browser', addresses: '10.30.0.0/16, 10.31.0.0/16' },
    ]);
    expect(list.problems).toEqual([]);
  });

  it('refuses a file with no role list in it, naming the file and what to give', () => {
    expect(() => readRoleList(csv('Source,Destination,Service\n10.1.1.1,10.2.2.2,tcp/443\n'), 'rules.csv', matrix)).toThrow(SpreadsheetError);
    expect(() => readRoleList(csv('Source,Destination,Service\n'), 'rules.csv', matrix)).toThrow(/rules\.csv: no sheet has a role column and an address column/);
  });

  it('refuses a role list larger than a site can hold rather than cutting it', () => {
    const hosts = Array.from({ length: 2000 }, (_, index) => `Recorder,10.${Math.floor(index / 250)}.${index % 250}.1`).join('\n');
    expect(() => readRoleList(csv(`Role,Address\n${hosts}\n`), 'big.csv', matrix)).toThrow(/Recorder has .* characters of addresses/);
  });
});

describe('merging a server list into the Site screen', () => {
  const site: SiteDraft = {
    customer: 'Acme',
    site: 'Dallas',
    auditor: '',
    matrix: matrix.id,
    roles: [
      { role: 'MediaManager', addresses: '10.0.0.1' },
      { role: 'Web', addresses: '10.0.0.2' },
      { role: '', addresses: '' },
    ],
    notDeployed: ['Analytics', 'Recorder'],
    ephemeralPorts: '1024-65535',
  };

  it('replaces the addresses of roles the list names, keeps the others, and clears their "not deployed"', () => {
    const merged = mergeRoleList(
      site,
      { roles: [{ role: 'Media Manager', addresses: '10.10.20.11' }, { role: 'Recorder', addresses: '10.10.20.11' }], notDeployed: ['Email Server', 'Analytics'] },
      sameRoleIn(matrix),
    );
    expect(merged.roles).toEqual([
      { role: 'MediaManager', addresses: '10.10.20.11' },
      { role: 'Web', addresses: '10.0.0.2' },
      { role: 'Recorder', addresses: '10.10.20.11' },
    ]);
    expect(merged.notDeployed).toEqual(['Analytics', 'Email Server']);
    expect(merged.customer).toBe('Acme');
  });
});

describe('a Deployed column', () => {
  it('reads "N/A" as not deployed, like "no"', () => {
    const list = readRoleList(csv('Role,Address,Deployed\nAnalytics,,N/A\nEmail Server,,No\nWeb,10.10.20.12,yes\n'), 'roles.csv', matrix);
    expect(list.notDeployed).toEqual(['Analytics', 'Email Server']);
    expect(list.roles).toEqual([{ role: 'Web', addresses: '10.10.20.12' }]);
  });
});
