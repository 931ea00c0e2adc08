import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatPortEntries, indexRoles, loadEmbeddedMatrix, portEntryRanges } from '../../../src-main/core/matrix/index';

const matrix = loadEmbeddedMatrix();

/** Reads a ports cell the way a person reads it: numbers and ranges split by spaces, commas or "/". */
function readPortsCell(text: string): (number | string)[] {
  return text
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map((token) => (/^\d+$/.test(token) ? Number(token) : token));
}

describe('the embedded WFOS 5.2.3 matrix', () => {
  it('has the 40 rows of Table 1, numbered 1-40 in document order', () => {
    expect(matrix.id).toBe('wfos-5.2.3');
    expect(matrix.rows).toHaveLength(40);
    expect(matrix.rows.map((row) => row.row)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
  });

  it('structured ports match each row\'s original ports text, in document order', () => {
    for (const row of matrix.rows) {
      expect(row.ports, `row ${row.row} "${row.portsText}"`).toEqual(readPortsCell(row.portsText));
    }
  });

  it('keeps the document\'s unusual port notations as lists', () => {
    const byRow = (n: number) => matrix.rows[n - 1]!;
    expect(byRow(12)).toMatchObject({ portsText: '443/80', ports: [443, 80] });
    expect(byRow(14)).toMatchObject({ portsText: '9285, 9590', ports: [9285, 9590] });
    expect(byRow(20)).toMatchObject({ portsText: '8443,443', ports: [8443, 443] });
    expect(byRow(27).ports).toEqual([450, '1050-1065', 4721, 4722]);
    expect(formatPortEntries(byRow(27).ports)).toBe('450,1050-1065,4721-4722');
    expect(byRow(12).notes.map((note) => note.code)).toContain('port-list-notation');
  });

  it('reads the transport from the protocol column, with SNMP on UDP and SIP on TCP only', () => {
    for (const row of matrix.rows) {
      const expected = /^(UDP|SNMP)/i.test(row.protocol) ? 'udp' : 'tcp';
      expect(row.transport, `row ${row.row} ${row.protocol}`).toBe(expected);
    }
    const snmp = matrix.rows[24]!;
    expect(snmp).toMatchObject({ protocol: 'SNMP', transport: 'udp', ports: [161] });
    expect(snmp.notes.map((note) => note.code)).toEqual(expect.arrayContaining(['transport-inferred', 'snmp-trap-port']));
    expect(snmp.notes.find((note) => note.code === 'snmp-trap-port')?.text).toContain('162/udp');
    const sip = matrix.rows[37]!;
    expect(sip).toMatchObject({ source: 'SBC/IPOffice', destination: 'SIPAdapter', transport: 'tcp', ports: [5060] });
    expect(sip.notes.map((note) => note.code)).toContain('sip-tcp-only');
    for (const rowNumber of [10, 11, 12, 16, 19, 21, 22, 24, 26]) {
      expect(matrix.rows[rowNumber - 1]!.notes.map((note) => note.code), `row ${rowNumber}`).toContain('transport-inferred');
    }
  });

  it('every source port is ephemeral and no port is marked configurable', () => {
    expect(new Set(matrix.rows.map((row) => row.sourcePorts))).toEqual(new Set(['ephemeral']));
    expect(matrix.rows.some((row) => row.configurable)).toBe(false);
    expect(matrix.headings.configurableMarker).toContain('(C)');
  });

  it('keeps the components of section 1 with their NICs', () => {
    expect(matrix.components.map((component) => component.name)).toEqual([
      'Recorder', 'Media Manager', 'CTI Adapters', 'Oceana Adapter', 'Unified Messaging', 'Web', 'SysAdmin', 'Apache', 'Speech Middleware',
    ]);
    expect(matrix.components[0]!.interfaces).toEqual(['VOICE NIC', 'DATA NIC']);
    expect(matrix.notes.map((note) => note.code)).toContain('diagram-missing');
  });

  it('resolves every row\'s systems, as written, to its canonical role', () => {
    const roles = indexRoles(matrix);
    for (const row of matrix.rows) {
      expect(roles.resolve(row.source)?.name, `row ${row.row} source`).toBe(row.sourceRole);
      expect(roles.resolve(row.destination)?.name, `row ${row.row} destination`).toBe(row.destinationRole);
    }
  });

  it('matches role names case-insensitively, ignoring spaces, and through aliases', () => {
    const roles = indexRoles(matrix);
    expect(roles.resolve('MediaManager')?.name).toBe('Media Manager');
    expect(roles.resolve('media   manager')?.name).toBe('Media Manager');
    expect(roles.resolve('Unified messaging')?.name).toBe('Unified Messaging');
    expect(roles.resolve('IPOffice/SBCE')?.name).toBe('SBC/IPOffice');
    expect(roles.resolve('SBC/IPOffice')?.name).toBe('SBC/IPOffice');
    expect(roles.resolve('AvayaAdapter(DMCC)')?.name).toBe('Avaya Adapter (DMCC)');
    expect(roles.resolve('NTE')?.name).toBe('Nuance Transcription Engine');
    expect(roles.resolve('Mainframe')).toBeUndefined();
  });

  it('expands All Components to every WFOS server component, variants included', () => {
    const roles = indexRoles(matrix);
    const members = roles.groupMembers('All Components');
    for (const name of ['Recorder', 'Media Manager', 'CTI Adapter', 'Oceana Adapter', 'Unified Messaging', 'Web', 'SysAdmin', 'Apache', 'Speech Middleware', 'Primary Recorder', 'Local Media Manager', 'SIP Adapter']) {
      expect(members).toContain(name);
    }
    for (const external of ['SQL Server', 'Browser', 'AES Server', 'Analytics']) expect(members).not.toContain(external);
    expect(roles.variantsOf('Recorder')).toEqual(['Primary Recorder', 'Secondary Recorder']);
    expect(roles.groupMembers('Recorder')).toEqual([]);
  });

  it('port ranges are well formed', () => {
    for (const row of matrix.rows) {
      for (const [low, high] of portEntryRanges(row.ports)) {
        expect(low).toBeGreaterThanOrEqual(1);
        expect(high).toBeLessThanOrEqual(65535);
        expect(low).toBeLessThanOrEqual(high);
      }
    }
  });
});

// The vendor's document sits beside the repository where the project is developed and in CI;
// when it does, every cell of the data is compared with the table as the document prints it.
const seedPath = fileURLToPath(new URL('../../../../shared/seeds/000_2b4b67945b36f2be.txt', import.meta.url));

describe.runIf(existsSync(seedPath))('the matrix against the source document', () => {
  it('has one row per table line, with every cell as written', () => {
    const tableLines = readFileSync(seedPath, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.split('\t'))
      .filter((cells) => cells.length === 8 && cells[1] === 'Ephemeral');
    expect(tableLines).toHaveLength(matrix.rows.length);
    tableLines.forEach(([source, , destination, ports, protocol, optional, state, description], index) => {
      const row = matrix.rows[index]!;
      expect({
        source: row.source,
        destination: row.destination,
        portsText: row.portsText,
        protocol: row.protocol,
        optionalText: row.optionalText,
        defaultState: row.defaultState,
        description: row.description,
      }, `row ${row.row}`).toEqual({
        source,
        destination,
        portsText: ports,
        protocol,
        optionalText: optional,
        defaultState: state!.toLowerCase(),
        description,
      });
      expect(row.optional).toBe(optional!.toLowerCase() === 'yes');
    });
  });
});
