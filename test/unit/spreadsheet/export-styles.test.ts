import { describe, expect, it } from 'vitest';
import { importRuleSpreadsheet, type RuleColumnMapping } from '../../../src-main/core/spreadsheet/index';
import { workbookBytes } from '../../fixtures/spreadsheets/workbook-builder';
import { importFixture, matchText, mayMatchText, messages } from './helpers';

const rulesMapping = (mappings: ReturnType<typeof importFixture>['mappings']) => mappings.find((mapping): mapping is RuleColumnMapping => mapping.kind === 'rules')!;

describe('a Palo Alto Panorama policy export', () => {
  const { firewall, mappings } = importFixture('panorama-policies.xlsx');
  const [list] = firewall.ruleLists;
  const rule = (name: string) => list!.rules.find((item) => item.name === name)!;

  it('is recognised as Panorama, its object tabs read beside the rules', () => {
    expect(firewall.vendor).toBe('spreadsheet');
    expect(firewall.ruleLists.map((item) => item.name)).toEqual(['Security Pre Rules']);
    expect(list!.appliedAt).toEqual([{ kind: 'global' }]);
    const mapping = rulesMapping(mappings);
    expect(mapping).toMatchObject({ sheet: 'Security Pre Rules', style: 'panorama', headerRow: 1 });
    expect(mapping.fields.sourceZone).toMatchObject({ letter: 'E', header: 'Source Zone' });
    expect(mapping.fields.source).toMatchObject({ letter: 'F', header: 'Source Address', confidence: 0.95 });
    expect(mapping.conditions.map((item) => item.header)).toEqual(['Source User', 'Source Device', 'Destination Device']);
    expect(mappings.filter((item) => item.kind === 'objects').map((item) => item.sheet)).toEqual(['Address Objects', 'Address Groups', 'Service Objects']);
    expect(firewall.objects.networks.find((object) => object.name === 'WFOS-Servers')).toMatchObject({ kind: 'group', members: ['WFOS-APP01', 'WFOS-WEB01'] });
  });

  it('resolves objects, groups and service objects, keeping zones per rule', () => {
    expect(rule('WFOS-CTI-to-AES')).toMatchObject({ action: 'permit', enabled: true, fromZones: ['servers'], toZones: ['avaya'], referencedObjects: ['WFOS-APP01', 'AES-01', 'svc-aes-tsapi', 'svc-aes-range'] });
    expect(matchText(rule('WFOS-CTI-to-AES'))).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450,1050-1065,4721-4722']);
    expect(matchText(rule('WFOS-SNMP'))).toEqual(['udp 10.10.20.11-10.10.20.12 -> 10.50.0.20/31 161']);
    expect(rule('interzone-default')).toMatchObject({ action: 'deny', unresolved: [] });
    expect(rule('interzone-default').fromZones).toBeUndefined();
  });

  it('takes application-default and App-ID applications as unresolved, never as any port', () => {
    const web = rule('WFOS-Web-Agents');
    expect(web.match).toEqual([]);
    expect(mayMatchText(web)).toEqual(['ip 10.30.0.0/16 -> 10.10.20.12']);
    expect(web.unresolved.map((item) => item.kind)).toEqual(['unknown-port', 'unsupported']);
    expect(web.unresolved[1]!.reason).toContain('ssl, web-browsing');
  });

  it('makes a rule for a user group conditional, and reads a [Disabled] name as disabled', () => {
    expect(rule('Supervisors-RDP').match).toEqual([]);
    expect(rule('Supervisors-RDP').unresolved).toContainEqual(expect.objectContaining({ kind: 'identity', name: 'acme\\supervisors' }));
    expect(rule('Old-CRM')).toMatchObject({ enabled: false, name: 'Old-CRM' });
    expect(rule('Old-CRM').unresolved).toContainEqual(expect.objectContaining({ kind: 'fqdn', name: 'crm.acme.example' }));
  });

  it('counts every row and points rules at their sheet and row', () => {
    expect(firewall.stats).toEqual({ lines: 21, blank: 0, understood: 21, ignored: 0, notUnderstood: 0 });
    expect(rule('WFOS-SNMP').ref).toEqual({
      file: 'panorama-policies.xlsx',
      sheet: 'Security Pre Rules',
      row: 4,
      text: 'WFOS-SNMP | DG-Dallas | wfos | universal | servers | WFOS-Servers | any | any | mgmt | NMS | any | any | udp-161 | allow | default | Log at Session End | Used',
    });
    expect(messages(firewall.diagnostics, 'error')).toEqual([]);
  });
});

describe('a FortiGate policy CSV', () => {
  const { firewall, mappings } = importFixture('fortigate-policy.csv');
  const rules = firewall.ruleLists[0]!.rules;

  it('keeps list order (FortiGate does not evaluate by ID) and notes the IDs', () => {
    expect(rulesMapping(mappings)).toMatchObject({ style: 'fortigate', sequenceOrders: false });
    expect(rules.map((rule) => rule.name)).toEqual(['wfos-aes', 'agents-web', 'snmp', 'smtp-relay', 'ping', 'deny-all']);
    expect(rules[0]!.notes).toContain('ID 7 in the export');
  });

  it('reads FortiGate service names, space-separated lists, status and schedule', () => {
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450,1050-1065,4721-4722']);
    expect(matchText(rules[1]!)).toEqual(['tcp 10.30.0.0/16 -> 10.10.20.11-10.10.20.12 80,443']);
    expect(rules[1]).toMatchObject({ fromZones: ['agents'], toZones: ['servers'], logging: true });
    expect(rules[2]).toMatchObject({ enabled: false });
    expect(rules[3]!.notes).toContain('active only during schedule business-hours');
    expect(rules[4]!.unresolved.map((item) => item.kind)).toEqual(['icmp-type']);
    expect(matchText(rules[5]!)).toEqual(['ip any -> any']);
  });

  it('reports an address object the CSV does not define at its cell, and keeps the row unresolved', () => {
    expect(messages(firewall.diagnostics, 'error')).toEqual(['\'fortigate-policy\'!E5: "WFOS-WEB" is not an address and no object of that name is defined']);
    expect(rules[3]!.match).toEqual([]);
    expect(mayMatchText(rules[3]!)).toEqual(['tcp any -> 10.50.0.25 25']);
    expect(firewall.stats).toMatchObject({ lines: 7, understood: 6, notUnderstood: 1 });
  });
});

