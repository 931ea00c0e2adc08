import { FlowSpace } from '../net/index';
import type { Firewall } from './firewall';
import type { NetworkObject, ServiceObject } from './objects';
import type { MatchBox, Rule, RuleList } from './rules';

export function ruleListByName(firewall: Firewall, name: string): RuleList | undefined {
  return firewall.ruleLists.find((list) => list.name === name);
}

export function networkObjectByName(firewall: Firewall, name: string): NetworkObject | undefined {
  return firewall.objects.networks.find((object) => object.name === name);
}

export function serviceObjectByName(firewall: Firewall, name: string): ServiceObject | undefined {
  return firewall.objects.services.find((object) => object.name === name);
}

export function ruleById(firewall: Firewall, id: string): Rule | undefined {
  for (const list of firewall.ruleLists) {
    const rule = list.rules.find((candidate) => candidate.id === id);
    if (rule) return rule;
  }
  return undefined;
}

/** The packet space a rule certainly matches, whether or not it is enabled. */
export function ruleMatchSpace(rule: Rule): FlowSpace {
  return spaceOf(rule.match);
}

/**
 * The packet space a rule might match. ICMP type narrowing is widened to all of ICMP here,
 * which is why such rules carry an 'icmp-type' uncertainty.
 */
export function ruleMayMatchSpace(rule: Rule): FlowSpace {
  return spaceOf(rule.mayMatch ?? rule.match);
}

function spaceOf(boxes: readonly MatchBox[]): FlowSpace {
  return FlowSpace.fromBoxes(
    boxes.map(({ sources, destinations, protocols, sourcePorts, destinationPorts }) => ({
      sources,
      destinations,
      protocols,
      sourcePorts,
      destinationPorts,
    })),
  );
}

/**
 * Every object and group name in use: referred to by a rule (enabled or not) or by a NAT
 * statement (its own object, mapped objects, twice NAT's objects), directly or through nested
 * groups. Members of a group nothing uses are not in use either.
 */
export function referencedObjectNames(firewall: Firewall): Set<string> {
  const membersOf = new Map<string, string[]>();
  for (const object of [...firewall.objects.networks, ...firewall.objects.services]) {
    membersOf.set(object.name, object.members);
  }
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    // Depth-first with an explicit stack: groups nest, and a large file has tens of thousands of names.
    const pending = [name];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      for (const member of membersOf.get(next) ?? []) pending.push(member);
    }
  };
  for (const list of firewall.ruleLists) for (const rule of list.rules) for (const name of rule.referencedObjects) visit(name);
  for (const nat of firewall.nat) {
    if (nat.objectName !== undefined) visit(nat.objectName);
    for (const name of nat.referencedObjects) visit(name);
  }
  return seen;
}
