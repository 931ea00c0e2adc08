import type { Firewall, Rule, RuleList } from '../model/index';
import { isSheetRef, placeInFile, referencedObjectNames } from '../model/index';
import { anyBoxesOverlap, type FlowBox, type FlowSpace } from '../net/index';
import type { AuditContext } from './audit-context';
import { referenceOf } from './describe';
import { rulesFollowingLists } from './evaluation-order';
import type { FindingDraft } from './finding-draft';
import { rulesInForceOnlySometimes } from './periodic-rules';
import { MAX_REMAINING_BOXES, sameFateTakers, type Walk } from './same-fate';
import { spacesOfRule } from './rule-spaces';
import { zonesCover } from './rule-zones';
import type { OutOfTime } from './time-ranges';
import { packedBoundsOf, type PackedRuleBounds } from './space-bounds';

/**
 * Rules that can never match (shadowed) or whose removal changes nothing (redundant), among
 * the rules that concern WFOS servers; disabled rules; objects nothing uses. Each claim is
 * exact: it is computed over the same sets as the coverage verdicts.
 */
export function hygieneFindings(
  context: AuditContext,
  firewallName: string,
  firewall: Firewall,
  outOfTime: ReadonlyMap<string, OutOfTime> = new Map(),
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const sometimes = rulesInForceOnlySometimes(firewall);
  const following = rulesFollowingLists(firewall);
  const walk: Walk = { sometimes, implicitAction: firewall.behaviour.implicitAction };
  for (const list of firewall.ruleLists) {
    const shadowing = shadowingOf(list, sometimes);
    const followers = following.get(list) ?? [[]];
    list.rules.forEach((rule, index) => {
      const timing = outOfTime.get(rule.id);
      if (timing) {
        findings.push(outOfTimeFinding(context, firewallName, rule, timing));
        return;
      }
      if (!rule.enabled) {
        findings.push({
          kind: 'disabled', severity: 'info', firewall: firewallName, rule: referenceOf({ kind: 'rule', rule }),
          title: `${rule.id} is inactive`,
          detail: `The rule stays in the configuration but matches nothing.${rule.action === 'permit' && spacesOfRule(rule).certain.overlaps(context.neededSpace) ? ' Enabled, it would permit traffic some matrix rows need.' : ''}`,
          remediation: `Remove ${rule.id} if it is no longer needed, or re-enable it deliberately.`,
        });
        return;
      }
      if (!concernsWfos(context, rule, shadowing.bounds(), index)) return;
      const finding = shadowedOrRedundant(firewallName, list, index, rule, shadowing, followers, walk);
      if (finding) findings.push(finding);
      shadowing.passed(index);
    });
  }
  // One by one: a spread into push() fails past about a hundred thousand unused objects.
  for (const finding of unusedObjects(firewallName, firewall)) findings.push(finding);
  return findings;
}

function outOfTimeFinding(context: AuditContext, firewallName: string, rule: Rule, timing: OutOfTime): FindingDraft {
  const day = timing.date.toISOString().slice(0, 10);
  const needed = rule.action === 'permit' && spacesOfRule(rule).certain.overlaps(context.neededSpace);
  const consequence = needed ? ' Some matrix rows need traffic it would permit: they are audited without it.' : '';
  return timing.kind === 'ended'
    ? {
        kind: 'expired', severity: 'low', firewall: firewallName, rule: referenceOf({ kind: 'rule', rule }),
        title: `${rule.id} expired with time-range ${timing.range} on ${day}`,
        detail: `The time-range's absolute window ended, so the firewall matches nothing with this rule.${consequence}`,
        remediation: `Remove ${rule.id} (and time-range ${timing.range} if nothing else uses it), or give it a new window if the access is still needed.`,
      }
    : {
        kind: 'disabled', severity: 'info', firewall: firewallName, rule: referenceOf({ kind: 'rule', rule }),
        title: `${rule.id} is not active before ${day} (time-range ${timing.range})`,
        detail: `Until the time-range's absolute window starts, the firewall matches nothing with this rule.${consequence}`,
        remediation: `Check that ${rule.id} is meant to take effect on ${day}.`,
      };
}

