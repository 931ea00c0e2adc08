import type { Rule, RuleList } from '../model/index';
import { FlowSpace, PortSet } from '../net/index';
import type { AuditContext } from './audit-context';
import { listsPlaced } from './crossing';
import { placedParts, type AuditedFirewall } from './firewall-path';
import { rulesInForceOnlySometimes } from './periodic-rules';
import { evaluateRules } from './rule-chain';
import { zoneAdmits } from './rule-zones';

/** A part of a deployed row's flow that reaches a list, with the interfaces it crosses by. */
interface NeedAtList {
  row: number;
  ingress: string | undefined;
  egress: string | undefined;
  part: FlowSpace;
}

/** What the deployed rows need of one rule: only the traffic that reaches the rule's list. */
export interface RuleNeeds {
  needed: FlowSpace;
  /** Matrix rows (numbers) whose traffic reaching the list the rule matches. */
  rows: number[];
}

/**
 * What the matrix needs of each list of one firewall. A rule on the outside interface's
 * inbound list serves no row whose traffic never enters by outside, however well its
 * addresses and ports fit that row: its need is the parts of the rows that meet its list, as
 * the coverage walk places them. Source ports are left open, as in the site-wide need: a rule
 * that names none is no broader for it.
 */
export function placedNeeds(context: AuditContext, audited: AuditedFirewall): (list: RuleList, rule: Rule, match: FlowSpace) => RuleNeeds {
  const byList = new Map<RuleList, NeedAtList[]>();
  for (const flow of context.required) {
    for (const placed of placedParts(audited, flow.space)) {
      const part = FlowSpace.fromBoxes(placed.part.boxes().map((box) => ({ ...box, sourcePorts: PortSet.all() })));
      const need = { row: flow.row.row, ingress: placed.source.name, egress: placed.destination.name, part };
      for (const list of listsReached(audited, placed.source.name, placed.destination.name)) {
        let needs = byList.get(list);
        if (!needs) byList.set(list, (needs = []));
        needs.push(need);
      }
    }
  }
  const sometimes = rulesInForceOnlySometimes(audited.firewall);
  const decided = new Map<RuleList, ReadonlyMap<Rule, FlowSpace>>();
  return (list, rule, match) => {
    const needs = (byList.get(list) ?? []).filter((need) => zoneAdmits(rule.fromZones, need.ingress) && zoneAdmits(rule.toZones, need.egress));
    let needed = FlowSpace.fromBoxes(needs.flatMap((need) => need.part.boxes()));
    if (isPlain(rule, sometimes)) {
      let byRule = decided.get(list);
      if (!byRule) decided.set(list, (byRule = firstMatches(list, needed, sometimes)));
      needed = byRule.get(rule) ?? FlowSpace.empty();
    }
    const served = match.intersect(needed);
    const rows = [...new Set(needs.filter((need) => need.part.overlaps(served)).map((need) => need.row))].sort((a, b) => a - b);
    return { needed, rows };
  };
}

/** Enabled, exact, written for no zones and always in force: its first matches are exactly its own. */
function isPlain(rule: Rule, sometimes: ReadonlySet<Rule>): boolean {
  return rule.enabled && rule.unresolved.length === 0 && rule.fromZones === undefined && rule.toZones === undefined && !sometimes.has(rule);
}

/**
 * What of the list's need each plain rule decides first. A rule below another that already
 * permits what the rows need serves no row: the need is its only while it is the first to
 * match. Rules that may or may not match (unresolved, zoned, on a recurring schedule) are
 * passed over, so what they might take still counts as needed by the rules below them.
 */
function firstMatches(list: RuleList, needed: FlowSpace, sometimes: ReadonlySet<Rule>): ReadonlyMap<Rule, FlowSpace> {
  const plain = list.rules.filter((rule) => isPlain(rule, sometimes));
  const outcome = evaluateRules(plain, needed, { kind: 'default', id: `${list.name}#end`, action: 'deny', text: '' });
  const byRule = new Map<Rule, FlowSpace>();
  for (const { decider, space } of outcome.decisions) {
    if (decider.kind === 'rule') byRule.set(decider.rule, (byRule.get(decider.rule) ?? FlowSpace.empty()).union(space));
  }
  return byRule;
}

/**
 * The lists that may see a part, as the coverage walk applies them: the ingress interface's
 * inbound lists and the global ones, then the egress interface's outbound lists. Where an end
 * is not placed, every list that could be on its side may see it; where nothing is placed at
 * all, every list filters everything.
 */
function listsReached(audited: AuditedFirewall, ingress: string | undefined, egress: string | undefined): Set<RuleList> {
  const firewall = audited.firewall;
  const unknownIngress = ingress === undefined;
  const unknownEgress = egress === undefined;
  const reached = listsPlaced(
    firewall,
    (placement) =>
      placement.kind === 'global' ||
      (placement.kind === 'interface-in' && (unknownIngress || placement.interface === ingress)) ||
      (placement.kind === 'interface-out' && (unknownEgress || placement.interface === egress)),
  ).map((item) => item.list);
  const nothingPlaced = firewall.ruleLists.every((list) => list.appliedAt.length === 0);
  if (nothingPlaced && audited.topology.basis === 'none') return new Set(firewall.ruleLists);
  return new Set(reached);
}
