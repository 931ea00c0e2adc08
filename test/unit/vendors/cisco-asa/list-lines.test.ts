import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AddressSet, FlowSpace, PortSet, ProtocolSet, TCP, UDP } from '../../../../src-main/core/net/index';
import type { Rule } from '../../../../src-main/core/model/index';
import { asaPermitLines, asaTightenedRule, keptOptions } from '../../../../src-main/core/vendors/cisco-asa/remediation';
import { parseAsaConfig } from '../../../../src-main/core/vendors/cisco-asa/index';
import { applyAsaCommands, listsOf } from './asa-cli';
import { listNamed, parseLines, ruleWithId } from './helpers';

const demoText = readFileSync(fileURLToPath(new URL('../../../../resources/demo/configs/dal-dc-fw01.txt', import.meta.url)), 'utf8');
const demoLines = demoText.split(/\r?\n/);
const demo = parseAsaConfig(demoText, 'dal-dc-fw01.txt');

const space = (...boxes: [number, string, string, string][]): FlowSpace =>
  FlowSpace.fromBoxes(
    boxes.map(([protocol, sources, destinations, ports]) => ({
      sources: AddressSet.parse(sources),
      destinations: AddressSet.parse(destinations),
      protocols: ProtocolSet.of(protocol),
      sourcePorts: PortSet.all(),
      destinationPorts: PortSet.parse(ports),
    })),
  );

describe('list line numbers as the ASA counts them', () => {
  it('counts remarks, so the demo deny is servers_in#9 but line 13', () => {
    const servers = listNamed(demo, 'servers_in');
    expect(servers.rules.map((rule) => [rule.id, rule.listLine])).toEqual([
      ['servers_in#1', 2],
      ['servers_in#2', 3],
      ['servers_in#3', 5],
      ['servers_in#4', 6],
      ['servers_in#5', 8],
      ['servers_in#6', 10],
      ['servers_in#7', 11],
      ['servers_in#8', 12],
      ['servers_in#9', 13],
    ]);
    // The numbering is the one `show running-config access-list servers_in` lines have.
    const running = listsOf(demoLines).get('servers_in')!;
    for (const rule of servers.rules) expect(running[rule.listLine! - 1]).toBe(rule.ref.text);
  });

  it('places `line N` entries and remarks among all lines, remarks included', () => {
    const firewall = parseLines([
      'access-list acl remark web',
      'access-list acl extended permit tcp any host 10.0.0.1 eq 80',
      'access-list acl extended deny ip any any',
      // Line 3 is the deny: the new entry goes above it, not after it as the third ACE would.
      'access-list acl line 3 extended permit tcp any host 10.0.0.2 eq 443',
      'access-list acl line 3 remark https',
      'access-list acl line 1 remark first',
    ]);
    const list = listNamed(firewall, 'acl');
    expect(list.rules.map((rule) => [rule.id, rule.ref.line, rule.listLine, rule.comment])).toEqual([
      ['acl#1', 2, 3, 'first\nweb'],
      ['acl#2', 4, 5, 'https'],
      ['acl#3', 3, 6, undefined],
    ]);
    expect(firewall.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.message])).toEqual([
      [4, 'inserted at line 3 of acl, as the ASA would'],
      [5, 'inserted at line 3 of acl, as the ASA would'],
      [6, 'inserted at line 1 of acl, as the ASA would'],
    ]);
  });

  it('adds a `line N` past the end at the end, and keeps remarks after the last entry', () => {
    const firewall = parseLines([
      'access-list acl extended permit tcp any host 10.0.0.1 eq 80',
      'access-list acl line 9 extended deny ip any any',
      'access-list acl line 2 remark before the deny',
      'access-list acl remark the end',
    ]);
    expect(listNamed(firewall, 'acl').rules.map((rule) => [rule.id, rule.listLine, rule.comment])).toEqual([
      ['acl#1', 1, undefined],
      ['acl#2', 3, 'before the deny'],
    ]);
    expect(listNamed(firewall, 'acl').trailingComments).toEqual(['the end']);
  });
});