describe('a Check Point SmartConsole export', () => {
  const { firewall, mappings } = importFixture('checkpoint-policy.xlsx');
  const rules = firewall.ruleLists[0]!.rules;

  it('skips section rows, reporting them, and numbers rules by No.', () => {
    expect(rulesMapping(mappings)).toMatchObject({ style: 'check-point', sequenceOrders: true });
    expect(rules.map((rule) => rule.ref.row)).toEqual([3, 4, 5, 7, 8, 9, 11]);
    expect(messages(firewall.diagnostics, 'info')).toEqual(expect.arrayContaining(['Policy row 2: section "WFOS Recording (1-3)": a divider, not a rule', 'Policy row 10: section "Cleanup": a divider, not a rule']));
    expect(rules[3]!.notes).toContain('section: Management (4-6)');
  });

  it('reads a (Negated) source as everything but it, masks from their own column, and service objects', () => {
    expect(rules[2]).toMatchObject({ action: 'deny', negated: { sources: true, destinations: false, services: false } });
    expect(matchText(rules[2]!)).toEqual(['ip 0.0.0.0-10.29.255.255,10.31.0.0-255.255.255.255,any6 -> 10.10.20.12']);
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450,1050-1065,4721-4722']);
    expect(matchText(rules[4]!)).toEqual(['tcp 10.10.20.11-10.10.20.12 -> 10.10.30.15 1433']);
    expect(rules[3]).toMatchObject({ logging: false });
  });

  it('keeps an Inform rule in its place as unreadable: it may match, nothing is certain', () => {
    expect(messages(firewall.diagnostics, 'error')).toEqual(['Policy!G9: "Inform" is not an action this reader knows (allow, accept, permit, deny, drop, reject, block)']);
    expect(rules[5]!.match).toEqual([]);
    expect(mayMatchText(rules[5]!)).toEqual(['tcp any -> 10.10.20.12 22']);
    // No cell's uncertainty says why, so the row's does.
    expect(rules[5]!.unresolved).toEqual([{ kind: 'unsupported', reason: 'row 9 could not be read: "Inform" is not an action this reader knows (allow, accept, permit, deny, drop, reject, block)' }]);
    expect(firewall.stats).toEqual({ lines: 21, blank: 0, understood: 17, ignored: 3, notUnderstood: 1 });
  });
});

describe('a Tufin-style rule report', () => {
  const { firewall } = importFixture('tufin-rules.xlsx');
  const rules = firewall.ruleLists[0]!.rules;

  it('orders rules by Rule Number and joins a rule written over several rows', () => {
    expect(rules.map((rule) => rule.name)).toEqual(['WFOS CTI', 'WFOS SNMP', 'WFOS Web', 'Cleanup']);
    expect(matchText(rules[0]!)).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450,1050-1065,4721-4722']);
    expect(rules[0]!.ref.text).toBe('dal-dc-fw01 | Standard | 1 | WFOS CTI | WFOS-APP01 (10.10.20.11) | AES-01 (10.40.0.10) | tcp 450 | Accept | TSAPI | {6B3A-02} | 2024-05-02 / tcp 1050-1065 / tcp 4721-4722');
    expect(messages(firewall.diagnostics, 'info')).toContain('Rules: rules are evaluated in the order of the Rule Number column, not the order of the rows');
  });
});

describe('a legacy .xls workbook', () => {
  it('is read like an xlsx', () => {
    const { firewall } = importFixture('legacy-rules.xls');
    expect(firewall.ruleLists[0]!.rules.map(matchText)).toEqual([['tcp 10.30.0.0/16 -> 10.10.20.12 80,443'], ['tcp 10.10.20.0/24 -> 10.10.30.15 1433']]);
  });
});

describe('a workbook with several rules sheets', () => {
  it('gives each its own rule list, evaluated one after another, and says so', () => {
    const header = ['Name', 'Source', 'Destination', 'Service', 'Action'];
    const bytes = workbookBytes([
      { name: 'Read me', rows: [['Rules per zone, one sheet each']] },
      { name: 'DMZ', rows: [header, ['dmz-web', 'any', '10.60.0.10', 'tcp/443', 'allow']] },
      { name: 'Internal', rows: [header, ['int-sql', '10.10.20.0/24', '10.10.30.15', 'tcp/1433', 'allow'], ['int-deny', 'any', 'any', 'any', 'deny']] },
    ]);
    const { firewall } = importRuleSpreadsheet(bytes, 'zones.xlsx');
    expect(firewall.ruleLists.map((list) => [list.name, list.rules.map((rule) => rule.id)])).toEqual([
      ['DMZ', ['DMZ#1']],
      ['Internal', ['Internal#1', 'Internal#2']],
    ]);
    expect(firewall.ruleLists.every((list) => list.appliedAt[0]?.kind === 'global')).toBe(true);
    expect(messages(firewall.diagnostics, 'info')).toContain('2 rules sheets (DMZ, Internal): evaluated one after another, in workbook order');
    expect(firewall.stats).toEqual({ lines: 6, blank: 0, understood: 5, ignored: 1, notUnderstood: 0 });
  });
});
