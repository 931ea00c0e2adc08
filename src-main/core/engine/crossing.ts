import type { Firewall, Placement, Rule, RuleList } from '../model/index';
import type { FlowSpace } from '../net/index';
import { chainOutcomes, defaultOutcome, evaluateRules, unknownOutcome } from './rule-chain';
import { whereZonesUnknown, zoneAdmits } from './rule-zones';
import { agreedOutcome } from './agreement';
import { packJoined } from './space-bounds';
import type { Decider, Outcome } from './verdict';

type DefaultDecider = Extract<Decider, { kind: 'default' }>;

export function listsPlaced(firewall: Firewall, test: (placement: Placement) => boolean): { list: RuleList; placement: Placement }[] {
  return firewall.ruleLists.flatMap((list) => list.appliedAt.filter(test).map((placement) => ({ list, placement })));
}

function implicitDeny(firewall: Firewall, lists: { list: RuleList; placement: Placement }[]): DefaultDecider {
  const last = lists[lists.length - 1]!;
  const names = lists.map((item) => item.list.name).join(' then ');
  return {
    kind: 'default',
    id: `${last.list.name}#implicit`,
    action: firewall.behaviour.implicitAction,
    text: `implicit ${firewall.behaviour.implicitAction} at the end of ${names}`,
    ...(last.placement.ref && { ref: last.placement.ref }),
  };
}

/**
 * The lists' rules that filter traffic from `ingress` to `egress`. A rule written for zones
 * (a policy export's From/To columns) is skipped where the flow enters or leaves by another
 * zone. Where the engine does not know the zone (no topology and no site zones) whether it
 * applies is not known either: it stays, taken as a rule that might match.
 */
function rulesBetween(lists: readonly { list: RuleList }[], ingress: string | undefined, egress: string | undefined): Rule[] {
  // Every row crosses the same few interface pairs: the same array each time also lets the
  // rule walk reuse its packed bounds.
  const first = lists[0]!.list;
  const key = `${lists.map((item) => item.list.name).join('\u0000')}\u0001${ingress ?? ''}\u0001${egress ?? ''}`;
  let known = orderedRules.get(first);
  if (!known) orderedRules.set(first, (known = new Map()));
  let rules = known.get(key);
  if (!rules) {
    rules = lists.flatMap((item) => item.list.rules);
    if (lists.some((item) => hasZonedRules(item.list))) {
      rules = rules.filter((rule) => zoneAdmits(rule.fromZones, ingress) && zoneAdmits(rule.toZones, egress)).map((rule) => whereZonesUnknown(rule, ingress, egress));
    } else {
      packJoined(rules, lists.map((item) => item.list.rules));
    }
    known.set(key, rules);
  }
  return rules;
}

const orderedRules = new WeakMap<RuleList, Map<string, Rule[]>>();

// Whether a list has zoned rules is asked for every crossing of every row: answered once per list.
const zonedLists = new WeakMap<RuleList, boolean>();

function hasZonedRules(list: RuleList): boolean {
  let zoned = zonedLists.get(list);
  if (zoned === undefined) {
    zoned = list.rules.some((rule) => rule.fromZones !== undefined || rule.toZones !== undefined);
    zonedLists.set(list, zoned);
  }
  return zoned;
}

export function securityLevel(firewall: Firewall, name: string): number | undefined {
  return firewall.interfaces.find((item) => item.name === name)?.securityLevel;
}

/**
 * What happens to traffic entering `ingress` and leaving `egress`. Where the ingress is not
 * known and the firewall filters differently on different interfaces, each is tried: only
 * what every one of them decides alike is certain.
 */
