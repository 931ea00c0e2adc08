import type { Rule, RuleList } from '../model/index';
import { FlowSpace, PortSet } from '../net/index';
import type { AuditContext } from './audit-context';
import { listsPlaced } from './crossing';
import { placedParts, type AuditedFirewall } from './firewall-path';
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
  // Rules without zones share their list's need: worked out once per list.
  const unzoned = new Map<RuleList, FlowSpace>();
  return (list, rule, match) => {
    const needs = (byList.get(list) ?? []).filter((need) => zoneAdmits(rule.fromZones, need.ingress) && zoneAdmits(rule.toZones, need.egress));
    let needed: FlowSpace;
    if (rule.fromZones === undefined && rule.toZones === undefined) {
      needed = unzoned.get(list) ?? FlowSpace.fromBoxes(needs.flatMap((need) => need.part.boxes()));
      unzoned.set(list, needed);
    } else {
      needed = FlowSpace.fromBoxes(needs.flatMap((need) => need.part.boxes()));
    }
    const rows = [...new Set(needs.filter((need) => need.part.overlaps(match)).map((need) => need.row))].sort((a, b) => a - b);
    return { needed, rows };
  };
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
