import type { Rule } from '../model/index';

/*
 * Rules written for zones (a policy export's From/To columns) filter only the traffic that
 * enters and leaves by those zones; a rule without zones, like every ASA rule, filters any.
 * Zone names compare case-insensitively: exports and site files rarely agree on case.
 */

/** Whether a rule written for `zones` sees traffic by the zone `name` (unknown names: yes). */
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