function concernsWfos(context: AuditContext, rule: Rule, bounds: PackedRuleBounds, index: number): boolean {
  // The rule's own boxes answer exactly; they hold no empty box, so no FlowSpace is needed.
  return bounds.mayTouchAddresses(index, context.wfosAddresses) && rule.match.some((box) => box.sources.overlaps(context.wfosAddresses) || box.destinations.overlaps(context.wfosAddresses));
}

interface Shadowing {
  /**
   * What the rule at an index can still match after the rules above it, and which of them cut
   * into it; undefined when that is too costly to compute exactly, in which case no claim is made.
   */
  at(index: number): { effective: FlowSpace; covering: Rule[] } | undefined;
  /**
   * The walk down the list is done with this index. Only later rules' answers are asked for
   * after it (as takers of a redundant rule's traffic), so this one's remainder can go:
   * remainders cut by groups of thousands of ranges are large, and kept for the whole list
   * they were copied by every collection on the way.
   */
  passed(index: number): void;
  /** The list's rule bounds, for scans that skip what cannot overlap. */
  bounds(): PackedRuleBounds;
}

/**
 * Exact remaining spaces are computed only while they stay small: a rule overlapped by
 * hundreds of earlier ones fragments into thousands of boxes, and the claim is not worth
 * minutes. A skipped rule gets no finding, never a wrong one. The limit on pieces,
 * MAX_REMAINING_BOXES, is shared with the redundancy replay.
 */
const MAX_OVERLAPPING_EARLIER = 64;
/** Redundancy replays the rest of the list on the remainder: kept to small remainders. */
const MAX_REDUNDANCY_BOXES = 8;

/**
 * Per list, computed on demand and remembered: redundancy checks ask about later rules too.
 * Only rules always in force cut: one that applies on weekdays lets the rest through at night.
 */
function shadowingOf(list: RuleList, sometimes: ReadonlySet<Rule>): Shadowing {
  const memo = new Map<number, { effective: FlowSpace; covering: Rule[] } | undefined>();
  const rules = list.rules;
  const decisive = Uint8Array.from(rules, (rule) => (rule.enabled && rule.unresolved.length === 0 && !sometimes.has(rule) ? 1 : 0));
  let packed: PackedRuleBounds | undefined;
  const bounds = () => (packed ??= packedBoundsOf(rules));
  return {
    bounds,
    passed: (index) => void memo.delete(index),
    at(index) {
      if (memo.has(index)) return memo.get(index);
      const table = bounds();
      const rule = rules[index]!;
      const ruleSpace = spacesOfRule(rule).certain;
      const overlapping: Rule[] = [];
      table.forEachOverlapping(table.boundsAt(index), 0, index, (position) => {
        const other = rules[position]!;
        // An earlier rule shadows only where it sees all the traffic this one does: for zoned rules, by zone too.
        // Rules' boxes hold exactly their packets, so no space is built for the many that miss.
        if (decisive[position] && anyBoxesOverlap(other.match, rule.match) && zonesCover(other, rule)) overlapping.push(other);
        return overlapping.length <= MAX_OVERLAPPING_EARLIER;
      });
      const known = overlapping.length <= MAX_OVERLAPPING_EARLIER ? exactRemainder(ruleSpace, overlapping) : undefined;
      memo.set(index, known);
      return known;
    },
  };
}

/**
 * The remainder holds the same packets whatever the order of the cuts; only the pieces on the
 * way differ, and cutting with the rules that cover the most dimensions first leaves the
 * fewest. The list's order is kept where a finding shows it: which rules a shadowed rule is
 * named against. Otherwise the remainder may come out in other pieces, or stay under the size
 * limit where the list's order would not; its packets are the same, so what follows is exact.
 */
