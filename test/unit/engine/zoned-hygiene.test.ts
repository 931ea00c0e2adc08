import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../../src-main/core/engine/audit-context';
import { hygieneFindings } from '../../../src-main/core/engine/hygiene';
import type { Firewall, Rule } from '../../../src-main/core/model/index';
import { AddressSet, FlowSpace, PortSet, ProtocolSet, TCP } from '../../../src-main/core/net/index';
import { makeRule } from './rule-factory';

const context = { wfosAddresses: AddressSet.parse('10.10.20.0/24'), neededSpace: FlowSpace.empty() } as unknown as AuditContext;
const https = { sources: AddressSet.any(), destinations: AddressSet.parse('10.10.20.11'), protocols: ProtocolSet.of(TCP), sourcePorts: PortSet.all(), destinationPorts: PortSet.of(443) };

function firewallOf(rules: Rule[]): Firewall {
  return {
    vendor: 'spreadsheet', file: 'rules.xlsx', interfaces: [], routes: [], objects: { networks: [], services: [] }, nat: [], timeRanges: [],
    ruleLists: [{ name: 'rules', rules, appliedAt: [{ kind: 'global' }], trailingComments: [] }],
    behaviour: { sameSecurityTraffic: { interInterface: true, intraInterface: true }, defaultAction: 'deny', implicitAction: 'deny', transparent: false },
    diagnostics: [], stats: { lines: 0, blank: 0, understood: 0, ignored: 0, notUnderstood: 0 },
  };
}

function claims(rules: Rule[]): string[] {
  return hygieneFindings(context, 'fw', firewallOf(rules))
    .filter((finding) => finding.kind === 'shadowed' || finding.kind === 'redundant')
    .map((finding) => `${finding.kind} ${finding.rule?.id}`);
}

describe('hygiene over rules written for zones', () => {
  it('does not call a rule shadowed by an earlier one written for other zones', () => {
    // The deny is redundant (the implicit deny treats dmz traffic the same); the permit is in force.
    expect(claims([
      makeRule('rules', 1, 'deny', [https], { fromZones: ['dmz'], toZones: ['servers'] }),
      makeRule('rules', 2, 'permit', [https], { fromZones: ['agents'], toZones: ['servers'] }),
    ])).toEqual(['redundant rules#1']);
  });

  it('calls it shadowed when the earlier rule sees every zone it does', () => {
    expect(claims([
      makeRule('rules', 1, 'deny', [https], { toZones: ['Servers'] }),
      makeRule('rules', 2, 'permit', [https], { fromZones: ['agents'], toZones: ['servers'] }),
    ])).toEqual(['shadowed rules#2']);
  });

  it('does not call a permit redundant because of a later permit that sees other zones', () => {
    expect(claims([
      makeRule('rules', 1, 'permit', [https], { fromZones: ['agents'], toZones: ['servers'] }),
      makeRule('rules', 2, 'permit', [https], { fromZones: ['dmz'], toZones: ['servers'] }),
    ])).toEqual([]);
  });

  it('makes no redundancy claim when a later rule sees only some of the zones', () => {
    expect(claims([
      makeRule('rules', 1, 'permit', [https], { fromZones: ['agents', 'dmz'], toZones: ['servers'] }),
      makeRule('rules', 2, 'permit', [https], { fromZones: ['agents'], toZones: ['servers'] }),
    ])).toEqual(['shadowed rules#2']);
  });

  it('calls a permit redundant when a later permit for a wider set of zones decides the same', () => {
    expect(claims([
      makeRule('rules', 1, 'permit', [https], { fromZones: ['agents'], toZones: ['servers'] }),
      makeRule('rules', 2, 'permit', [https], { fromZones: ['agents', 'dmz'], toZones: ['servers'] }),
    ])).toEqual(['redundant rules#1']);
  });
});