describe('ASA remediation text', () => {
  it('inserts permits before the blocking line of the demo, not above a remark', () => {
    const deny = ruleWithId(demo, 'servers_in#9');
    const commands = asaPermitLines('servers_in', space([UDP, '10.10.20.12', '10.50.0.20', '161']), { line: deny.listLine!, groupPrefix: 'WFOS-ROW25' });
    expect(commands).toEqual(['access-list servers_in line 13 extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161']);
    const lists = listsOf(demoLines);
    applyAsaCommands(lists, commands);
    const after = lists.get('servers_in')!;
    expect(after.slice(-4)).toEqual([
      'access-list servers_in extended permit udp object WFOS-WEB01 object NMS-01 eq snmptrap',
      'access-list servers_in extended permit tcp object WFOS-WEB01 object MAIL-01 eq smtp',
      'access-list servers_in extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161',
      'access-list servers_in extended deny ip any any log',
    ]);
  });

  it('numbers several inserted ACEs N, N+1, ... so they land in order above the line at N', () => {
    const deny = ruleWithId(demo, 'servers_in#9');
    const needed = space([TCP, '10.10.20.11', '10.40.0.10', '1050-1065'], [UDP, '10.10.20.12', '10.50.0.20', '161'], [TCP, '10.10.20.11,10.10.20.12', '10.50.0.25', '25,587']);
    const commands = asaPermitLines('servers_in', needed, { line: deny.listLine!, groupPrefix: 'WFOS-ROW9' });
    const aces = commands.filter((command) => command.startsWith('access-list'));
    expect(aces.map((ace) => /line (\d+)/.exec(ace)?.[1])).toEqual(['13', '14', '15']);
    const lists = listsOf(demoLines);
    applyAsaCommands(lists, commands);
    const after = lists.get('servers_in')!;
    const added = aces.map((ace) => ace.replace(/ line \d+/, ''));
    expect(after.slice(-4)).toEqual([...added, 'access-list servers_in extended deny ip any any log']);
  });

  it('leaves `line` out when the rule has no list line number', () => {
    expect(asaPermitLines('acl', space([TCP, '10.0.0.1', '10.0.0.2', '443']), { groupPrefix: 'X' })).toEqual([
      'access-list acl extended permit tcp host 10.0.0.1 host 10.0.0.2 eq 443',
    ]);
  });

  it('replaces an over-permissive rule in its place and removes it with its text as written', () => {
    const broad = ruleWithId(demo, 'inside_in#2');
    expect(broad.listLine).toBe(4);
    const needed = space([TCP, '10.30.0.0/16', '10.10.20.12', '80,443,8443'], [TCP, '10.30.0.0/16', '10.10.20.11', '443']);
    const text = asaTightenedRule(broad, needed);
    const lists = listsOf(demoLines);
    const before = [...lists.get('inside_in')!];
    applyAsaCommands(lists, text.split('\n'));
    const after = lists.get('inside_in')!;
    const added = text.split('\n').filter((line) => line.startsWith('access-list')).map((ace) => ace.replace(/ line \d+/, ''));
    expect(added).toHaveLength(2);
    // Remark, then the new entries where the old one stood, then the rest unchanged.
    expect(after).toEqual([...before.slice(0, 3), ...added, ...before.slice(4)]);
    expect(text.split('\n').at(-1)).toBe('no access-list inside_in extended permit ip object AGENTS object-group WFOS-SERVERS');
  });

  it('keeps log and time-range on the new entries and removes an entry written with `line N` as the running config shows it', () => {
    const firewall = parseLines([
      'time-range WORKDAY',
      ' periodic weekdays 8:00 to 18:00',
      'access-list acl remark vendor',
      'access-list acl extended permit tcp any host 10.0.0.9 eq 3389',
      'access-list acl extended deny ip any any log',
      'access-list acl line 2 extended permit ip any host 10.0.0.5 log 4 interval 60 time-range WORKDAY',
    ]);
    const rule = ruleWithId(firewall, 'acl#1');
    expect(rule.listLine).toBe(2);
    const text = asaTightenedRule(rule, space([TCP, '10.1.0.0/16', '10.0.0.5', '443']));
    expect(text.split('\n')).toEqual([
      'access-list acl line 2 extended permit tcp 10.1.0.0 255.255.0.0 host 10.0.0.5 eq 443 log 4 interval 60 time-range WORKDAY',
      'no access-list acl extended permit ip any host 10.0.0.5 log 4 interval 60 time-range WORKDAY',
    ]);
    const lists = new Map([['acl', [
      'access-list acl remark vendor',
      'access-list acl extended permit ip any host 10.0.0.5 log 4 interval 60 time-range WORKDAY',
      'access-list acl extended permit tcp any host 10.0.0.9 eq 3389',
      'access-list acl extended deny ip any any log',
    ]]]);
    applyAsaCommands(lists, text.split('\n'));
    expect(lists.get('acl')).toEqual([
      'access-list acl remark vendor',
      'access-list acl extended permit tcp 10.1.0.0 255.255.0.0 host 10.0.0.5 eq 443 log 4 interval 60 time-range WORKDAY',
      'access-list acl extended permit tcp any host 10.0.0.9 eq 3389',
      'access-list acl extended deny ip any any log',
    ]);
  });

  it('reads the options that end an entry, never a name that looks like one', () => {
    expect(keptOptions('access-list a extended permit ip any any log')).toBe('log');
    expect(keptOptions('access-list a extended permit ip any any log disable')).toBe('log disable');
    expect(keptOptions('access-list a extended permit ip any any time-range T log informational inactive')).toBe('time-range T log informational');
    expect(keptOptions('access-list a extended permit ip any object log')).toBe('');
    expect(keptOptions('access-list a extended permit ip any object-group log log')).toBe('log');
    expect(keptOptions('access-list a advanced trust ip any any rule-id 268435457 event-log flow-end')).toBe('');
    expect(keptOptions('access-list a extended permit tcp any any eq 443')).toBe('');
  });

  it('writes no `line` and no `no` for a rule it cannot place', () => {
    const rule: Rule = { ...ruleWithId(demo, 'inside_in#2') };
    delete rule.listLine;
    rule.ref = { file: 'rules.xlsx', sheet: 'Policies', row: 4, text: 'x' };
    expect(asaTightenedRule(rule, space([TCP, '10.0.0.1', '10.0.0.2', '443']))).toBe('access-list inside_in extended permit tcp host 10.0.0.1 host 10.0.0.2 eq 443');
  });
});