function exactRemainder(ruleSpace: FlowSpace, overlapping: readonly Rule[]): { effective: FlowSpace; covering: Rule[] } | undefined {
  if (overlapping.length > 2) {
    const quick = remainderAfter(ruleSpace, widestFirst(ruleSpace, overlapping));
    if (quick !== undefined && !quick.effective.isEmpty()) return quick;
  }
  return remainderAfter(ruleSpace, overlapping);
}

/** The rules, those whose boxes cover more dimensions of the rule's first box ahead, list order otherwise kept. */
function widestFirst(ruleSpace: FlowSpace, overlapping: readonly Rule[]): Rule[] {
  const box = ruleSpace.boxes()[0];
  if (box === undefined) return [...overlapping];
  const scored = overlapping.map((rule, at) => ({ rule, at, covered: dimensionsCovered(rule.match, box) }));
  scored.sort((a, b) => b.covered - a.covered || a.at - b.at);
  return scored.map((item) => item.rule);
}

function dimensionsCovered(boxes: readonly FlowBox[], box: FlowBox): number {
  let best = 0;
  for (const theirs of boxes) {
    const covered =
      Number(box.sources.isSubsetOf(theirs.sources)) +
      Number(box.destinations.isSubsetOf(theirs.destinations)) +
      Number(box.protocols.isSubsetOf(theirs.protocols)) +
      Number(box.sourcePorts.isSubsetOf(theirs.sourcePorts)) +
      Number(box.destinationPorts.isSubsetOf(theirs.destinationPorts));
    if (covered > best) best = covered;
  }
  return best;
}

/** What the cuts, in the order given, leave of the rule's space, and the rules that cut into it. */
function remainderAfter(ruleSpace: FlowSpace, overlapping: readonly Rule[]): { effective: FlowSpace; covering: Rule[] } | undefined {
  let effective = ruleSpace;
  const covering: Rule[] = [];
  for (const earlier of overlapping) {
    // Earlier rules here are resolved, so their boxes say whether they cut what is left without building their space.
    if (!anyBoxesOverlap(earlier.match, effective.boxes())) continue;
    const earlierSpace = spacesOfRule(earlier).certain;
    covering.push(earlier);
    // Pieces are merged only when they pile up: most remainders shrink to nothing anyway.
    effective = effective.subtractUnmerged(earlierSpace);
    if (effective.isEmpty()) break;
    if (effective.boxes().length > MAX_REMAINING_BOXES) {
      effective = effective.compact();
      if (effective.boxes().length > MAX_REMAINING_BOXES) return undefined;
    }
  }
  return { effective: effective.compact(), covering };
}

