import { describe, expect, it } from 'vitest';
import { importFixture, matchText, mayMatchText, messages } from './helpers';

/** The customer's own workbook: cover sheet, title block, dividers, merges, hidden parts, objects. */
describe('a hand-made rules workbook', () => {
  const { firewall, mappings } = importFixture('handmade-rules.xlsx');
  const rules = firewall.ruleLists[0]!.rules;
  const byName = (name: string) => rules.find((rule) => rule.name === name)!;

  it('picks the rules sheet by its header below the title block, the objects sheets beside it', () => {
    expect(firewall.ruleLists.map((list) => list.name)).toEqual(['Firewall Rules']);
    expect(mappings.map((mapping) => [mapping.sheet, mapping.kind, mapping.headerRow])).toEqual([
      ['Firewall Rules', 'rules', 4],
      ['Objects', 'objects', 1],
      ['Groups', 'objects', 1],
    ]);
    expect(messages(firewall.diagnostics, 'info')).toEqual(
      expect.arrayContaining([
        'Cover: no rule or object table header found: its 3 rows are not read',
        "'Firewall Rules': 2 rows above the header (row 4) read as a title: skipped",
      ]),
    );
  });

  it('reports dividers and notes as skipped and counts every row once', () => {
    expect(messages(firewall.diagnostics, 'info')).toEqual(
      expect.arrayContaining([
        '\'Firewall Rules\' row 5: section "Voice recording": a divider, not a rule',
        '\'Firewall Rules\' row 11: section "Management": a divider, not a rule',
        '\'Firewall Rules\' row 22: section "Last reviewed by J. Smith": a divider, not a rule',
      ]),
    );
    expect(rules.map((rule) => rule.ref.row)).toEqual([6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(byName('snmp').notes).toContain('section: Management');
    expect(firewall.stats).toEqual({ lines: 41, blank: 3, understood: 29, ignored: 8, notUnderstood: 1 });
  });

  it('reads hidden rows and columns, saying so', () => {
    expect(messages(firewall.diagnostics, 'info')).toEqual(
      expect.arrayContaining(["'Firewall Rules': hidden row 17 is read like the others", "'Firewall Rules': hidden column M is read like the others"]),
    );
    expect(byName('sql').notes).toContain('the row is hidden in the spreadsheet');
    expect(matchText(byName('sql'))).toEqual(['tcp 10.10.20.11-10.10.20.12 -> 10.10.30.15 1433']);
  });

  it('gives an Action cell merged down over two rules to both', () => {
    expect(byName('sbc-sip')).toMatchObject({ action: 'permit', ref: { row: 9 } });
    expect(byName('gateway-rtp')).toMatchObject({ action: 'permit', ref: { row: 10 } });
    expect(matchText(byName('gateway-rtp'))).toEqual(['udp 10.20.1.10 -> 10.10.20.11 16384-32766']);
  });

  it('reads ports as people write them: lines in one cell, 443/80, a number cell, a service name', () => {
    expect(matchText(byName('rec-to-aes'))).toEqual(['tcp 10.10.20.11 -> 10.40.0.10 450,1050-1065,4721-4722']);
    expect(matchText(byName('agents-web'))).toEqual(['tcp 10.30.0.0/16 -> 10.10.20.12 80,443']);
    expect(matchText(byName('screen-capture'))).toEqual(['tcp 10.30.0.0/16 -> 10.10.20.12 8443']);
    expect(matchText(byName('sbc-sip'))).toEqual(['tcp 10.20.1.20 -> 10.10.20.11 5060', 'udp 10.20.1.20 -> 10.10.20.11 5060']);
    expect(matchText(byName('deny-mgmt'))).toEqual(['ip any -> 10.50.0.0/24']);
  });

  it('keeps zones per rule, any as no zone, and applies Negate Source', () => {
    expect(byName('rec-to-aes')).toMatchObject({ fromZones: ['servers'], toZones: ['avaya'] });
    expect(byName('non-agents-web').fromZones).toBeUndefined();
    expect(byName('non-agents-web').negated.sources).toBe(true);
    expect(matchText(byName('non-agents-web'))).toEqual(['tcp 0.0.0.0-10.29.255.255,10.31.0.0-255.255.255.255,any6 -> 10.10.20.12 80,443']);
  });

  it('keeps a disabled rule in place, inactive', () => {
    expect(byName('weblm')).toMatchObject({ enabled: false, comment: 'switched off during migration' });
  });

  it('names the unreadable cell and keeps the row as a rule that may match, so verdicts it touches are unknown', () => {
    expect(messages(firewall.diagnostics, 'error')).toContain('\'Firewall Rules\'!G16: "52233-" is not a port or range');
    const broken = byName('weblm-new');
    expect(broken.match).toEqual([]);
    expect(mayMatchText(broken)).toEqual(['ip 10.10.20.12 -> 10.40.0.30']);
    // The cell's reason is the row's: said once, not again as "row 16 could not be read".
    expect(broken.unresolved).toEqual([{ kind: 'unknown-port', name: '52233-', reason: '"52233-" is not a port or range' }]);
    expect(firewall.diagnostics.find((item) => item.cell === "'Firewall Rules'!G16")).toMatchObject({ line: 16, sheet: 'Firewall Rules', severity: 'error' });
  });

  it('marks a rule naming an FQDN unresolved with kind fqdn', () => {
    const oceana = byName('oceana');
    expect(oceana.unresolved).toEqual([expect.objectContaining({ kind: 'fqdn', name: 'oceana.acme.example' })]);
    expect(mayMatchText(oceana)).toEqual(['tcp 10.10.20.11-10.10.20.12 -> any 80,443,61617']);
  });

  it('resolves nested groups, a group over several rows, and reports a loop at its cell', () => {
    const objects = new Map(firewall.objects.networks.map((object) => [object.name, object]));
    expect(objects.get('WFOS-Servers')).toMatchObject({ kind: 'group', members: ['WFOS-APP', 'WFOS-WEB'], ref: { sheet: 'Groups', row: 2 } });
    expect(objects.get('WFOS-Servers')!.addresses.toString()).toBe('10.10.20.11-10.10.20.12');
    expect(objects.get('Agents')!.addresses.toString()).toBe('10.30.0.0/16');
    expect(objects.get('All-Voice')!.unresolved).toEqual([expect.objectContaining({ kind: 'reference-cycle', name: 'All-Voice' })]);
    expect(messages(firewall.diagnostics, 'error')).toContain('Groups!B5: Voice-Loop: member All-Voice closes a loop of groups; the loop is left unresolved');
    expect(byName('sql').referencedObjects).toEqual(['WFOS-Servers', 'SQL-01']);
  });

  it('points rules at the file, sheet and row, with the row as the user sees it', () => {
    expect(byName('rec-to-aes').ref).toEqual({
      file: 'handmade-rules.xlsx',
      sheet: 'Firewall Rules',
      row: 6,
      text: '1 | rec-to-aes | servers | avaya | WFOS-APP | AES-01 | tcp/450, tcp/4721-4722, 1050-1065 | TCP | Allow | Yes | No | CTI to AES | ticket 4411',
    });
    expect(byName('rec-to-aes').id).toBe('Firewall Rules#1');
  });
});
