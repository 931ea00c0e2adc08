import type { Firewall, Rule } from '../model/index';

/*
 * Rules written for zones (a policy export's From/To columns) filter only the traffic that
 * enters and leaves by those zones; a rule without zones, like every ASA rule, filters any.
 * Zone names compare case-insensitively: exports and site files rarely agree on case.
 */

/** Whether a rule written for `zones` may see traffic by the zone `name` (unknown names: it may). */
export function zoneAdmits(zones: readonly string[] | undefined, name: string | undefined): boolean {
  if (zones === undefined || name === undefined) return true;
  const wanted = name.toLowerCase();
  return zones.some((zone) => zone.toLowerCase() === wanted);
}

function coversZones(outer: readonly string[] | undefined, inner: readonly string[] | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  const names = new Set(outer.map((zone) => zone.toLowerCase()));
  return inner.every((zone) => names.has(zone.toLowerCase()));
}

function disjointZones(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const names = new Set(a.map((zone) => zone.toLowerCase()));
  return !b.some((zone) => names.has(zone.toLowerCase()));
}

/** `outer` sees, by its zones, all the traffic `inner` sees. */
export function zonesCover(outer: Rule, inner: Rule): boolean {
  return coversZones(outer.fromZones, inner.fromZones) && coversZones(outer.toZones, inner.toZones);
}

/** No traffic is seen by both rules, whatever their addresses. */
export function zonesDisjoint(a: Rule, b: Rule): boolean {
  return disjointZones(a.fromZones, b.fromZones) || disjointZones(a.toZones, b.toZones);
}

// One stand-in per rule and unknown side (from, to or both: 1, 2, 3), so every row and trace
// that meets it shares its sets.
const uncertainStandIns = new WeakMap<Rule, Rule[]>();

/**
 * The rule as it filters a flow whose ingress or egress zone is not known: when it is written
 * for zones on an unknown side, it may or may not see the flow, so everything it would match
 * becomes "might match" with the reason, never a guess either way. Other rules are returned as
 * they are.
 */
export function whereZonesUnknown(rule: Rule, ingress: string | undefined, egress: string | undefined): Rule {
  const unknownFrom = rule.fromZones !== undefined && ingress === undefined;
  const unknownTo = rule.toZones !== undefined && egress === undefined;
  if (!unknownFrom && !unknownTo) return rule;
  const sides = (unknownFrom ? 1 : 0) + (unknownTo ? 2 : 0);
  let known = uncertainStandIns.get(rule);
  if (known === undefined) uncertainStandIns.set(rule, (known = []));
  let standIn = known[sides];
  if (standIn === undefined) {
    const zones = [...(unknownFrom ? [`from ${rule.fromZones!.join(', ')}`] : []), ...(unknownTo ? [`to ${rule.toZones!.join(', ')}`] : [])].join(' ');
    standIn = {
      ...rule,
      match: [],
      mayMatch: [...rule.match, ...(rule.mayMatch ?? [])],
      unresolved: [
        ...rule.unresolved,
        { kind: 'zone', reason: `the rule is written for zones (${zones}) and which zone the flow enters or leaves by is not known: give the site file zones: for this firewall` },
      ],
    };
    known[sides] = standIn;
  }
  return standIn;
}

/** The zone names the rules are written for, in first-use order, each once as first written. */
export function zonesNamedByRules(firewall: Firewall): string[] {
  const zones = new Map<string, string>();
  for (const list of firewall.ruleLists) {
    for (const rule of list.rules) {
      for (const zone of [...(rule.fromZones ?? []), ...(rule.toZones ?? [])]) if (!zones.has(zone.toLowerCase())) zones.set(zone.toLowerCase(), zone);
    }
  }
  return [...zones.values()];
}
