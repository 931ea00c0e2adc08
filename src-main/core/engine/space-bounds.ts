import type { Rule } from '../model/index';
import type { AddressSet, FlowSpace } from '../net/index';
import { spacesOfRule } from './rule-spaces';

/**
 * The smallest numeric box around a space: first and last IPv4 source and destination,
 * protocol and destination port. Comparing two of these is a few number comparisons, so
 * list scans use it to skip the rules that cannot overlap before the exact set test.
 * Spaces with IPv6 addresses get unbounded address ranges (they never skip wrongly).
 */
export interface SpaceBounds {
  sourceLow: number;
  sourceHigh: number;
  destinationLow: number;
  destinationHigh: number;
  protocolLow: number;
  protocolHigh: number;
  portLow: number;
  portHigh: number;
}

function addressRange(set: AddressSet): [number, number] {
  if (!set.v6().isEmpty()) return [0, Number.POSITIVE_INFINITY];
  const v4 = set.v4();
  return v4.isEmpty() ? [1, 0] : [Number(v4.min()!), Number(v4.max()!)];
}

function numberRange(ranges: readonly (readonly [number, number])[]): [number, number] {
  return ranges.length === 0 ? [1, 0] : [ranges[0]![0], ranges[ranges.length - 1]![1]];
}

export function boundsOfSpace(space: FlowSpace): SpaceBounds {
  const [sourceLow, sourceHigh] = addressRange(space.projectSources());
  const [destinationLow, destinationHigh] = addressRange(space.projectDestinations());
  const [protocolLow, protocolHigh] = numberRange(space.projectProtocols().ranges());
  const [portLow, portHigh] = numberRange(space.projectDestinationPorts().ranges());
  return { sourceLow, sourceHigh, destinationLow, destinationHigh, protocolLow, protocolHigh, portLow, portHigh };
}

const ruleBounds = new WeakMap<Rule, SpaceBounds>();

/** Bounds of everything a rule might match (its certain and uncertain parts). */
export function boundsOfRule(rule: Rule): SpaceBounds {
  let bounds = ruleBounds.get(rule);
  if (!bounds) {
    const { certain, uncertain } = spacesOfRule(rule);
    ruleBounds.set(rule, (bounds = boundsOfSpace(uncertain ? certain.union(uncertain) : certain)));
  }
  return bounds;
}

export function boundsOverlap(a: SpaceBounds, b: SpaceBounds): boolean {
  return (
    a.sourceLow <= b.sourceHigh && b.sourceLow <= a.sourceHigh &&
    a.destinationLow <= b.destinationHigh && b.destinationLow <= a.destinationHigh &&
    a.protocolLow <= b.protocolHigh && b.protocolLow <= a.protocolHigh &&
    a.portLow <= b.portHigh && b.portLow <= a.portHigh
  );
}
