import type { Diagnostic, Firewall } from '../model/index';
import type { SiteFirewall } from '../site/index';
import { zonesNamedByRules } from './rule-zones';
import type { Topology } from './topology';

/**
 * What the zones of a source do to its verdicts, said once per audit beside the source's own
 * diagnostics: rules written for zones nobody placed, site zones the rules or the interfaces
 * never name. Worked out when the audit runs, since the site's zones (the Sources screen's, or
 * the site file's) can change without the source being read again.
 */
export function zoneWarnings(firewall: Firewall, entry: SiteFirewall, basis: Topology['basis']): Diagnostic[] {
  return [...unplacedZones(firewall, entry.name, basis), ...zonesTheSiteLacks(firewall, entry), ...zonesWithoutInterface(firewall, entry)];
}

/**
 * Rules written for zones on a source that places no flow in a zone (no topology, no site
 * zones): every verdict they touch is "unknown", so say once why and what fixes it.
 */
function unplacedZones(firewall: Firewall, firewallName: string, basis: Topology['basis']): Diagnostic[] {
  if (basis !== 'none') return [];
  const zones = zonesNamedByRules(firewall);
  if (zones.length === 0) return [];
  const named = zones.slice(0, 6).join(', ') + (zones.length > 6 ? `, and ${zones.length - 6} more` : '');
  return [
    {
      line: 0,
      severity: 'warning',
      message: `rules of ${firewallName} are written for zones (${named}) and the site file gives ${firewallName} no zones: whether they apply to a flow is not known, so the verdicts they touch are unknown; map each zone to its subnets under zones: in the site file`,
    },
  ];
}

/**
 * Zone names a rule export uses that the site's `zones:` does not define: such rules never
 * apply to a placed flow, which is worth a warning rather than a quiet "blocked".
 */
function zonesTheSiteLacks(firewall: Firewall, entry: SiteFirewall): Diagnostic[] {
  if (!entry.zones || entry.zones.length === 0) return [];
  const known = new Set(entry.zones.map((zone) => zone.name.toLowerCase()));
  const unknown = new Map<string, number>();
  for (const rule of firewall.ruleLists.flatMap((list) => list.rules)) {
    for (const zone of [...(rule.fromZones ?? []), ...(rule.toZones ?? [])]) {
      if (!known.has(zone.toLowerCase()) && !unknown.has(zone)) unknown.set(zone, rule.ref.row ?? rule.ref.line ?? 0);
    }
  }
  // About the site and the source together, not one row: the row is named in the message.
  return [...unknown].map(([zone, row]) => ({
    line: 0,
    severity: 'warning',
    message: `zone "${zone}" (first used on row ${row}) is not one of the site's zones for ${entry.name} (${entry.zones!.map((item) => item.name).join(', ')}): rules written for it never apply`,
  }));
}

/**
 * For a configuration with named interfaces, the site's zones stand for those interfaces: a
 * flow placed in a zone is filtered by the lists applied on the interface of that name and
 * meets its security level. A zone named after no interface leaves its flows with neither, and
 * names are compared as written (the ASA's nameif is case-sensitive), so say it.
 */
function zonesWithoutInterface(firewall: Firewall, entry: SiteFirewall): Diagnostic[] {
  const interfaces = firewall.interfaces.flatMap((item) => (item.name === undefined ? [] : [item.name]));
  if (!entry.zones || interfaces.length === 0) return [];
  return entry.zones
    .filter((zone) => !interfaces.includes(zone.name))
    .map((zone) => {
      const sameLetters = interfaces.find((name) => name.toLowerCase() === zone.name.toLowerCase());
      return {
        line: 0,
        severity: 'warning',
        message:
          `the site's zone "${zone.name}" for ${entry.name} is not an interface of this configuration (${interfaces.join(', ')})` +
          `${sameLetters ? `; did you mean "${sameLetters}"? Names are compared as written` : ''}: flows placed there meet no interface access list and no security level`,
      };
    });
}
