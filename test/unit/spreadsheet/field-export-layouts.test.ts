import { describe, expect, it } from 'vitest';
import { importRuleSpreadsheet, normaliseHeader, type RuleColumnMapping } from '../../../src-main/core/spreadsheet/index';
import { csvText, type Cell } from '../../fixtures/spreadsheets/workbook-builder';
import { matchText, mayMatchText, messages } from './helpers';

/**
 * Layouts of rule exports field engineers receive beyond the checked-in fixtures: PAN-OS CSV
 * tools, ASDM, Cisco FMC, Junos Space and hand-made review sheets, for a WFOS site like the demo
 * (servers 10.10.20.11 and 10.10.20.12, AES 10.40.0.10, agents 10.30.0.0/16).
 */
function read(rows: Cell[][], file = 'export.csv') {
  const { firewall, mappings } = importRuleSpreadsheet(Buffer.from(csvText(rows)), file);
  const mapping = mappings.find((item): item is RuleColumnMapping => item.kind === 'rules')!;
  return { rules: firewall.ruleLists[0]!.rules, diagnostics: firewall.diagnostics, mapping };
}

const service = (...cells: string[]) => read([['Name', 'Source', 'Destination', 'Service', 'Action'], ...cells.map((cell, index) => [`r${index + 1}`, '10.10.20.11', '10.40.0.10', cell, 'allow'])]);

describe('headers written in camel case, as PAN-OS CSV tools write them', () => {
  it('splits joined words and keeps acronyms whole', () => {
    expect(['SourceAddresses', 'NegateSource', 'IPAddress', 'IPv4 Address', 'URLs', 'HipProfiles'].map(normaliseHeader)).toEqual([
      'source addresses',
      'negate source',
      'ip address',
      'ipv4 address',
      'urls',
      'hip profiles',
    ]);
  });

  it('reads a SourceAddresses / NegateSource / Disabled sheet instead of refusing it', () => {
    const { rules, mapping } = read([
      ['Name', 'SourceZones', 'SourceAddresses', 'NegateSource', 'DestinationZones', 'DestinationAddresses', 'Services', 'Action', 'Disabled'],
      ['wfos-cti', 'servers', '10.10.20.11', 'no', 'avaya', '10.40.0.10', 'tcp/450', 'allow', 'no'],
      ['not-agents', 'agents', '10.30.0.0/16', 'yes', 'servers', '10.10.20.12', 'tcp/443', 'deny', 'no'],
      ['old-web', 'agents', '10.30.0.0/16', 'no', 'servers', '10.10.20.12', 'tcp/80', 'allow', 'yes'],
    ]);
    expect(mapping.fields.source).toMatchObject({ letter: 'C', header: 'SourceAddresses' });
    expect(mapping.fields.negateSource).toMatchObject({ letter: 'D' });
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450']);
    expect(rules[1]!.negated.sources).toBe(true);
    expect(rules.map((rule) => rule.enabled)).toEqual([true, true, false]);
  });
});

describe('an ASDM access-rule export', () => {
  const asdm = () =>
    read(
      [
        ['#', 'Enabled', 'Source', 'User', 'Destination', 'Service', 'Action', 'Hits', 'Description'],
        ['inside (2 incoming rules)'],
        [1, 'true', '10.10.20.11', '', '10.40.0.10', 'tcp/https', 'Permit', 0, 'CTI'],
        [2, 'true', 'any4', '', 'any4', 'ip', 'Deny', 0, ''],
        ['outside (1 incoming rules)'],
        [1, 'true', '10.30.0.0/16', '', '10.10.20.12', 'tcp/1050-1065', 'Permit', 0, 'agents'],
      ],
      'asdm.csv',
    );

  it('keeps row order when the # column starts again at 1 in each interface section, and says so', () => {
    const { rules, diagnostics } = asdm();
    expect(rules.map((rule) => rule.ref.row)).toEqual([3, 4, 6]);
    expect(messages(diagnostics, 'warning')).toContain('asdm: the # column numbers more than one rule 1, so it does not give one order: rules are evaluated in the order of the rows');
  });

  it('reads "tcp/https" as TCP 443 and any4 as every IPv4 address only', () => {
    const { rules, diagnostics } = asdm();
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 443']);
    expect(matchText(rules[1]!)).toEqual(['ip any4 -> any4']);
    expect(messages(diagnostics, 'error')).toEqual([]);
  });

  it('says at the cell when a protocol/name pair cannot be read exactly', () => {
    const { rules, diagnostics } = service('udp/radius', 'udp/https', 'udp/snmp');
    expect(messages(diagnostics, 'error')).toEqual([
      'export!D2: "udp/radius": the port of radius depends on the vendor (1812 by IANA, 1645 on a Cisco ASA); write the port number',
      'export!D3: "udp/https": https is not a udp service',
    ]);
    expect(rules[0]!.match).toEqual([]);
    expect(rules[0]!.unresolved[0]).toMatchObject({ kind: 'unknown-port', name: 'udp/radius' });
    expect(mayMatchText(rules[0]!)).toEqual(['udp 10.10.20.11 -> 10.40.0.10']);
    expect(matchText(rules[2]!)).toEqual(['udp 10.10.20.11 -> 10.40.0.10 161']);
  });
});

