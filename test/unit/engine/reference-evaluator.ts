import type { Rule } from '../../../src-main/core/model/index';
import { AddressSet, PortSet, ProtocolSet, type FlowPacket } from '../../../src-main/core/net/index';

/**
 * The brute-force reference: every packet of a tiny universe decided one at a time by the
 * first enabled rule that contains it. The engine's set answers must agree with it exactly.
 */
export const UNIVERSE = {
  hosts: Array.from({ length: 8 }, (_, index) => `10.0.0.${index}`),
  protocols: [6, 17],
  sourcePorts: [1024, 1025],
  destinationPorts: Array.from({ length: 4 }, (_, index) => index + 440),
};

export function* universePackets(): Generator<FlowPacket> {
  for (const src of UNIVERSE.hosts)
    for (const dst of UNIVERSE.hosts)
      for (const proto of UNIVERSE.protocols)
        for (const sport of UNIVERSE.sourcePorts)
          for (const dport of UNIVERSE.destinationPorts) yield { src, dst, proto, sport, dport };
}

export const universeBox = {
  sources: AddressSet.parse('10.0.0.0/29'),
  destinations: AddressSet.parse('10.0.0.0/29'),
  protocols: ProtocolSet.of(6, 17),
  sourcePorts: PortSet.of(1024, 1025),
  destinationPorts: PortSet.of(440, 443),
};

function ruleContains(rule: Rule, packet: FlowPacket): boolean {
  return rule.match.some(
    (box) =>
      box.sources.contains(packet.src) &&
      box.destinations.contains(packet.dst) &&
      box.protocols.has(packet.proto) &&
      box.sourcePorts.has(packet.sport) &&
      box.destinationPorts.has(packet.dport),
  );
}

/** The action for one packet, and the index of the rule that took it (-1 for the implicit deny). */
export function decidePacket(rules: readonly Rule[], packet: FlowPacket): { action: 'permit' | 'deny'; index: number } {
  const index = rules.findIndex((rule) => rule.enabled && ruleContains(rule, packet));
  return index < 0 ? { action: 'deny', index } : { action: rules[index]!.action, index };
}
