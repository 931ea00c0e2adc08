import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../../src-main/core/engine/audit-context';
import { hygieneFindings } from '../../../src-main/core/engine/hygiene';
import type { Firewall, Rule } from '../../../src-main/core/model/index';
import { AddressSet, FlowSpace, PortSet, ProtocolSet, TCP } from '../../../src-main/core/net/index';
import { makeRule } from './rule-factory';

// `permit tcp object AGENTS object WFOS-WEB01 ...` from the demo site (cases h1 and h7 of the findings probe).
const context = { wfosAddresses: AddressSet.parse('10.10.20.0/24'), neededSpace: FlowSpace.empty() } as unknown as AuditContext;
const agentWeb = { sources: AddressSet.parse('10.30.0.0/16'), destinations: AddressSet.parse('10.10.20.12'), protocols: ProtocolSet.of(TCP), sourcePorts: PortSet.all() };
const https = { ...agentWeb, destinationPorts: PortSet.of(443) };
const webPorts = { ...agentWeb, destinationPorts: PortSet.fromRanges([[80, 80], [443, 443], [8443, 8443]]) };

const workHours = { name: 'WORKHOURS', entries: ['periodic weekdays 8:00 to 17:00'], ref: { file: 'fw.txt', line: 5, text: 'time-range WORKHOURS' } };
const thisDecade = { name: 'THISDECADE', entries: ['absolute start 00:00 01 January 2020 end 00:00 01 January 2040'], ref: { file: 'fw.txt', line: 7, text: 'time-range THISDECADE' } };

function asaWith(rules: Rule[]): Firewall {
  return {
    vendor: 'cisco-asa', file: 'fw.txt', interfaces: [], routes: [], objects: { networks: [], services: [] }, nat: [], timeRanges: [workHours, thisDecade],
    ruleLists: [{ name: 'inside_in', rules, appliedAt: [{ kind: 'global' }], trailingComments: [] }],
    behaviour: { sameSecurityTraffic: { interInterface: true, intraInterface: false }, defaultAction: 'security-level', implicitAction: 'deny', transparent: false },
    diagnostics: [], stats: { lines: 0, blank: 0, understood: 0, ignored: 0, notUnderstood: 0 },
  };
}

function claims(rules: Rule[]): string[] {
  return hygieneFindings(context, 'fw', asaWith(rules))
    .filter((finding) => finding.kind === 'shadowed' || finding.kind === 'redundant')
    .map((finding) => `${finding.kind} ${finding.rule?.id}`);
}

describe('hygiene of rules with a recurring time-range', () => {
  it('does not call a rule shadowed by one that applies only on weekdays', () => {
    // The weekday copy is the one that can go: the rule always in force decides the same.
    expect(claims([
      makeRule('inside_in', 1, 'permit', [webPorts], { timeRange: 'WORKHOURS' }),
      makeRule('inside_in', 2, 'permit', [webPorts]),
    ])).toEqual(['redundant inside_in#1']);
  });

  it('does not call a rule redundant when only a weekday rule would take its traffic', () => {
    expect(claims([
      makeRule('inside_in', 1, 'permit', [https]),
      makeRule('inside_in', 2, 'permit', [webPorts], { timeRange: 'WORKHOURS' }),
    ])).toEqual([]);
  });

  it('looks past a weekday rule with the same action to what decides the traffic the rest of the time', () => {
    expect(claims([
      makeRule('inside_in', 1, 'permit', [https]),
      makeRule('inside_in', 2, 'permit', [webPorts], { timeRange: 'WORKHOURS' }),
      makeRule('inside_in', 3, 'permit', [webPorts]),
    ])).toEqual(['redundant inside_in#1', 'redundant inside_in#2']);
  });

  it('still calls a weekday rule shadowed when rules always in force match everything it does', () => {
    expect(claims([
      makeRule('inside_in', 1, 'permit', [webPorts]),
      makeRule('inside_in', 2, 'permit', [https], { timeRange: 'WORKHOURS' }),
    ])).toEqual(['shadowed inside_in#2']);
  });

  it('takes a rule whose absolute window holds the audit date as in force', () => {
    expect(claims([
      makeRule('inside_in', 1, 'permit', [webPorts], { timeRange: 'THISDECADE' }),
      makeRule('inside_in', 2, 'permit', [https]),
    ])).toEqual(['shadowed inside_in#2']);
  });

  it('takes a rule naming an undefined time-range as not always in force', () => {
    expect(claims([
      makeRule('inside_in', 1, 'permit', [webPorts], { timeRange: 'NIGHTS' }),
      makeRule('inside_in', 2, 'permit', [https]),
    ])).toEqual([]);
  });
});
