import { describe, expect, it } from 'vitest';
import { AddressSet, PortSet, ProtocolSet, TCP } from '../../../src-main/core/net/index';
import {
  describeRef,
  emptyStats,
  firewallToJson,
  isSheetRef,
  networkObjectByName,
  referencedObjectNames,
  ruleById,
  ruleListByName,
  ruleMatchSpace,
  ruleMayMatchSpace,
  serviceObjectByName,
  type Firewall,
  type MatchBox,
  type NetworkObject,
  type Rule,
} from '../../../src-main/core/model/index';

const ref = (line: number, text: string) => ({ file: 'fw.txt', line, text });

const box = (sources: string, destinations: string, ports: string): MatchBox => ({
  sources: AddressSet.parse(sources),
  destinations: AddressSet.parse(destinations),
  protocols: ProtocolSet.of(TCP),
  sourcePorts: PortSet.all(),
  destinationPorts: PortSet.parse(ports),
});

function rule(id: string, overrides: Partial<Rule> = {}): Rule {
  const [list = '', position = '0'] = id.split('#');
  return {
    id,
    list,
    position: Number(position),
    action: 'permit',
    match: [box('10.30.0.0/16', '172.16.10.20', '443')],
    negated: { sources: false, destinations: false, services: false },
    enabled: true,
    logging: false,
    unresolved: [],
    notes: [],
    referencedObjects: [],
    ref: ref(10, `access-list ${list} extended permit tcp any any`),
    ...overrides,
  };
}

function network(name: string, addresses: string, members: string[] = []): NetworkObject {
  return { name, kind: members.length ? 'group' : 'object', addresses: AddressSet.parse(addresses), members, unresolved: [], ref: ref(1, `object network ${name}`) };
}

function firewall(rules: Rule[], networks: NetworkObject[] = []): Firewall {
  return {
    vendor: 'test',
    file: 'fw.txt',
    interfaces: [],
    routes: [],
    objects: { networks, services: [] },
    ruleLists: [{ name: 'inside_in', rules, appliedAt: [{ kind: 'interface-in', interface: 'inside' }], trailingComments: [] }],
    nat: [],
    timeRanges: [],
    behaviour: { sameSecurityTraffic: { interInterface: false, intraInterface: false }, defaultAction: 'deny', implicitAction: 'deny', transparent: false },
    diagnostics: [],
    stats: emptyStats(),
  };
}

describe('source references', () => {
  it('reads as file:line for text and as sheet and row for spreadsheets', () => {
    expect(describeRef(ref(96, 'x'))).toBe('fw.txt:96');
    const sheet = { file: 'rules.xlsx', sheet: 'Policies', row: 14, text: 'WFOS-Web | trust | dmz' };
    expect(isSheetRef(sheet)).toBe(true);
    expect(describeRef(sheet)).toBe('rules.xlsx [Policies] row 14');
  });
});

describe('rule match spaces', () => {
  it('gives the certain space, and the possible one when parts are unresolved', () => {
    const exact = rule('inside_in#1');
    const packet = { src: '10.30.1.5', dst: '172.16.10.20', proto: TCP, sport: 50000, dport: 443 };
    expect(ruleMatchSpace(exact).has(packet)).toBe(true);
    expect(ruleMayMatchSpace(exact).equals(ruleMatchSpace(exact))).toBe(true);

    const fqdn = rule('inside_in#2', {
      match: [],
      mayMatch: [box('any', '172.16.10.20', '443')],
      unresolved: [{ kind: 'fqdn', name: 'OBJ-PORTAL', reason: 'FQDN' }],
    });
    expect(ruleMatchSpace(fqdn).isEmpty()).toBe(true);
    expect(ruleMayMatchSpace(fqdn).has({ ...packet, src: '203.0.113.9' })).toBe(true);
  });

  it('keeps the match of a disabled rule, for "only permitted by an inactive line"', () => {
    expect(ruleMatchSpace(rule('inside_in#3', { enabled: false })).isEmpty()).toBe(false);
  });
});

describe('lookups', () => {
  const inner = network('GRP-RECORDERS', '10.10.20.11,10.10.20.12', ['OBJ-REC01']);
  const model = firewall(
    [rule('inside_in#1', { referencedObjects: ['GRP-WFOS'] }), rule('inside_in#2')],
    [network('OBJ-REC01', '10.10.20.11'), inner, network('GRP-WFOS', '10.10.20.11,10.10.20.12', ['GRP-RECORDERS']), network('OBJ-UNUSED', '10.9.9.9')],
  );

  it('finds lists, rules and objects by name', () => {
    expect(ruleListByName(model, 'inside_in')?.rules).toHaveLength(2);
    expect(ruleById(model, 'inside_in#2')?.position).toBe(2);
    expect(ruleById(model, 'outside_in#1')).toBeUndefined();
    expect(networkObjectByName(model, 'GRP-RECORDERS')).toBe(inner);
    expect(serviceObjectByName(model, 'GRP-RECORDERS')).toBeUndefined();
  });

  it('follows nested groups to every object a rule uses', () => {
    expect([...referencedObjectNames(model)].sort()).toEqual(['GRP-RECORDERS', 'GRP-WFOS', 'OBJ-REC01']);
  });

  it('counts what NAT statements use, their own object included, through nested groups', () => {
    const withNat: Firewall = {
      ...firewall([], [network('OBJ-REC01', '10.10.20.11'), inner, network('OBJ-WEB', '10.10.20.12'), network('OBJ-WEB-PUBLIC', '203.0.113.10'), network('OBJ-UNUSED', '10.9.9.9')]),
      nat: [
        { kind: 'object', objectName: 'OBJ-WEB', referencedObjects: ['OBJ-WEB-PUBLIC'], ref: ref(40, ' nat (servers,outside) static OBJ-WEB-PUBLIC') },
        { kind: 'twice', referencedObjects: ['GRP-RECORDERS'], ref: ref(41, 'nat (servers,outside) source static GRP-RECORDERS GRP-RECORDERS') },
      ],
    };
    expect([...referencedObjectNames(withNat)].sort()).toEqual(['GRP-RECORDERS', 'OBJ-REC01', 'OBJ-WEB', 'OBJ-WEB-PUBLIC']);
  });
});

describe('JSON form', () => {
  it('prints sets as their text, drops absent fields and keeps references', () => {
    const json = firewallToJson(firewall([rule('inside_in#1', { comment: 'Desktops to Apache' })]));
    const [first] = json.ruleLists[0]?.rules ?? [];
    expect(first?.match).toEqual([{ sources: '10.30.0.0/16', destinations: '172.16.10.20', protocols: 'tcp', sourcePorts: '0-65535', destinationPorts: '443' }]);
    expect(first?.comment).toBe('Desktops to Apache');
    expect(first?.ref).toEqual({ file: 'fw.txt', line: 10, text: 'access-list inside_in extended permit tcp any any' });
    expect('mayMatch' in (first ?? {})).toBe(false);
    expect('hostname' in json).toBe(false);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