describe('a Cisco FMC access-control export', () => {
  const fmc = () =>
    read(
      [
        ['Name', 'Action', 'Enabled', 'Source Zones', 'Destination Zones', 'Source Networks', 'Destination Networks', 'VLAN Tags', 'Users', 'Applications', 'Source Ports', 'Destination Ports', 'URLs'],
        ['wfos-cti', 'Trust', 'true', 'servers', 'avaya', '10.10.20.11', '10.40.0.10', 'Any', 'Any', 'Any', 'Any', 'TCP (6):450', 'Any'],
        ['wfos-cti-range', 'Allow', 'true', 'servers', 'avaya', '10.10.20.11', '10.40.0.10', 'Any', 'Any', 'Any', 'Any', 'TCP (6):1050-1065', 'Any'],
        ['agents-crm', 'Allow', 'true', 'agents', 'outside', '10.30.0.0/16', 'any', 'Any', 'Any', 'Any', 'Any', 'HTTPS', 'crm.example.com'],
        ['block-rest', 'Block with reset', 'true', 'any', 'any', 'any', 'any', 'Any', 'Any', 'Any', 'Any', 'Any', 'Any'],
      ],
      'fmc.csv',
    );

  it('reads "TCP (6):450" ports and the Trust and Block with reset actions', () => {
    const { rules, diagnostics } = fmc();
    expect(rules.map((rule) => rule.action)).toEqual(['permit', 'permit', 'permit', 'deny']);
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450']);
    expect(matchText(rules[1]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 1050-1065']);
    expect(messages(diagnostics, 'error')).toEqual([]);
  });

  it('does not take a column of "Any" VLAN tags for the protocol, and makes a URL-limited rule conditional', () => {
    const { rules, mapping } = fmc();
    expect(mapping.fields.protocol).toBeUndefined();
    expect(mapping.conditions.map((item) => item.header)).toEqual(['VLAN Tags', 'Users', 'Source Ports', 'URLs']);
    expect(rules[2]!.match).toEqual([]);
    expect(rules[2]!.unresolved).toContainEqual(expect.objectContaining({ kind: 'unsupported', name: 'crm.example.com' }));
  });
});

describe('a Junos Space policy export', () => {
  it('finds Src. Address and Dst. Address, reads junos- applications and any-ipv4', () => {
    const { rules, mapping, diagnostics } = read([
      ['Seq', 'Rule Name', 'Src. Zone', 'Src. Address', 'Dst. Zone', 'Dst. Address', 'Service', 'Action'],
      [1, 'wfos-web', 'agents', '10.30.0.0/16', 'servers', '10.10.20.12', 'junos-https', 'permit'],
      [2, 'wfos-dns', 'servers', '10.10.20.11', 'dc', 'any-ipv4', 'junos-dns-udp', 'permit'],
    ]);
    expect(mapping.fields.source).toMatchObject({ letter: 'D' });
    expect(mapping.fields.destination).toMatchObject({ letter: 'F' });
    expect(matchText(rules[0]!)).toEqual(['tcp 10.30.0.0/16 -> 10.10.20.12 443']);
    expect(matchText(rules[1]!)).toEqual(['udp 10.10.20.11 -> any4 53']);
    expect(messages(diagnostics, 'error')).toEqual([]);
  });
});

describe('a hand-made firewall review sheet', () => {
  it('reads colon port ranges, last-octet address ranges and a Dest. IP column', () => {
    const { rules, mapping, diagnostics } = read([
      ['Source IP', 'Dest. IP', 'Port(s)', 'Protocol', 'Action', 'Comment'],
      ['10.10.20.11', '10.40.0.10', '1050:1065', 'TCP', 'Allow', 'TSAPI'],
      ['10.30.0.10-99', '10.10.20.12', '8443', 'TCP', 'Allow', 'screen capture'],
      ['10.10.20.12', '10.40.0.10', 'tcp:4721:4722', '', 'Allow', 'DMCC'],
    ]);
    expect(mapping.fields.destination).toMatchObject({ letter: 'B', confidence: 0.95 });
    expect(rules.map(matchText)).toEqual([['tcp 10.10.20.11 -> 10.40.0.10 1050-1065'], ['tcp 10.30.0.10-10.30.0.99 -> 10.10.20.12 8443'], ['tcp 10.10.20.12 -> 10.40.0.10 4721-4722']]);
    expect(messages(diagnostics, 'error')).toEqual([]);
  });
});

describe('a PAN-OS web interface CSV export with rule usage columns', () => {
  it('does not take the hit counts for a protocol column', () => {
    const { rules, mapping, diagnostics } = read([
      ['', 'Name', 'Source Zone', 'Source Address', 'Destination Zone', 'Destination Address', 'Application', 'Service', 'Action', 'Rule Usage Hit Count'],
      [1, 'wfos-cti', 'servers', '10.10.20.11', 'avaya', '10.40.0.10', 'any', 'tcp-450', 'allow', 12],
      [2, 'wfos-dmcc', 'servers', '10.10.20.11', 'avaya', '10.40.0.10', 'any', '4721-4722', 'allow', 0],
    ]);
    expect(mapping.fields.protocol).toBeUndefined();
    expect(mapping.ignored.map((item) => item.header)).toContain('Rule Usage Hit Count');
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450']);
    // Ports without a protocol stay uncertain rather than being read over protocol 0 or 12.
    expect(rules[1]!.match).toEqual([]);
    expect(messages(diagnostics, 'error')).toEqual([]);
  });
});
