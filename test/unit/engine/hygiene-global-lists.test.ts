import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../../src-main/core/engine/audit-context';
import { hygieneFindings } from '../../../src-main/core/engine/hygiene';
import type { Firewall, Interface, RuleList } from '../../../src-main/core/model/index';
import { AddressSet, FlowSpace, PortSet, ProtocolSet, TCP } from '../../../src-main/core/net/index';
import { makeRule } from './rule-factory';

// The agents' VLAN and the WFOS recorder of the demo site (case h2 of the findings probe).
const context = { wfosAddresses: AddressSet.parse('10.10.20.0/24'), neededSpace: FlowSpace.empty() } as unknown as AuditContext;
const AGENTS = AddressSet.parse('10.30.0.0/16');
const WFOS_APP01 = AddressSet.parse('10.10.20.11');
const rdp = { sources: AGENTS, destinations: WFOS_APP01, protocols: ProtocolSet.of(TCP), sourcePorts: PortSet.all(), destinationPorts: PortSet.of(3389) };
const https = { ...rdp, destinationPorts: PortSet.of(443) };

function nameif(name: string, subnet: string, securityLevel: number): Interface {
  return { name, hardware: `GigabitEthernet1/${securityLevel}`, securityLevel, addresses: [subnet], ownAddresses: [], dynamicAddress: false, shutdown: false, ref: { file: 'fw.txt', line: 1, text: `interface ${name}` } };
}

/** An ASA with `access-group inside_in in interface inside` and `access-group global_acl global`. */
function asaWith(lists: RuleList[], transparent = false): Firewall {
  return {
    vendor: 'cisco-asa', file: 'fw.txt', routes: [], objects: { networks: [], services: [] }, nat: [], timeRanges: [],
    interfaces: transparent ? [] : [nameif('inside', '10.30.0.0/16', 100), nameif('servers', '10.10.20.0/24', 80), nameif('outside', '203.0.113.0/28', 0)],
    ruleLists: lists,
    behaviour: { sameSecurityTraffic: { interInterface: true, intraInterface: false }, defaultAction: 'security-level', implicitAction: 'deny', transparent },
    diagnostics: [], stats: { lines: 0, blank: 0, understood: 0, ignored: 0, notUnderstood: 0 },
  };
}

function list(name: string, rules: RuleList['rules'], appliedAt: RuleList['appliedAt']): RuleList {
  return { name, rules, appliedAt, trailingComments: [] };
}

function claims(firewall: Firewall): string[] {
  return hygieneFindings(context, 'fw', firewall)
    .filter((finding) => finding.kind === 'shadowed' || finding.kind === 'redundant')
    .map((finding) => `${finding.kind} ${finding.rule?.id}: ${finding.detail}`);
}

describe('hygiene of an inbound list followed by the global list', () => {
  it('does not call an interface deny redundant when the global list would permit its traffic', () => {
    const firewall = asaWith([
      list('inside_in', [makeRule('inside_in', 1, 'permit', [https]), makeRule('inside_in', 2, 'deny', [rdp])], [{ kind: 'interface-in', interface: 'inside' }]),
      list('global_acl', [makeRule('global_acl', 1, 'permit', [rdp])], [{ kind: 'global' }]),
    ]);
    expect(claims(firewall)).toEqual([]);
  });

  it('still calls it redundant when the global list denies the same traffic', () => {
    const firewall = asaWith([
      list('inside_in', [makeRule('inside_in', 1, 'deny', [rdp])], [{ kind: 'interface-in', interface: 'inside' }]),
      list('global_acl', [makeRule('global_acl', 1, 'deny', [{ ...rdp, destinationPorts: PortSet.of(3389, 3390) }]), makeRule('global_acl', 2, 'permit', [rdp])], [{ kind: 'global' }]),
    ]);
    expect(claims(firewall)).toEqual([
      'redundant inside_in#1: Without it, the traffic it decides would still be denied by global_acl#1.',
      'shadowed global_acl#2: Everything it matches is matched first by global_acl#1.',
    ]);
  });

  it('calls an interface permit redundant when the global list permits the same traffic', () => {
    const firewall = asaWith([
      list('inside_in', [makeRule('inside_in', 1, 'permit', [https])], [{ kind: 'interface-in', interface: 'inside' }]),
      list('global_acl', [makeRule('global_acl', 1, 'permit', [{ ...https, sources: AddressSet.parse('10.0.0.0/8') }])], [{ kind: 'global' }]),
    ]);
    expect(claims(firewall)).toEqual(['redundant inside_in#1: Without it, the traffic it decides would still be permitted by global_acl#1.']);
  });

  it('does not let an outbound list stand in for a removed inbound rule', () => {
    const firewall = asaWith([
      list('inside_in', [makeRule('inside_in', 1, 'deny', [rdp])], [{ kind: 'interface-in', interface: 'inside' }]),
      list('servers_out', [makeRule('servers_out', 1, 'permit', [rdp])], [{ kind: 'interface-out', interface: 'servers' }]),
    ]);
    // The outbound list sees only what the inbound chain permitted: the deny is decided by the implicit deny alone.
    expect(claims(firewall)).toEqual(['redundant inside_in#1: Without it, the traffic it decides would still be denied by implicit deny.']);
  });

  it('where flows cannot be placed on interfaces, still judges each inbound list in its own chain', () => {
    // A transparent firewall: the engine tries each interface traffic may enter by, each with
    // its own list. Entering by inside, RDP meets the implicit deny without inside_in#1.
    const firewall = asaWith([
      list('inside_in', [makeRule('inside_in', 1, 'deny', [rdp])], [{ kind: 'interface-in', interface: 'inside' }]),
      list('outside_in', [makeRule('outside_in', 1, 'permit', [rdp])], [{ kind: 'interface-in', interface: 'outside' }]),
    ], true);
    expect(claims(firewall)).toEqual(['redundant inside_in#1: Without it, the traffic it decides would still be denied by implicit deny.']);
  });

  it('where no list is placed and nothing places flows, walks every list as one chain', () => {
    const firewall = asaWith([list('first', [makeRule('first', 1, 'deny', [rdp])], []), list('second', [makeRule('second', 1, 'permit', [rdp])], [])], true);
    expect(claims(firewall)).toEqual([]);
  });
});
