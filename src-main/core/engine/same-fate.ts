import type { Rule, RuleList } from '../model/index';
import { anyBoxesOverlap, type FlowSpace } from '../net/index';
import { spacesOfRule } from './rule-spaces';
import { zonesCover, zonesDisjoint } from './rule-zones';
import { boundsOfSpace, packedBoundsOf, type PackedRuleBounds } from './space-bounds';

/** Past this many pieces a remainder is merged; hygiene's exact remainders give up there. */
export const MAX_REMAINING_BOXES = 256;

/** What the replay of the rules after a removed one needs to know about the firewall. */
export interface Walk {
  sometimes: ReadonlySet<Rule>;
  implicitAction: Rule['action'];
}

export type Taker = Rule | 'implicit deny' | 'implicit permit';

/**
 * Replays what follows the rule at `index` on what it decides, as first match would without
 * it: the rest of its list, then each sequence of lists evaluated after it (an inbound list is
 * followed by the global ones), then the implicit action. Returns the rules that would take
 * that traffic with the same action in every sequence, or undefined as soon as any of it
 * would meet another action or an unresolved rule.
 */
export function sameFateTakers(
  list: RuleList, index: number, effective: FlowSpace, bounds: PackedRuleBounds, followers: readonly (readonly Rule[])[], walk: Walk,
): Taker[] | undefined {
  const rule = list.rules[index]!;
  const own = replay(rule, list.rules, bounds, index + 1, effective, walk.sometimes);
  if (own === undefined) return undefined;
  if (own.remaining.isEmpty()) return own.takers;
  const takers = new Set<Taker>(own.takers);
  for (const rules of followers) {
    const after = replay(rule, rules, packedBoundsOf(rules), 0, own.remaining, walk.sometimes);
    if (after === undefined) return undefined;
    for (const taker of after.takers) takers.add(taker);
    if (after.remaining.isEmpty()) continue;
    if (walk.implicitAction !== rule.action) return undefined;
    takers.add(`implicit ${walk.implicitAction}`);
  }
  return [...takers];
}

/**
 * First match over `rules` from `start` on what `removed` decided: the rules that take some of
 * it with the same action and what none of them takes, or undefined once another action or an
 * unresolved rule is met. The early stop is what keeps the check cheap on long lists. A rule in
 * force only sometimes takes nothing here: with the same action it changes nothing either way,
 * and what it takes when in force is decided the same by the rules after it.
 */
function replay(
  removed: Rule, rules: readonly Rule[], bounds: PackedRuleBounds, start: number, effective: FlowSpace, sometimes: ReadonlySet<Rule>,
): { takers: Rule[]; remaining: FlowSpace } | undefined {
  const takers: Rule[] = [];
  let remaining = effective;
  // Settled once another action, an unresolved rule or the whole remainder is met.
  let settled: 'no claim' | 'taken' | undefined;
  bounds.forEachOverlapping(boundsOfSpace(effective), start, rules.length, (position) => {
    const later = rules[position]!;
    // The removed rule is gone from every list it is walked in (the engine may walk a list twice).
    if (later === removed || !later.enabled || zonesDisjoint(later, removed)) return true;
    // A resolved rule's boxes hold exactly its packets: when they miss the remainder, its space need not be built.
    if (later.unresolved.length === 0 && !anyBoxesOverlap(later.match, remaining.boxes())) return true;
    const { certain, uncertain } = spacesOfRule(later);
    if (uncertain?.overlaps(remaining)) settled = 'no claim';
    else if (!certain.overlaps(remaining)) return true;
    else if (later.action !== removed.action) settled = 'no claim';
    else if (sometimes.has(later)) return true;
    // A later rule that sees only some of this rule's zones would decide only part of it: no claim.
    else if (!zonesCover(later, removed)) settled = 'no claim';
    else {
      takers.push(later);
      remaining = remaining.subtractUnmerged(certain);
      if (remaining.isEmpty()) settled = 'taken';
      else if (remaining.boxes().length > MAX_REMAINING_BOXES) remaining = remaining.compact();
    }
    return settled === undefined;
  });
  if (settled === 'no claim') return undefined;
  return { takers, remaining: remaining.compact() };
}