export function evaluateCrossing(firewall: Firewall, ingress: string | undefined, egress: string | undefined, space: FlowSpace): Outcome {
  if (ingress === undefined) {
    // Every interface traffic may enter by: those with a list, and those the security levels guard.
    const carrying = firewall.interfaces.filter((item) => item.name !== undefined && !item.shutdown && !item.managementOnly).map((item) => item.name!);
    const listed = listsPlaced(firewall, (placement) => placement.kind === 'interface-in').map((item) => item.placement.interface!);
    const candidates = [...new Set([...listed, ...carrying])];
    if (candidates.length > 1) {
      const cases = candidates.map((name) => ({ label: `entering by ${name}`, outcome: evaluatePlaced(firewall, name, egress, space) }));
      return agreedOutcome(cases, space, {
        why: "the interface this traffic enters by is not known (neither the configuration nor the site's zones place its addresses)",
        deciders: "the interfaces' lists",
        advice: 'give the site file zones: to place it',
      });
    }
  }
  return evaluatePlaced(firewall, ingress, egress, space);
}

/**
 * Traffic entering `ingress` and leaving `egress`: the inbound lists on the ingress interface
 * and the global lists (in that order, as the ASA processes them), the vendor's built-in rule
 * where no list applies, the same-security restriction, then the outbound list on the egress
 * interface.
 */
function evaluatePlaced(firewall: Firewall, ingress: string | undefined, egress: string | undefined, space: FlowSpace): Outcome {
  const inbound = [
    ...listsPlaced(firewall, (placement) => placement.kind === 'interface-in' && (ingress === undefined || placement.interface === ingress)),
    ...listsPlaced(firewall, (placement) => placement.kind === 'global'),
  ];
  let outcome: Outcome;
  if (inbound.length > 0) {
    outcome = evaluateRules(rulesBetween(inbound, ingress, egress), space, implicitDeny(firewall, inbound));
  } else if (ingress === undefined && firewall.ruleLists.length > 0) {
    // No topology and nothing placed: the source is a plain rule list, taken to filter every flow.
    const lists = firewall.ruleLists.map((list) => ({ list, placement: { kind: 'global' as const } }));
    outcome = evaluateRules(rulesBetween(lists, ingress, egress), space, implicitDeny(firewall, lists));
  } else if (ingress !== undefined && egress === undefined && firewall.behaviour.defaultAction === 'security-level') {
    return unknownOutcome(space, `no access list on ${ingress}: security levels decide there, and the interface this traffic leaves by is not known`);
  } else {
    outcome = defaultOutcome(space, builtInDecision(firewall, ingress, egress));
  }

  const fromLevel = ingress === undefined ? undefined : securityLevel(firewall, ingress);
  const toLevel = egress === undefined ? undefined : securityLevel(firewall, egress);
  if (fromLevel !== undefined && fromLevel === toLevel && !firewall.behaviour.sameSecurityTraffic.interInterface && !outcome.permitted.isEmpty()) {
    const blocked = defaultOutcome(outcome.permitted, {
      kind: 'default',
      id: 'same-security-traffic',
      action: 'deny',
      text: `${ingress} and ${egress} share security level ${fromLevel} and same-security-traffic permit inter-interface is not configured`,
    });
    outcome = chainOutcomes(outcome, () => blocked);
  }

  const outbound = listsPlaced(firewall, (placement) => placement.kind === 'interface-out' && egress !== undefined && placement.interface === egress);
  if (outbound.length > 0) {
    outcome = chainOutcomes(outcome, (permitted) => evaluateRules(rulesBetween(outbound, ingress, egress), permitted, implicitDeny(firewall, outbound)));
  }
  return outcome;
}

function builtInDecision(firewall: Firewall, ingress: string | undefined, egress: string | undefined): DefaultDecider {
  const behaviour = firewall.behaviour.defaultAction;
  if (behaviour !== 'security-level') {
    return { kind: 'default', id: 'default-action', action: behaviour, text: `no access list applies: the default action is ${behaviour}` };
  }
  const from = ingress === undefined ? undefined : securityLevel(firewall, ingress);
  const to = egress === undefined ? undefined : securityLevel(firewall, egress);
  const permit = from !== undefined && to !== undefined && (from > to || (from === to && firewall.behaviour.sameSecurityTraffic.interInterface));
  return {
    kind: 'default',
    id: 'security-level',
    action: permit ? 'permit' : 'deny',
    text: `no access list on ${ingress ?? 'the ingress interface'}: traffic from security level ${from ?? '?'} to ${to ?? '?'} is ${permit ? 'allowed' : 'denied'} by default`,
  };
}
