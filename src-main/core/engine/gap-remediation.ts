import type { Firewall, Rule } from '../model/index';
import type { FlowSpace } from '../net/index';
import { asaPermitLines } from '../vendors/cisco-asa/remediation';
import type { FirewallVerdict } from './coverage';
import { securityLevel } from './crossing';
import { missingPermitText } from './remediation';
import type { Decider } from './verdict';

/** One block of a gap's remediation: what to do ("Insert before servers_in#9") and the commands. */
export interface RemediationStep {
  heading: string;
  body: string;
}

type DefaultDecider = Extract<Decider, { kind: 'default' }>;

/** Where the permits for one part of a gap go, with the part that goes there. */
interface Placement {
  list?: string;
  /** The earliest rule of `list` that denies part of the gap: the permits go above it. */
  before?: Rule;
  /** No list decided: the firewall's built-in behaviour did, where the traffic entered. */
  builtIn?: { decider: DefaultDecider; ingress: string | undefined; egress: string | undefined };
  space: FlowSpace;
}

/**
 * The remediation for what one firewall denies of a row, in that firewall's syntax: one step
 * per list (or built-in behaviour) that denies part of it, since a permit only helps in the
 * list that decided the part it covers.
 */
export function gapRemediationSteps(verdict: FirewallVerdict, label: string): RemediationStep[] {
  const placements = placementsOf(verdict);
  const { firewall } = verdict.audited;
  // Object-group names must not collide when one firewall needs several steps for a row.
  return placements.map((placement, index) => stepFor(firewall, placement, placements.length > 1 ? `${label}-${index + 1}` : label));
}

function placementsOf(verdict: FirewallVerdict): Placement[] {
  const byKey = new Map<string, Placement>();
  for (const { ingress, egress, outcome } of verdict.crossings) {
    for (const { decider, action, space } of outcome.decisions) {
      if (action !== 'deny') continue;
      const { key, placement } = placementKey(decider, ingress, egress);
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, { ...placement, space });
        continue;
      }
      known.space = known.space.union(space);
      if (placement.before && (!known.before || placement.before.position < known.before.position)) known.before = placement.before;
    }
  }
  return [...byKey.values()];
}

function placementKey(decider: Decider, ingress: string | undefined, egress: string | undefined): { key: string; placement: Omit<Placement, 'space'> } {
  if (decider.kind === 'rule') return { key: `list\u0000${decider.rule.list}`, placement: { list: decider.rule.list, before: decider.rule } };
  const implicit = /^(.+)#implicit$/.exec(decider.id);
  if (implicit) return { key: `list\u0000${implicit[1]!}`, placement: { list: implicit[1]! } };
  return { key: `default\u0000${decider.id}\u0000${ingress ?? ''}\u0000${egress ?? ''}`, placement: { builtIn: { decider, ingress, egress } } };
}

function stepFor(firewall: Firewall, placement: Placement, label: string): RemediationStep {
  const { list, before, builtIn, space } = placement;
  if (list) {
    return { heading: before ? `Insert before ${before.id}` : `Add to ${list}`, body: missingPermitText(firewall.vendor, list, before, space, label) };
  }
  const asa = firewall.vendor === 'cisco-asa';
  if (builtIn?.decider.id === 'null-route') return nullRouteStep(builtIn.decider);
  const sameLevel = builtIn?.decider.id === 'same-security-traffic' || (builtIn?.decider.id === 'security-level' && levelsEqual(firewall, builtIn.ingress, builtIn.egress));
  if (asa && sameLevel) {
    return {
      heading: 'Allow traffic between interfaces that share a security level',
      body: 'same-security-traffic permit inter-interface\nThis applies to every pair of interfaces with equal security levels, not only these two; their access lists still filter it.',
    };
  }
  if (asa && builtIn?.decider.id === 'security-level') return asaAccessListForInterface(firewall, builtIn.ingress, space, label);
  const why = builtIn ? `\nNo rule decides this: ${builtIn.decider.text}. Applying an access list where it enters changes what else passes, so add it with the rules that traffic needs.` : '';
  return { heading: 'Add', body: `${missingPermitText(firewall.vendor, undefined, undefined, space, label)}${why}` };
}

function levelsEqual(firewall: Firewall, ingress: string | undefined, egress: string | undefined): boolean {
  if (ingress === undefined || egress === undefined) return false;
  const from = securityLevel(firewall, ingress);
  return from !== undefined && from === securityLevel(firewall, egress);
}

/** A route to Null0 drops the traffic before any list could let it through: the route is what to change. */
function nullRouteStep(decider: DefaultDecider): RemediationStep {
  const route = decider.ref?.text.trim();
  return {
    heading: `Remove or narrow the route to Null0${decider.ref?.line !== undefined ? ` at line ${decider.ref.line}` : ''}`,
    body: [
      ...(route ? [`no ${route}`] : []),
      'No permit gets past a route to Null0: the firewall discards the traffic it routes there. Remove the route, or replace it with routes that leave out these addresses, or route them more specifically towards the interface they sit behind.',
    ].join('\n'),
  };
}

/**
 * With no access list on the ingress interface the ASA lets traffic go only towards a lower
 * security level. Permitting anything else takes an access list on that interface, and
 * applying one ends the security-level behaviour for all its traffic: what passed by security
 * level alone is then denied unless the list permits it too. Those permits depend on traffic
 * the matrix does not describe, so they are asked for rather than guessed.
 */
function asaAccessListForInterface(firewall: Firewall, ingress: string | undefined, space: FlowSpace, label: string): RemediationStep {
  const where = ingress ?? '<ingress>';
  const list = freeListName(firewall, `${where}_in`);
  const aces = asaPermitLines(list, space, { groupPrefix: label });
  return {
    heading: `Apply an inbound access list to ${where} (it has none, so security levels deny this)`,
    body: [
      ...aces,
      `Applying an access list to ${where} replaces the security-level behaviour for all traffic entering it: whatever passes today only because it goes to a lower security level is denied from then on. ` +
        `Before entering the access-group line below, add to ${list} the permits for the traffic that already relies on that.`,
      `access-group ${list} in interface ${where}`,
    ].join('\n'),
  };
}

/** The conventional name, unless the configuration already has a list by that name. */
function freeListName(firewall: Firewall, wanted: string): string {
  const taken = new Set(firewall.ruleLists.map((list) => list.name));
  if (!taken.has(wanted)) return wanted;
  for (let suffix = 2; ; suffix++) if (!taken.has(`${wanted}_${suffix}`)) return `${wanted}_${suffix}`;
}
