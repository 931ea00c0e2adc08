import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../src-main/core/engine/index';
import type { MatchBox, Rule } from '../../../src-main/core/model/index';
import { AddressSet, FlowSpace, PortSet, ProtocolSet } from '../../../src-main/core/net/index';
import { decidePacket, UNIVERSE, universeBox, universePackets } from './reference-evaluator';
import { makeRule } from './rule-factory';

const range = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

const addressArb = range(7).map(([low, high]) => AddressSet.fromRange(`10.0.0.${low}`, `10.0.0.${high}`));
const boxArb: fc.Arbitrary<MatchBox> = fc.record({
  sources: fc.oneof(addressArb, fc.constant(AddressSet.any())),
  destinations: fc.oneof(addressArb, fc.constant(AddressSet.any())),
  protocols: fc.constantFrom(ProtocolSet.of(6), ProtocolSet.of(17), ProtocolSet.all()),
  sourcePorts: fc.constantFrom(PortSet.all(), PortSet.of(1024), PortSet.of(1025, 65535)),
  destinationPorts: fc.oneof(range(4).map(([low, high]) => PortSet.of(439 + low, 439 + high)), fc.constant(PortSet.all())),
});
const rulesArb: fc.Arbitrary<Rule[]> = fc
  .array(fc.record({ action: fc.constantFrom('permit' as const, 'deny' as const), match: fc.array(boxArb, { minLength: 1, maxLength: 3 }), enabled: fc.boolean() }), { maxLength: 8 })
  .map((specs) => specs.map((spec, index) => makeRule('acl', index + 1, spec.action, spec.match, { enabled: spec.enabled || index % 3 === 0 })));

const implicitDeny = { kind: 'default' as const, id: 'acl#implicit', action: 'deny' as const, text: 'implicit deny' };

describe('first-match evaluation over exact sets', () => {
  it('permits and denies exactly what the packet-by-packet reference does', () => {
    fc.assert(
      fc.property(rulesArb, (rules) => {
        const outcome = evaluateRules(rules, FlowSpace.of(universeBox), implicitDeny);
        for (const packet of universePackets()) {
          const expected = decidePacket(rules, packet).action;
          expect(outcome.permitted.has(packet)).toBe(expected === 'permit');
          expect(outcome.denied.has(packet)).toBe(expected === 'deny');
        }
        expect(outcome.unknown.isEmpty()).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('credits each part of the flow to the rule the reference says decided it', () => {
    fc.assert(
      fc.property(rulesArb, (rules) => {
        const outcome = evaluateRules(rules, FlowSpace.of(universeBox), implicitDeny);
        for (const packet of universePackets()) {
          const { index } = decidePacket(rules, packet);
          const deciding = outcome.decisions.filter((decision) => decision.space.has(packet));
          expect(deciding).toHaveLength(1);
          const decider = deciding[0]!.decider;
          expect(decider.kind === 'rule' ? rules.indexOf(decider.rule) : -1).toBe(index);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('turns what an unresolved rule might match into unknown, never a guess', () => {
    const resolved = makeRule('acl', 1, 'permit', [{ ...universeBox, destinationPorts: PortSet.of(440) }]);
    const fqdn = makeRule('acl', 2, 'permit', [], {
      unresolved: [{ kind: 'fqdn', name: 'crm.example', reason: 'object CRM is an FQDN' }],
      mayMatch: [{ ...universeBox, destinations: AddressSet.any() }],
    });
    const outcome = evaluateRules([resolved, fqdn], FlowSpace.of(universeBox), implicitDeny);
    expect(outcome.permitted.projectDestinationPorts().toString()).toBe('440');
    expect(outcome.unknown.projectDestinationPorts().toString()).toBe('441-443');
    expect(outcome.denied.isEmpty()).toBe(true);
    expect(outcome.unknownReasons[0]).toContain('object CRM is an FQDN');
  });

  it('uses a universe small enough to enumerate', () => {
    expect([...universePackets()]).toHaveLength(UNIVERSE.hosts.length ** 2 * 2 * 2 * 4);
  });
});