function shadowedOrRedundant(
  firewallName: string, list: RuleList, index: number, rule: Rule, shadowing: Shadowing, followers: readonly (readonly Rule[])[], walk: Walk,
): FindingDraft | undefined {
  if (rule.unresolved.length > 0) return undefined;
  const known = shadowing.at(index);
  if (!known) return undefined;
  const { effective, covering } = known;
  if (covering.length > 0) reachable.set(rule, effective);
  const reference = referenceOf({ kind: 'rule', rule });
  if (effective.isEmpty()) {
    return {
      kind: 'shadowed', severity: rule.action === 'deny' ? 'medium' : 'low', firewall: firewallName, rule: reference,
      title: `${rule.id} can never match`,
      detail: `Everything it matches is matched first by ${covering.map((item) => item.id).join(', ')}.${rule.action === 'deny' ? ' The traffic it was meant to block is decided by those rules instead.' : ''}`,
      remediation: `Remove ${rule.id}, or move it above ${covering[0]!.id} if it was meant to take effect.`,
    };
  }
  // A logged deny is kept for its log lines, whatever the implicit deny would do.
  if (rule.action === 'deny' && rule.logging) return undefined;
  if (effective.boxes().length > MAX_REDUNDANCY_BOXES) return undefined;
  // Rules whose bounds miss the remainder take nothing from it; the replay needs only the others.
  const takers = sameFateTakers(list, index, effective, shadowing.bounds(), followers, walk);
  if (!takers) return undefined;
  // Two copies of one rule: the later copy is reported as shadowed, so the first is not redundant as well.
  const takenOverByShadowed = takers.some((taker) => typeof taker !== 'string' && list.rules.includes(taker) && shadowing.at(list.rules.indexOf(taker))?.effective.isEmpty() === true);
  if (takenOverByShadowed) return undefined;
  const decidedBy = takers.map((taker) => (typeof taker === 'string' ? taker : taker.id));
  const finding: FindingDraft = {
    kind: 'redundant', severity: 'low', firewall: firewallName, rule: reference,
    title: `${rule.id} is redundant`,
    detail: `Without it, the traffic it decides would still be ${rule.action === 'permit' ? 'permitted' : 'denied'} by ${decidedBy.join(', ')}.`,
    remediation: `Remove ${rule.id}.`,
  };
  redundantTakers.set(finding, decidedBy);
  return finding;
}

const redundantTakers = new WeakMap<FindingDraft, readonly string[]>();

// What each rule checked here can still match after the rules above it, for the findings that
// judge what a rule really lets through; kept only where rules above cut into it.
const reachable = new WeakMap<Rule, FlowSpace>();

/**
 * What the rule can still match once the rules above it have taken theirs, where hygiene
 * worked it out exactly and rules above cut into it (rules near a WFOS address); undefined
 * elsewhere.
 */
export function reachableSpaceOf(rule: Rule): FlowSpace | undefined {
  return reachable.get(rule);
}

/** The rules a redundant finding says would take over its rule's traffic (ids; the implicit action by name). */
export function takersOfRedundant(finding: FindingDraft): readonly string[] {
  return redundantTakers.get(finding) ?? [];
}

/**
 * Objects and groups nothing in use refers to: no rule (enabled or not), no NAT statement, no
 * group that is itself in use. A group only an unused group names is unused too.
 */
function unusedObjects(firewallName: string, firewall: Firewall): FindingDraft[] {
  const used = referencedObjectNames(firewall);
  const objects = [...firewall.objects.networks, ...firewall.objects.services];
  // Which groups name each object, built once: asking every group about every object is quadratic.
  const groupsNaming = new Map<string, string[]>();
  for (const group of objects) {
    for (const member of new Set(group.members)) {
      const names = groupsNaming.get(member);
      if (names) names.push(group.name);
      else groupsNaming.set(member, [group.name]);
    }
  }
  return objects
    .filter((object) => object.kind !== 'name' && !used.has(object.name))
    .map((object) => {
      // Only unused groups can name an unused object; they have to go first.
      const groups = groupsNaming.get(object.name) ?? [];
      const where = placeInFile(object.ref);
      return {
        kind: 'unused-object', severity: 'info' as const, firewall: firewallName,
        rule: { id: object.name, ...(isSheetRef(object.ref) ? { sheet: object.ref.sheet, row: object.ref.row } : { line: object.ref.line }), text: object.ref.text },
        title: `Object ${object.name} is not used by any rule or NAT statement`,
        detail: groups.length
          ? `Defined at ${where}; only ${groups.join(', ')} refer${groups.length > 1 ? '' : 's'} to it, and ${groups.length > 1 ? 'they are' : 'that group is'} not in use either.`
          : `Defined at ${where} and referred to by no rule, NAT statement or group.`,
        remediation: groups.length
          ? `Remove ${object.name} after ${groups.join(', ')}, if nothing outside this configuration needs it.`
          : `Remove ${object.name} if nothing outside this configuration needs it.`,
      };
    });
}
