import { describe, expect, it } from 'vitest';
import { importRuleSpreadsheet } from '../../../src-main/core/spreadsheet/index';
import { csvText, type Cell } from '../../fixtures/spreadsheets/workbook-builder';
import { matchText, mayMatchText, messages } from './helpers';

/** One rule per row of a small export, as `wfos-audit parse` would read it. */
function readRows(rows: Cell[][], header: Cell[] = ['Name', 'Source', 'Destination', 'Service', 'Action']) {
  const { firewall } = importRuleSpreadsheet(Buffer.from(csvText([header, ...rows])), 'cells.csv');
  return { rules: firewall.ruleLists[0]!.rules, diagnostics: firewall.diagnostics };
}

const service = (...cells: string[]) => readRows(cells.map((cell, index) => [`r${index + 1}`, '10.10.20.11', '10.40.0.10', cell, 'allow']));

describe('service cells as people write them', () => {
  it('reads protocol and port in every order and separator', () => {
    const { rules } = service('tcp/443', 'TCP 443', '443/tcp', 'udp:161', 'tcp_1050-1065', 'TCP-4721-4722', 'tcp/udp 53');
    expect(rules.map((rule) => matchText(rule)[0])).toEqual([
      'tcp 10.10.20.11 -> 10.40.0.10 443',
      'tcp 10.10.20.11 -> 10.40.0.10 443',
      'tcp 10.10.20.11 -> 10.40.0.10 443',
      'udp 10.10.20.11 -> 10.40.0.10 161',
      'tcp 10.10.20.11 -> 10.40.0.10 1050-1065',
      'tcp 10.10.20.11 -> 10.40.0.10 4721-4722',
      'tcp,udp 10.10.20.11 -> 10.40.0.10 53',
    ]);
  });

  it('reads FortiGate\'s DESTINATION:SOURCE ports; two single ports around a colon are a range, except in a FortiGate export', () => {
    const { rules } = service('tcp/443:1024-65535', 'TCP/8080-8090:1-65535', 'tcp/1050:1065', 'udp/53:53');
    expect(rules.map((rule) => matchText(rule)[0])).toEqual([
      'tcp 10.10.20.11:1024-65535 -> 10.40.0.10 443',
      'tcp 10.10.20.11:1-65535 -> 10.40.0.10 8080-8090',
      'tcp 10.10.20.11 -> 10.40.0.10 1050-1065',
      'udp 10.10.20.11 -> 10.40.0.10 53',
    ]);
    const fortiGate = readRows(
      [['1', 'servers', 'dns', '10.10.20.11', '10.40.0.10', 'always', 'udp/53:53', 'ACCEPT', 'disable']],
      ['ID', 'From', 'To', 'Source', 'Destination', 'Schedule', 'Service', 'Action', 'NAT'],
    );
    expect(matchText(fortiGate.rules[0]!)).toEqual(['udp 10.10.20.11:53 -> 10.40.0.10 53']);
  });

  it('reads two protocol/port items on two lines of one cell, and a protocol carried to later ports', () => {
    const { rules } = service('tcp/450\ntcp/4721-4722', 'TCP 80, 443');
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450,4721-4722']);
    expect(matchText(rules[1]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 80,443']);
  });

  it('reads any, a bare protocol as all its ports, and service names', () => {
    const { rules } = service('any', 'ANY', '*', 'all', 'udp', 'https', 'ssh', 'snmp', 'rdp', 'ms-sql-s', 'ldap', 'service-http');
    expect(rules.slice(0, 4).map((rule) => matchText(rule)[0])).toEqual(Array(4).fill('ip 10.10.20.11 -> 10.40.0.10'));
    expect(rules.slice(4).map((rule) => matchText(rule)[0])).toEqual([
      'udp 10.10.20.11 -> 10.40.0.10',
      'tcp 10.10.20.11 -> 10.40.0.10 443',
      'tcp 10.10.20.11 -> 10.40.0.10 22',
      'udp 10.10.20.11 -> 10.40.0.10 161',
      'tcp 10.10.20.11 -> 10.40.0.10 3389',
      'tcp 10.10.20.11 -> 10.40.0.10 1433',
      'tcp 10.10.20.11 -> 10.40.0.10 389',
      'tcp 10.10.20.11 -> 10.40.0.10 80,8080',
    ]);
  });

  it('reads 443/80 and "9285, 9590" as port lists, and 1050-1065 as a range, with the Protocol column', () => {
    const { rules } = readRows(
      [
        ['a', '10.10.20.12', '10.40.0.50', '443/80', 'allow', 'TCP'],
        ['b', '10.10.20.12', '10.40.0.50', '9285, 9590', 'allow', 'TCP'],
        ['c', '10.10.20.12', '10.40.0.50', '1050 - 1065', 'allow', 'tcp'],
        ['d', '10.10.20.12', '10.40.0.50', '', 'allow', 'UDP'],
      ],
      ['Name', 'Source', 'Destination', 'Port', 'Action', 'Protocol'],
    );
    expect(rules.map((rule) => matchText(rule)[0])).toEqual([
      'tcp 10.10.20.12 -> 10.40.0.50 80,443',
      'tcp 10.10.20.12 -> 10.40.0.50 9285,9590',
      'tcp 10.10.20.12 -> 10.40.0.50 1050-1065',
      'udp 10.10.20.12 -> 10.40.0.50',
    ]);
  });

  it('leaves ports with no protocol anywhere uncertain rather than guessing TCP', () => {
    const { rules, diagnostics } = service('443/80');
    expect(rules[0]!.match).toEqual([]);
    expect(mayMatchText(rules[0]!)).toEqual(['tcp,udp,sctp 10.10.20.11 -> 10.40.0.10 80,443']);
    expect(messages(diagnostics, 'warning')).toEqual(['cells!D2: 443/80 is written without a protocol and the sheet has no Protocol column: TCP or UDP is not known']);
  });

  it('names the cell of a port that is not one, in the words of the port reader', () => {
    const { rules, diagnostics } = service('4435-', 'tcp/70000', 'tcp/2000-1000', 'frobnicate');
    expect(messages(diagnostics, 'error')).toEqual([
      'cells!D2: "4435-" is not a port or range',
      'cells!D3: "70000" is outside the port range 0-65535',
      'cells!D4: "2000-1000" is a reversed range',
      'cells!D5: "frobnicate" is not a port, protocol or known service, and no service object of that name is defined',
    ]);
    expect(rules.every((rule) => rule.match.length === 0 && rule.mayMatch !== undefined)).toBe(true);
  });
});

describe('address cells as people write them', () => {
  const addresses = (...cells: string[]) => readRows(cells.map((cell, index) => [`r${index + 1}`, cell, 'any', 'tcp/443', 'allow']));

  it('reads CIDRs, masks, ranges, IPv6, any and several per cell', () => {
    const { rules } = addresses('10.0.0.0/24', '10.0.0.0 255.255.255.0', '10.0.0.0/255.255.255.0', '10.0.0.1-10.0.0.9', '10.0.0.1 - 10.0.0.9', '2001:db8::/64', 'any', '10.0.0.1\n10.0.0.2; 10.0.0.3, 10.0.0.4', '10.10.20.11 (rec01)');
    expect(rules.map((rule) => rule.match[0]!.sources.toString())).toEqual([
      '10.0.0.0/24',
      '10.0.0.0/24',
      '10.0.0.0/24',
      '10.0.0.1-10.0.0.9',
      '10.0.0.1-10.0.0.9',
      '2001:db8::/64',
      'any',
      '10.0.0.1-10.0.0.4',
      '10.10.20.11',
    ]);
  });

  it('reads negation markers on the whole cell', () => {
    const { rules } = addresses('!10.0.0.0/8', 'not 10.0.0.0/8', 'Negated: 10.0.0.0/8', '10.0.0.0/8 (negated)');
    for (const rule of rules) {
      expect(rule.negated.sources).toBe(true);
      expect(rule.match[0]!.sources.toString()).toBe('0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255,any6');
    }
  });

  it('marks an FQDN unresolved (kind fqdn), an unknown name undefined, a bad address an error at its cell', () => {
    const { rules, diagnostics } = addresses('crm.example.com', 'WFOS-APP01', '10.0.0.300', '10.0.0.0 0.0.0.255');
    expect(rules[0]!.unresolved).toEqual([expect.objectContaining({ kind: 'fqdn', name: 'crm.example.com' })]);
    expect(messages(diagnostics, 'error')).toEqual([
      'cells!B3: "WFOS-APP01" is not an address and no object of that name is defined',
      'cells!B4: "10.0.0.300" is not an IPv4 or IPv6 address',
      'cells!B5: "0.0.0.255" in "10.0.0.0 0.0.0.255" is not a contiguous subnet mask',
    ]);
    expect(rules[1]!.unresolved[0]).toMatchObject({ kind: 'undefined-reference', name: 'WFOS-APP01' });
  });
});

describe('rule columns', () => {
  it('reads actions, status and a [Disabled] name the way exports write them', () => {
    const { rules, diagnostics } = readRows(
      [
        ['a', 'any', 'any', 'any', 'Accept', 'enabled'],
        ['b', 'any', 'any', 'any', 'DROP', 'disable'],
        ['[Disabled] c', 'any', 'any', 'any', 'reject', 'yes'],
        ['d', 'any', 'any', 'any', 'block', 'maybe'],
        ['e', 'any', 'any', 'any', 'pass', ''],
      ],
      ['Name', 'Source', 'Destination', 'Service', 'Action', 'Status'],
    );
    expect(rules.map((rule) => [rule.name, rule.action, rule.enabled])).toEqual([
      ['a', 'permit', true],
      ['b', 'deny', false],
      ['c', 'deny', false],
      ['d', 'deny', true],
      ['e', 'permit', true],
    ]);
    expect(messages(diagnostics, 'error')).toEqual(['cells!F5: "maybe" does not say whether the rule is enabled']);
  });

  it('reads a sheet without an Action column as permits, and says so', () => {
    const { rules, diagnostics } = readRows([['a', '10.0.0.1', '10.0.0.2', 'tcp/22']], ['Name', 'Source', 'Destination', 'Service']);
    expect(rules[0]!.action).toBe('permit');
    expect(messages(diagnostics, 'warning')).toContain('cells: no Action column: every rule is read as a permit');
  });

  it('orders by a No. column, but not by an ID column', () => {
    const numbered = readRows([[2, 'b', 'any', 'any', 'any', 'deny'], [1, 'a', 'any', 'any', 'any', 'allow']], ['No.', 'Name', 'Source', 'Destination', 'Service', 'Action']);
    expect(numbered.rules.map((rule) => rule.name)).toEqual(['a', 'b']);
    const identified = readRows([[2, 'b', 'any', 'any', 'any', 'deny'], [1, 'a', 'any', 'any', 'any', 'allow']], ['Policy ID', 'Name', 'Source', 'Destination', 'Service', 'Action']);
    expect(identified.rules.map((rule) => rule.name)).toEqual(['b', 'a']);
  });
});
