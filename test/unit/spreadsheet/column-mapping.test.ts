import { describe, expect, it } from 'vitest';
import {
  columnsFromSite,
  importRuleSpreadsheet,
  parseColumnTemplate,
  SpreadsheetError,
  templateOf,
  type RuleColumnMapping,
} from '../../../src-main/core/spreadsheet/index';
import { csvText } from '../../fixtures/spreadsheets/workbook-builder';
import { importFixture, matchText } from './helpers';

/** A sheet no synonym recognises: the team named its columns its own way. */
const ODD_HEADERS = Buffer.from(
  csvText([
    ['Ref', 'Src Net', 'Dst Net', 'Svc', 'Verdict', 'Why'],
    ['R1', '10.10.20.11', '10.40.0.10', 'tcp/450', 'allow', 'CTI'],
    ['R2', '10.30.0.0/16', '10.10.20.12', 'tcp/443', 'deny', 'web'],
  ]),
);

const rulesOf = (mappings: ReturnType<typeof importRuleSpreadsheet>['mappings']) => mappings.find((mapping): mapping is RuleColumnMapping => mapping.kind === 'rules')!;

describe('column mappings', () => {
  it('refuses a sheet whose columns it cannot recognise, pointing at columns:', () => {
    expect(() => importRuleSpreadsheet(ODD_HEADERS, 'odd.csv')).toThrow(SpreadsheetError);
    expect(() => importRuleSpreadsheet(ODD_HEADERS, 'odd.csv')).toThrow(/odd\.csv: no sheet has a rule table header .* name the columns with columns: in the site file or --columns FILE/);
  });

  it('reads it with the site file\'s columns: by header text, finding the rest by content', () => {
    const columns = columnsFromSite({ source: 'Src Net', destination: 'Dst Net', service: 'Svc', name: 'Ref' }, 'firewall odd');
    const { firewall, mappings } = importRuleSpreadsheet(ODD_HEADERS, 'odd.csv', { columns });
    const mapping = rulesOf(mappings);
    expect(mapping).toMatchObject({ explicit: true, headerRow: 1 });
    expect(mapping.fields.source).toMatchObject({ letter: 'B', header: 'Src Net', confidence: 1, evidence: ['given as columns.source: "Src Net"'] });
    expect(mapping.fields.action).toMatchObject({ letter: 'E', header: 'Verdict', confidence: 0.6, evidence: ['no header names action; 2 of 2 cells read as actions (allow, deny, ...)'] });
    const rules = firewall.ruleLists[0]!.rules;
    expect(rules.map((rule) => [rule.name, rule.action])).toEqual([['R1', 'permit'], ['R2', 'deny']]);
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450']);
  });

  it('takes column letters, with the header row given or none at all', () => {
    const letters = columnsFromSite({ source: 'B', destination: 'c', service: 'D', action: 'E', headerRow: '1' }, 'fw');
    const { firewall } = importRuleSpreadsheet(ODD_HEADERS, 'odd.csv', { columns: letters });
    expect(firewall.ruleLists[0]!.rules.map((rule) => rule.ref.row)).toEqual([2, 3]);
    const headerless = Buffer.from(csvText([['10.10.20.11', '10.40.0.10', 'tcp/450', 'allow']]));
    const bare = importRuleSpreadsheet(headerless, 'bare.csv', { columns: columnsFromSite({ source: 'A', destination: 'B', service: 'C', action: 'D' }, 'fw') });
    expect(rulesOf(bare.mappings).headerRow).toBe(0);
    expect(matchText(bare.firewall.ruleLists[0]!.rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450']);
  });

  it('says which given column it could not find', () => {
    const columns = columnsFromSite({ source: 'Src Net', destination: 'Dst Net', service: 'Svc', comment: 'Remarks' }, 'fw');
    const { firewall } = importRuleSpreadsheet(ODD_HEADERS, 'odd.csv', { columns });
    expect(firewall.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', message: 'odd: columns.comment: no header "Remarks" in row 1, and it is not a column letter' }));
  });

  it('refuses unknown fields in columns:', () => {
    expect(() => columnsFromSite({ srcaddr: 'B' }, 'firewall dc-rules')).toThrow(
      'firewall dc-rules: columns.srcaddr is not a column field (one of sequence, name, sourceZone, source, destinationZone, destination, service, application, protocol, action, enabled, negateSource, negateDestination, comment, logging, schedule, direction, sheet, headerRow)',
    );
  });

  it('saves a detected mapping as a template that reads the next export the same way', () => {
    const first = importFixture('handmade-rules.xlsx');
    const template = templateOf(rulesOf(first.mappings));
    expect(template).toMatchObject({ format: 'wfos-audit/columns/1', sheet: 'Firewall Rules', headerRow: 4, columns: { source: 'Source', service: 'Port', sourceZone: 'From', negateSource: 'Negate Source' } });
    const loaded = parseColumnTemplate(JSON.stringify(template), 'dallas.json');
    const again = importFixture('handmade-rules.xlsx', { columns: loaded });
    expect(rulesOf(again.mappings).explicit).toBe(true);
    expect(again.firewall.ruleLists).toEqual(first.firewall.ruleLists);
  });

  it('validates templates, naming the file and the bad key', () => {
    expect(() => parseColumnTemplate('{', 'm.json')).toThrow(/^m\.json: not valid JSON/);
    expect(() => parseColumnTemplate(JSON.stringify({ format: 'wfos-audit/columns/1', columns: { src: 'B' } }), 'm.json')).toThrow(/^m\.json: columns(\.src)?: .*\(fields: sequence, name/);
    expect(() => parseColumnTemplate(JSON.stringify({ format: 'other', columns: {} }), 'm.json')).toThrow(/^m\.json: format: /);
    const hostile = parseColumnTemplate('{"format":"wfos-audit/columns/1","columns":{"source":"B","__proto__":{"polluted":true}}}', 'm.json');
    expect(hostile.columns).toEqual({ source: 'B' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes a From/To column of subnets as source and destination, not zones', () => {
    const text = csvText([
      ['From', 'To', 'Port', 'Protocol'],
      ['10.10.20.11', '10.40.0.10', 450, 'TCP'],
      ['10.30.0.0/16', '10.10.20.12', 443, 'TCP'],
    ]);
    const { firewall, mappings } = importRuleSpreadsheet(Buffer.from(text), 'flows.csv');
    expect(rulesOf(mappings).fields.source?.evidence).toContain('its cells are addresses (100%), so it is the source, not a zone');
    expect(firewall.ruleLists[0]!.rules.map(matchText)).toEqual([['tcp 10.10.20.11 -> 10.40.0.10 450'], ['tcp 10.30.0.0/16 -> 10.10.20.12 443']]);
  });
});
