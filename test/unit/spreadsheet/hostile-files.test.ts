import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, importRuleSpreadsheet, SpreadsheetError } from '../../../src-main/core/spreadsheet/index';
import { workbookBytes } from '../../fixtures/spreadsheets/workbook-builder';
import { writeHostileFixture, type HOSTILE_FIXTURES } from '../../fixtures/spreadsheets/generate';
import { importFixture, matchText, messages } from './helpers';

let dir: string;
const refusal = (name: keyof typeof HOSTILE_FIXTURES): string => {
  const bytes = readFileSync(writeHostileFixture(dir, name));
  try {
    importRuleSpreadsheet(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(SpreadsheetError);
    return (error as Error).message;
  }
  throw new Error(`${name} was not refused`);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfos-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files past the limits are refused with the limit and the actual named', () => {
  it('a file over 32 MiB', () => {
    expect(refusal('oversized.csv')).toBe('oversized.csv: 33,554,433 bytes, more than the limit of 33,554,432 bytes; refused');
  });

  it('more than 200,000 rows', () => {
    expect(refusal('too-many-rows.csv')).toBe('too-many-rows.csv: 200,001 rows, more than the limit of 200,000 rows; refused');
  });

  it('more than 5,000,000 cells', () => {
    expect(refusal('too-many-cells.csv')).toBe('too-many-cells.csv: 5,000,001 cells, more than the limit of 5,000,000 cells; refused');
  });

  it('more than 100 sheets, counted before the workbook is parsed', () => {
    expect(refusal('too-many-sheets.xlsx')).toBe('too-many-sheets.xlsx: 101 sheets, more than the limit of 100 sheets; refused');
  });
});

describe('zip bombs are refused before SheetJS unpacks them', () => {
  it('an entry that unpacks thousands of times its packed size', () => {
    expect(refusal('zip-bomb.xlsx')).toBe('zip-bomb.xlsx: xl/worksheets/sheet1.xml unpacks 1029 times its packed size (limit 200): a zip bomb, refused');
  });

  it('an entry that declares a small size and unpacks to far more', () => {
    expect(refusal('lying-zip-bomb.xlsx')).toBe('lying-zip-bomb.xlsx: not a usable xlsx (xl/worksheets/sheet1.xml unpacks to more than the 2048 bytes it declares: a zip bomb, refused)');
  });

  it('the same written the streaming way, with no local sizes', () => {
    expect(refusal('streamed-zip-bomb.xlsx')).toBe('streamed-zip-bomb.xlsx: not a usable xlsx (xl/worksheets/sheet1.xml unpacks to more than the 2048 bytes it declares: a zip bomb, refused)');
  });
});

describe('content that is not a spreadsheet', () => {
  it('binary junk under a spreadsheet name', () => {
    expect(refusal('junk.xls')).toBe('junk.xls: neither a workbook (.xlsx, .xls) nor delimited text (.csv)');
  });

  it('an HTML page saved as .xls', () => {
    expect(() => importRuleSpreadsheet(Buffer.from('<html><table><tr><td>Source</td></tr></table></html>'), 'export.xls')).toThrow(
      'export.xls: looks like HTML or XML saved under a spreadsheet name; open it in the spreadsheet program and save it as .xlsx or .csv',
    );
  });
});

describe('a workbook written to pollute prototypes', () => {
  it('leaves Object.prototype alone and treats __proto__, constructor and prototype as plain names', () => {
    const { firewall, mappings } = importFixture('prototype-pollution.xlsx');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
    const objects = new Map(firewall.objects.networks.map((object) => [object.name, object.addresses.toString()]));
    expect(objects.get('__proto__')).toBe('10.30.0.1');
    expect(objects.get('constructor')).toBe('10.10.20.12');
    expect(objects.get('prototype')).toBe('10.10.20.12,10.30.0.1');
    const [first] = firewall.ruleLists[0]!.rules;
    expect(matchText(first!)).toEqual(['tcp 10.30.0.1 -> 10.10.20.12 443']);
    expect(first!.referencedObjects).toEqual(['__proto__', 'constructor']);
    const rules = mappings.find((mapping) => mapping.kind === 'rules')!;
    expect(rules.ignored.map((item) => item.header)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.keys(rules.fields)).toEqual(['source', 'destination', 'service', 'action']);
  });
});

describe('formula cells', () => {
  const { firewall } = importFixture('formulas.xlsx');
  const rules = firewall.ruleLists[0]!.rules;

  it('count by their cached value and are never evaluated', () => {
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450']);
  });

  it('without a cached value are reported, and the rule is not guessed', () => {
    expect(messages(firewall.diagnostics)).toEqual(
      expect.arrayContaining(['Rules!C3: a formula with no cached value (the file was saved without calculating it): read as empty', 'Rules!C3: no destination given']),
    );
    expect(rules[1]!.match).toEqual([]);
  });

  it('text that looks like a formula stays text and is reported like any bad cell', () => {
    expect(rules[2]!.name).toBe("=cmd|' /C calc'!A0");
    expect(messages(firewall.diagnostics, 'error')).toContain('Rules!C4: "=HYPERLINK("http://evil.example"" is not an address, range, any or an object name');
  });
});

describe('workbook limits are checked while SheetJS reads, not after', () => {
  const rows = Array.from({ length: 10 }, (_, index) => [`r${index}`, '10.0.0.1', '10.0.0.2', 'tcp/443', 'allow']);

  it('a sheet with more rows than allowed', () => {
    const bytes = workbookBytes([{ name: 'Rules', rows }]);
    expect(() => importRuleSpreadsheet(bytes, 'long.xlsx', { limits: { ...DEFAULT_LIMITS, rows: 5 } })).toThrow('long.xlsx: 10 rows in sheet Rules, more than the limit of 5 rows; refused');
  });

  it('merged ranges over the whole sheet count as the cells they cover', () => {
    const bytes = workbookBytes([{ name: 'Rules', rows, merges: ['A1:E10', 'B1:B1048576'] }]);
    expect(() => importRuleSpreadsheet(bytes, 'merged.xlsx', { limits: { ...DEFAULT_LIMITS, cells: 80 } })).toThrow('merged.xlsx: 100 cells with merged ranges counted, more than the limit of 80 cells; refused');
  });
});
