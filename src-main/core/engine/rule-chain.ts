import { placeInFile, type Rule } from '../model/index';
import { FlowSpace } from '../net/index';
import { spacesOfRule } from './rule-spaces';
import { boundsOfSpace, packedBoundsOf } from './space-bounds';
import type { Decider, Decision, Outcome } from './verdict';

/**
 * First match over exact sets: each rule takes what is left of the flow where it matches,
 * and what no rule takes meets `fallThrough`. A rule whose match is partly unknown turns
 * what it might match into "unknown" instead of guessing either way.
 */
export function evaluateRules(rules: readonly Rule[], space: FlowSpace, fallThrough: Extract<Decider, { kind: 'default' }>): Outcome {
  let remaining = space;
  let permitted = FlowSpace.empty();
  let denied = FlowSpace.empty();
  let unknown = FlowSpace.empty();
  const decisions: Decision[] = [];
  const unknownReasons: string[] = [];
  const inactiveMatches: Outcome['inactiveMatches'] = [];

  // Most rules of a long list are nowhere near the flow: their bounds say so without building their sets.
  let remainingBounds = boundsOfSpace(remaining);
  const packed = packedBoundsOf(rules);
  // The remainder only shrinks, so the rules its first bounds rule out stay out; the others
  // are checked against its bounds as they are now.
  packed.forEachOverlapping(remainingBounds, 0, rules.length, (index) => {
    if (!packed.overlaps(index, remainingBounds)) return true;
    const rule = rules[index]!;
    const { certain, uncertain } = spacesOfRule(rule);
    if (!rule.enabled) {
      const would = remaining.intersect(certain);
      if (!would.isEmpty()) inactiveMatches.push({ rule, space: would });
      return true;
    }
    const taken = remaining.intersect(certain);
    if (!taken.isEmpty()) {
      decisions.push({ decider: { kind: 'rule', rule }, action: rule.action, space: taken });
      if (rule.action === 'permit') permitted = permitted.union(taken);
      else denied = denied.union(taken);
      remaining = remaining.subtract(taken);
      remainingBounds = boundsOfSpace(remaining);
    }
    if (uncertain && !remaining.isEmpty()) {
      const unsure = remaining.intersect(uncertain);
      if (!unsure.isEmpty()) {
        unknown = unknown.union(unsure);
        unknownReasons.push(...rule.unresolved.map((item) => `${rule.id} (${placeInFile(rule.ref)}): ${item.reason}`));
        remaining = remaining.subtract(unsure);
        remainingBounds = boundsOfSpace(remaining);
      }
    }
    return !remaining.isEmpty();
  });
  if (!remaining.isEmpty()) {
    decisions.push({ decider: fallThrough, action: fallThrough.action, space: remaining });
    if (fallThrough.action === 'permit') permitted = permitted.union(remaining);
    else denied = denied.union(remaining);
  }
  return { permitted, denied, unknown, decisions, unknownReasons, inactiveMatches };
}

/** Runs a second stage (an outbound list) on what the first stage permitted. */
export function chainOutcomes(first: Outcome, second: (space: FlowSpace) => Outcome): Outcome {
  if (first.permitted.isEmpty()) return first;
  const next = second(first.permitted);
  return {
    permitted: next.permitted,
    denied: first.denied.union(next.denied),
    unknown: first.unknown.union(next.unknown),
    decisions: [...first.decisions, ...next.decisions],
    unknownReasons: [...first.unknownReasons, ...next.unknownReasons],
    inactiveMatches: [...first.inactiveMatches, ...next.inactiveMatches],
  };
}

/** One decision for the whole space, from the firewall's built-in behaviour. */
export function defaultOutcome(space: FlowSpace, decider: Extract<Decider, { kind: 'default' }>): Outcome {
  const empty = FlowSpace.empty();
  return {
    permitted: decider.action === 'permit' ? space : empty,
    denied: decider.action === 'deny' ? space : empty,
    unknown: empty,
    decisions: space.isEmpty() ? [] : [{ decider, action: decider.action, space }],
    unknownReasons: [],
    inactiveMatches: [],
  };
}

/** The whole space unknown, for a reason that is not a rule's (no route, for instance). */
export function unknownOutcome(space: FlowSpace, reason: string): Outcome {
  return { permitted: FlowSpace.empty(), denied: FlowSpace.empty(), unknown: space, decisions: [], unknownReasons: [reason], inactiveMatches: [] };
}
