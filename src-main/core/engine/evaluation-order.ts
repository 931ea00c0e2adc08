import type { Firewall, Placement, Rule, RuleList } from '../model/index';
import { listsPlaced } from './crossing';
import { topologyOf } from './topology';

type Placed = { list: RuleList; placement: Placement };

/**
 * The chains of lists crossing.ts evaluates as one first-match walk, with one implicit action
 * at the end: an interface's inbound lists then the global lists; the global lists alone for
 * an interface with no inbound list; an interface's outbound lists. Where the engine cannot
 * place flows on interfaces (no routes, a transparent firewall) it tries each interface's
 * inbound chain, already listed; where no list is placed at all it walks every list in order
 * as one: that chain is added. Site zones may leave it unused; keeping it only withholds
 * claims, never makes a wrong one.
 */
function evaluationChains(firewall: Firewall): Placed[][] {
  const inbound = listsPlaced(firewall, (placement) => placement.kind === 'interface-in');
  const globals = listsPlaced(firewall, (placement) => placement.kind === 'global');
  const outbound = listsPlaced(firewall, (placement) => placement.kind === 'interface-out');
  const chains: Placed[][] = [];
  for (const name of new Set(inbound.map((item) => item.placement.interface))) {
    chains.push([...inbound.filter((item) => item.placement.interface === name), ...globals]);
  }
  if (globals.length > 0) chains.push(globals);
  for (const name of new Set(outbound.map((item) => item.placement.interface))) {
    chains.push(outbound.filter((item) => item.placement.interface === name));
  }
  const nothingPlaced = inbound.length === 0 && globals.length === 0 && outbound.length === 0;
  if (nothingPlaced && topologyOf(firewall, { name: firewall.file, line: 0 }).basis === 'none') {
    chains.push(firewall.ruleLists.map((list) => ({ list, placement: { kind: 'global' as const } })));
  }
  return chains;
}

/**
 * For each list, the rules its traffic can still meet after its own last rule, once per place
 * it is evaluated; a list evaluated nowhere stands alone. Removing a rule hands what it decided
 * to these before the implicit action. The same sequence is one array, so its bounds are packed once.
 */
export function rulesFollowingLists(firewall: Firewall): ReadonlyMap<RuleList, readonly (readonly Rule[])[]> {
  const byKey = new Map<string, Rule[]>();
  const followers = new Map<RuleList, Map<string, Rule[]>>();
  for (const chain of evaluationChains(firewall)) {
    chain.forEach((item, position) => {
      const after = chain.slice(position + 1).map((later) => later.list);
      const key = after.map((list) => firewall.ruleLists.indexOf(list)).join(',');
      let rules = byKey.get(key);
      if (!rules) byKey.set(key, (rules = after.flatMap((list) => list.rules)));
      let ofList = followers.get(item.list);
      if (!ofList) followers.set(item.list, (ofList = new Map()));
      ofList.set(key, rules);
    });
  }
  return new Map(firewall.ruleLists.map((list) => [list, [...(followers.get(list)?.values() ?? [[]])]]));
}
