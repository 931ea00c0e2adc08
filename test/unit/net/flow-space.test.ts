import { describe, expect, it } from 'vitest';
import {
  AddressParseError,
  AddressSet,
  FlowSpace,
  PortSet,
  ProtocolSet,
  TCP,
  UDP,
  type FlowBox,
} from '../../../src-main/core/net/index';

function box(fields: { src?: string; dst?: string; proto?: number[]; sport?: string; dport?: string }): FlowBox {
  return {
    sources: AddressSet.parse(fields.src ?? 'any'),
    destinations: AddressSet.parse(fields.dst ?? 'any'),
    protocols: fields.proto === undefined ? ProtocolSet.all() : ProtocolSet.of(...fields.proto),
    sourcePorts: fields.sport === undefined ? PortSet.all() : PortSet.parse(fields.sport),
    destinationPorts: fields.dport === undefined ? PortSet.all() : PortSet.parse(fields.dport),
  };
}

const space = (...boxes: Parameters<typeof box>[0][]) => FlowSpace.fromBoxes(boxes.map(box));

const required = space({ src: '10.0.0.0/24', dst: '10.1.0.5', proto: [TCP], dport: '450,1050-1065,4721-4722' });

describe('FlowSpace', () => {
  it('prints one readable line per box', () => {
    expect(required.toString()).toBe('tcp 10.0.0.0/24 -> 10.1.0.5 port 450,1050-1065,4721-4722');
    expect(space({ proto: [UDP], sport: '53', dst: '2001:db8::1' }).toString()).toBe('udp any port 53 -> 2001:db8::1');
    expect(FlowSpace.empty().toString()).toBe('none');
  });

  it('leaves a few readable boxes after rules take ports one by one', () => {
    const afterFirst = required.subtract(space({ src: '10.0.0.0/24', dst: '10.1.0.0/16', proto: [TCP], dport: '450' }));
    expect(afterFirst.toString()).toBe('tcp 10.0.0.0/24 -> 10.1.0.5 port 1050-1065,4721-4722');
    const afterSecond = afterFirst.subtract(space({ dst: '10.1.0.5', proto: [TCP], dport: '1050-1065,4721-4722' }));
    expect(afterSecond.isEmpty()).toBe(true);
  });

  it('splits along sources first when a rule covers only some of them', () => {
    const rest = required.subtract(space({ src: '10.0.0.0/25', proto: [TCP, UDP] }));
    expect(rest.toString()).toBe('tcp 10.0.0.128/25 -> 10.1.0.5 port 450,1050-1065,4721-4722');
    const partial = required.subtract(space({ src: '10.0.0.0/25', proto: [TCP], dport: '450' }));
    expect(partial.boxes()).toHaveLength(2);
    expect(partial.toString()).toBe(
      'tcp 10.0.0.128/25 -> 10.1.0.5 port 450,1050-1065,4721-4722; tcp 10.0.0.0/25 -> 10.1.0.5 port 1050-1065,4721-4722',
    );
  });

  it('coalesces boxes that differ in one field', () => {
    const merged = space({ src: '10.0.0.1', dport: '80' }).union(space({ src: '10.0.0.2', dport: '80' }));
    expect(merged.toString()).toBe('ip 10.0.0.1-10.0.0.2 -> any port 80');
    const rejoined = required.subtract(space({ dport: '1060' })).union(space({ src: '10.0.0.0/24', dst: '10.1.0.5', proto: [TCP], dport: '1060' }));
    expect(rejoined.boxes()).toHaveLength(1);
    expect(rejoined.equals(required)).toBe(true);
  });

  it('intersects with a rule', () => {
    const matched = required.intersect(space({ src: '10.0.0.0/8', proto: [TCP], dport: '1000-1055' }));
    expect(matched.toString()).toBe('tcp 10.0.0.0/24 -> 10.1.0.5 port 1050-1055');
    expect(required.intersect(space({ proto: [UDP] })).isEmpty()).toBe(true);
    expect(required.overlaps(space({ proto: [UDP] }))).toBe(false);
    expect(required.overlaps(space({ dport: '4722' }))).toBe(true);
  });

  it('compares by packets, not by box layout', () => {
    const whole = space({ src: '10.0.0.0/24', dport: '1-100' });
    const pieces = space({ src: '10.0.0.0/25', dport: '1-50' }, { src: '10.0.0.128/25', dport: '1-100' }, { src: '10.0.0.0/25', dport: '51-100' });
    expect(pieces.equals(whole)).toBe(true);
    expect(whole.isSubsetOf(pieces)).toBe(true);
    expect(space({ src: '10.0.0.0/24', dport: '1-101' }).isSubsetOf(whole)).toBe(false);
    expect(FlowSpace.empty().isSubsetOf(whole)).toBe(true);
    expect(FlowSpace.empty().equals(space({ src: 'none' }))).toBe(true);
  });

  it('keeps boxes disjoint when built from overlapping ones', () => {
    const built = space({ dport: '1-10' }, { dport: '5-20', proto: [TCP] }, { dport: '8', src: '10.0.0.1' });
    const boxes = built.boxes();
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const meet = FlowSpace.of(a).intersect(FlowSpace.of(b));
        expect(meet.isEmpty()).toBe(true);
      }
    }
    expect(built.projectDestinationPorts().toString()).toBe('1-20');
  });

  it('treats a box with an empty field as no packets', () => {
    expect(FlowSpace.of(box({ dport: 'none' })).isEmpty()).toBe(true);
    expect(space({ proto: [] }).isEmpty()).toBe(true);
  });

  it('answers membership of single packets', () => {
    const packet = { src: '10.0.0.7', dst: '10.1.0.5', proto: TCP, sport: 40000, dport: 1050 };
    expect(required.has(packet)).toBe(true);
    expect(required.has({ ...packet, dport: 1049 })).toBe(false);
    expect(required.has({ ...packet, proto: UDP })).toBe(false);
    expect(required.has({ ...packet, src: '10.0.1.7' })).toBe(false);
    expect(required.has({ ...packet, src: '::ffff:10.0.0.7' })).toBe(false);
    expect(() => required.has({ ...packet, dst: 'server' })).toThrow(AddressParseError);
  });

  it('projects onto each field', () => {
    const two = space(
      { src: '10.0.0.1', dst: '10.1.0.1', proto: [TCP], dport: '443', sport: '1024-65535' },
      { src: '2001:db8::1', dst: '10.1.0.2', proto: [UDP], dport: '53' },
    );
    expect(two.projectSources().toString()).toBe('10.0.0.1,2001:db8::1');
    expect(two.projectDestinations().toString()).toBe('10.1.0.1-10.1.0.2');
    expect(two.projectProtocols().toString()).toBe('tcp,udp');
    expect(two.projectDestinationPorts().toString()).toBe('53,443');
    expect(two.projectSourcePorts().toString()).toBe('0-65535');
  });

  it('copies only the five fields of a box', () => {
    const extended = { ...box({ dport: '22' }), icmp: { type: 8 } };
    expect(Object.keys(FlowSpace.of(extended).boxes()[0]!)).toEqual(['sources', 'destinations', 'protocols', 'sourcePorts', 'destinationPorts']);
  });

  it('checks 50,000 rule boxes against a required flow quickly', () => {
    const rules: FlowBox[] = [];
    for (let i = 0; i < 50_000; i++) {
      rules.push(
        box({ src: `10.${i % 4}.${i % 256}.0/24`, dst: `10.1.${(i * 7) % 256}.0/24`, proto: [i % 3 === 0 ? UDP : TCP], dport: `${i % 60000}` }),
      );
    }
    const wide = space(
      { src: '10.0.0.0/16', dst: '10.1.0.0/16', proto: [TCP], dport: '443,1050-1065' },
      { src: '10.2.0.0/16', dst: '10.1.0.0/24', proto: [UDP], dport: '53,161-162' },
    );
    const started = performance.now();
    let remaining = wide;
    let matched = FlowSpace.empty();
    let matchingRules = 0;
    for (const rule of rules) {
      const ruleSpace = FlowSpace.of(rule);
      const hit = remaining.intersect(ruleSpace);
      if (hit.isEmpty()) continue;
      matchingRules++;
      matched = matched.union(hit);
      remaining = remaining.subtract(ruleSpace);
    }
    const elapsed = performance.now() - started;
    expect(matchingRules).toBeGreaterThan(0);
    expect(matched.overlaps(remaining)).toBe(false);
    expect(matched.union(remaining).equals(wide)).toBe(true);
    // Generous for a loaded 2-core machine; measured at a few hundred ms.
    expect(elapsed).toBeLessThan(10_000);
  });
});
