import { describe, expect, it } from 'vitest';
import { importRuleSpreadsheet, readSpreadsheetGrid } from '../../../src-main/core/spreadsheet/index';
import { importFixture, matchText, messages } from './helpers';

const EXPECTED_RULES = [
  ['tcp 10.10.20.11 -> 10.40.0.10 450,4721-4722'],
  ['tcp 10.30.0.0/16 -> 10.10.20.12 443'],
  ['udp 10.10.20.12 -> 10.50.0.20 161'],
  ['ip any -> any'],
];

describe('CSV exports in every encoding and delimiter a spreadsheet program writes', () => {
  it.each([
    ['semicolon-bom.csv', 'utf-8 with BOM', '";"'],
    ['unicode-text.txt', 'utf-16le', 'tab'],
    ['utf16be.csv', 'utf-16be', '","'],
    ['windows-1252.csv', 'windows-1252', '","'],
    ['pipe.csv', 'utf-8', '"|"'],
  ])('%s reads as %s separated by %s, with the same four rules', (file, encoding, separator) => {
    const { firewall } = importFixture(file);
    expect(messages(firewall.diagnostics, 'info')[0]).toMatch(new RegExp(`: read as ${encoding} text separated by ${separator.replace('|', '\\|')}$`));
    const rules = firewall.ruleLists[0]!.rules;
    expect(rules.map(matchText)).toEqual(EXPECTED_RULES);
    expect(rules[0]!.comment).toBe('CTI; TSAPI, DMCC');
    expect(rules[1]!.comment).toBe('Caméra "live" view – agents');
    expect(firewall.stats).toEqual({ lines: 5, blank: 0, understood: 5, ignored: 0, notUnderstood: 0 });
    expect(messages(firewall.diagnostics, 'error')).toEqual([]);
  });

  it('keeps delimiters, quotes and line breaks inside quoted fields, with CRLF, LF or CR line ends', () => {
    const text = 'Name;Source;Destination;Service;Action\r\n"a;b";10.0.0.1;10.0.0.2;"tcp/450\r\ntcp/4721";allow\r"say ""hi""";10.0.0.1;10.0.0.2;tcp/22;allow\n';
    const [sheet] = readSpreadsheetGrid(Buffer.from(text), 'quoted.csv').sheets;
    expect(sheet!.rows).toEqual([
      ['Name', 'Source', 'Destination', 'Service', 'Action'],
      ['a;b', '10.0.0.1', '10.0.0.2', 'tcp/450\r\ntcp/4721', 'allow'],
      ['say "hi"', '10.0.0.1', '10.0.0.2', 'tcp/22', 'allow'],
    ]);
    const { firewall } = importRuleSpreadsheet(Buffer.from(text), 'quoted.csv');
    expect(firewall.ruleLists[0]!.rules.map((rule) => rule.name)).toEqual(['a;b', 'say "hi"']);
    expect(matchText(firewall.ruleLists[0]!.rules[0]!)).toEqual(['tcp 10.0.0.1 -> 10.0.0.2 450,4721']);
  });

  it('honours Excel\'s sep= line and does not count commas inside quotes when sniffing', () => {
    const declared = readSpreadsheetGrid(Buffer.from('sep=;\nName;Source\nx,y;10.0.0.1\n'), 'sep.csv').sheets[0]!;
    expect(declared.rows).toEqual([['Name', 'Source'], ['x,y', '10.0.0.1']]);
    const quoted = readSpreadsheetGrid(Buffer.from('Name;Comment\n"a, b, c";"d, e"\n"f, g";h\n'), 'q.csv').sheets[0]!;
    expect(quoted.rows).toEqual([['Name', 'Comment'], ['a, b, c', 'd, e'], ['f, g', 'h']]);
  });
});
