import type { IcmpMatch, Rule } from '../model/index';
import { AddressSet, FlowSpace, ICMP6, PortSet, ProtocolSet } from '../net/index';
import type { Severity } from './audit-result';
import { referenceOf } from './describe';
import { includesInternet, isAnyAddress, isAnyService, sensitiveServicesIn } from './exposure';
import type { FindingDraft } from './finding-draft';
import type { AuditContext } from './audit-context';
import type { AuditedFirewall } from './firewall-path';
import { reachableSpaceOf } from './hygiene';
import { placedNeeds } from './placed-needs';
import { countAddresses, countPorts, everyPortText, icmpTypesText, portedPart, protocolParts, servicesText, type IcmpLabels } from './quantities';
import { spacesOfRule } from './rule-spaces';
import { packedBoundsOf, type PackedRuleBounds } from './space-bounds';
import { tightenedRuleText } from './remediation';

interface RuleShape {
  sources: AddressSet;
  destinations: AddressSet;
  protocols: ProtocolSet;
  /** The TCP, UDP and SCTP protocols among them, the only ones with ports. */
  portedProtocols: ProtocolSet;
  /** Destination ports of the ported protocols only: ICMP has none to count. */
  destinationPorts: PortSet;
}

function shapeOf(space: FlowSpace): RuleShape {
  const ported = portedPart(space);
  return {
    sources: space.projectSources(),
    destinations: space.projectDestinations(),
    protocols: space.projectProtocols(),
    portedProtocols: ported.protocols,
    destinationPorts: ported.ports,
  };
}

/** Every port of the rule's ported protocols is open (and it has some). */
function opensEveryPort(shape: RuleShape): boolean {
  return !shape.portedProtocols.isEmpty() && shape.destinationPorts.isAll();
}

/**
 * The part of a rule narrowed to ICMP types, when that is all that is uncertain about it
 * (no FQDN, no unknown object). Its boxes hold the part as all of ICMP, so `space` is an upper
 * bound in the protocol alone and `labels` say which types it really is. Protocols the certain
 * match already opens whole are left to it.
 */
function icmpTypedPart(rule: Rule, certain: FlowSpace): { space: FlowSpace; labels: IcmpLabels } | undefined {
  if (rule.unresolved.length === 0 || !rule.unresolved.every((item) => item.kind === 'icmp-type')) return undefined;
  const opened = certain.projectProtocols();
  const typesOf = new Map<number, IcmpMatch[]>();
  const boxes = [];
  for (const box of rule.mayMatch ?? []) {
    if (box.icmp === undefined) continue;
    const protocol = box.protocols.has(ICMP6) ? ICMP6 : box.protocols.min();
    if (protocol === undefined || opened.has(protocol)) continue;
    let types = typesOf.get(protocol);
    if (!types) typesOf.set(protocol, (types = []));
    types.push(box.icmp);
    const { sources, destinations, protocols, sourcePorts, destinationPorts } = box;
    boxes.push({ sources, destinations, protocols, sourcePorts, destinationPorts });
  }
  if (boxes.length === 0) return undefined;
  const labels = new Map([...typesOf].map(([protocol, types]) => [protocol, icmpTypesText(protocol, types)] as const));
  return { space: FlowSpace.fromBoxes(boxes), labels };
}

/**
 * Over-permissive rules: enabled permits that let traffic reach or leave a WFOS server
 * beyond what the deployed matrix rows need of them. What a rule is needed for is what the
 * rows send through its own list (placedNeeds): a rule on a list the WFOS traffic never meets
 * serves no row. The excess is exact (the rule's space minus that need); the kind names its
 * main cause and the detail quantifies it. Rules hygiene found shadowed are left to that
 * finding: they can never match, so they open nothing.
 */
export function overPermissiveFindings(context: AuditContext, audited: AuditedFirewall, shadowed: ReadonlySet<string>): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const wfos = context.wfosAddresses;
  if (wfos.isEmpty()) return findings;
  const touchingWfos = context.towardsWfos.union(
    FlowSpace.of({ sources: wfos, destinations: AddressSet.any(), protocols: ProtocolSet.all(), sourcePorts: PortSet.all(), destinationPorts: PortSet.all() }),
  );
  const needsOf = placedNeeds(context, audited);
  // Lists placed nowhere filter nothing, unless nothing places anything (a plain rule export).
  const lists = audited.firewall.ruleLists.filter((list) => list.appliedAt.length > 0 || audited.topology.basis === 'none');
  for (const list of lists) {
    const rules = list.rules;
    const bounds = packedBoundsOf(rules);
    rules.forEach((rule, index) => {
      if (!rule.enabled || rule.action !== 'permit' || shadowed.has(rule.id)) return;
      // Bounds first: most rules of a large firewall are nowhere near a WFOS server.
      if (!bounds.mayTouchAddresses(index, wfos)) return;
      const { certain } = spacesOfRule(rule);
      let typed = icmpTypedPart(rule, certain);
      if (typed && takenAbove(rules, index, bounds, typed.space)) typed = undefined;
      // What rules above it take first it never lets through: the excess is judged on the rest.
      const relevantCertain = (reachableSpaceOf(rule) ?? certain).intersect(touchingWfos);
      if (relevantCertain.isEmpty() && !typed?.space.overlaps(touchingWfos)) return;
      const { needed, rows } = needsOf(list, rule, certain);
      // A typed part counts only where no row needs that protocol: the matrix names no ICMP
      // types, and a rule put in its place could not keep them.
      const withTyped = typed && !typed.space.overlaps(needed) ? typed : undefined;
      const match = withTyped ? certain.union(withTyped.space) : certain;
      const relevant = withTyped ? relevantCertain.union(withTyped.space.intersect(touchingWfos)) : relevantCertain;
      const excess = relevant.subtract(needed);
      if (excess.isEmpty()) return;
      findings.push(describeExcess(context, audited.entry.name, rule, match, excess, rows, certain.intersect(needed), withTyped?.labels ?? NO_LABELS));
    });
  }
  return findings;
}

/** Earlier rules looked at before giving up the claim that a typed part can never match. */
const MAX_EARLIER_CHECKED = 64;

/**
 * Whether rules above `index` that always decide take all of `space` first. Hygiene can make
 * no shadowing claim about a rule it knows only as uncertain, so a typed ICMP line under a
 * line for all of ICMP is checked here: it can never match, and so opens nothing.
 */
function takenAbove(rules: readonly Rule[], index: number, bounds: PackedRuleBounds, space: FlowSpace): boolean {
  let rest = space;
  let checked = 0;
  bounds.forEachOverlapping(bounds.boundsAt(index), 0, index, (position) => {
    const other = rules[position]!;
    // Zoned or timed rules see only part of the traffic; uncertain ones are not known to take it.
    if (!other.enabled || other.unresolved.length > 0 || other.timeRange !== undefined || other.fromZones !== undefined || other.toZones !== undefined) return true;
    rest = rest.subtract(spacesOfRule(other).certain);
    return !rest.isEmpty() && ++checked < MAX_EARLIER_CHECKED;
  });
  return rest.isEmpty();
}

const NO_LABELS: IcmpLabels = new Map();

function describeExcess(context: AuditContext, firewall: string, rule: Rule, match: FlowSpace, excess: FlowSpace, rows: number[], needed: FlowSpace, labels: IcmpLabels): FindingDraft {
  const ruleShape = shapeOf(match);
  const neededShape = shapeOf(needed);
  // What matters is what the excess lets reach the WFOS servers, not what they may reach.
  const sensitive = sensitiveServicesIn(excess.intersect(context.towardsWfos));
  const fromAny = isAnyAddress(ruleShape.sources);
  const fromInternet = includesInternet(shapeOf(excess).sources);
  const anyService = isAnyService(ruleShape.protocols);
  const everyPort = opensEveryPort(ruleShape);

  let kind: string;
  if (fromAny && isAnyAddress(ruleShape.destinations)) kind = 'any-any';
  else if (anyService) kind = 'any-service';
  else if (everyPort) kind = 'broad-ports';
  else if (rows.length === 0) kind = 'unjustified';
  else kind = broadestDimension(ruleShape, neededShape);

  const severity = severityOf(kind, { fromAny, fromInternet, sensitive, allPorts: anyService || everyPort });
  const needs = (text: string) => (rows.length ? `the matrix needs ${text}` : 'the matrix needs none');
  const quantities = [
    `sources: ${countAddresses(ruleShape.sources)} where ${needs(countAddresses(neededShape.sources))}`,
    `destinations: ${countAddresses(ruleShape.destinations)} where ${needs(countAddresses(neededShape.destinations))}`,
    `services: ${servicesText(ruleShape.protocols, ruleShape.destinationPorts, labels)} where ${needs(servicesText(neededShape.protocols, neededShape.destinationPorts))}`,
  ];
  const title = titleOf(kind, ruleShape, neededShape, labels, { sensitive, fromAny, fromInternet, served: rows.length > 0 });
  const servedText = rows.length ? `It serves matrix row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}.` : 'No deployed matrix row needs it.';
  return {
    kind,
    severity,
    firewall,
    rule: referenceOf({ kind: 'rule', rule }),
    ...(rows.length && { rows }),
    title,
    detail: `${servedText} It permits ${quantities.join('; ')}.${sensitive.length ? ` The excess reaches ${sensitive.join(', ')} on WFOS servers.` : ''} Beyond the matrix it permits: ${describeSpace(excess, labels)}.`,
    remediation: rows.length
      ? `Replace ${rule.id} with rules that permit only what the matrix needs:\n${tightenedRuleText(context.vendorOf(firewall), rule, needed)}`
      : `Remove ${rule.id}, or document the business need it serves: no WFOS flow deployed at this site needs it.`,
  };
}

const MAX_BOXES_DESCRIBED = 4;
/** Addresses named per side of a part; the counts above give the size of the rest. */
const MAX_ADDRESSES_DESCRIBED = 8;

/** A space in a sentence; long ones are cut, the report has the rule and the matrix for the rest. */
function describeSpace(space: FlowSpace, labels: IcmpLabels): string {
  const boxes = space.boxes();
  const addresses = (set: AddressSet) => set.toShortString(MAX_ADDRESSES_DESCRIBED);
  const text = boxes.slice(0, MAX_BOXES_DESCRIBED).map((box) => `${protocolsText(box.protocols, labels)} from ${addresses(box.sources)} to ${addresses(box.destinations)}${box.destinationPorts.isAll() ? '' : ` ports ${box.destinationPorts.toString()}`}`);
  return text.join('; ') + (boxes.length > MAX_BOXES_DESCRIBED ? `; and ${boxes.length - MAX_BOXES_DESCRIBED} more parts` : '');
}

/** A box's protocols as the set prints them, with a rule's ICMP types in place of all of ICMP. */
function protocolsText(protocols: ProtocolSet, labels: IcmpLabels): string {
  if (![...labels.keys()].some((protocol) => protocols.has(protocol))) return protocols.toString();
  const unlabelled = [...labels.keys()].reduce((rest, protocol) => rest.subtract(ProtocolSet.of(protocol)), protocols);
  const named = [...labels].filter(([protocol]) => protocols.has(protocol)).map(([, text]) => text);
  return [...(unlabelled.isEmpty() ? [] : [unlabelled.toString()]), ...named].join(',');
}

function broadestDimension(rule: RuleShape, needed: RuleShape): string {
  const ratio = (have: bigint, need: bigint) => (need === 0n ? (have === 0n ? 1 : Number.POSITIVE_INFINITY) : Number(have) / Number(need));
  const total = (set: AddressSet) => set.size().v4 + set.size().v6;
  const candidates: [string, number][] = [
    ['broad-source', ratio(total(rule.sources), total(needed.sources))],
    ['broad-destination', ratio(total(rule.destinations), total(needed.destinations))],
    ['broad-ports', ratio(BigInt(rule.destinationPorts.size()), BigInt(needed.destinationPorts.size()))],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![0];
}

function severityOf(kind: string, exposure: { fromAny: boolean; fromInternet: boolean; sensitive: string[]; allPorts: boolean }): Severity {
  const exposed = exposure.fromAny || exposure.fromInternet;
  if (kind === 'any-any') return 'critical';
  if (exposed && exposure.sensitive.length > 0) return 'critical';
  if (kind === 'any-service' || exposure.allPorts) return exposed ? 'critical' : 'high';
  if (exposure.sensitive.length > 0) return 'high';
  if (kind === 'unjustified') return exposed ? 'high' : 'medium';
  return exposed ? 'high' : 'medium';
}

interface Exposure {
  sensitive: string[];
  fromAny: boolean;
  fromInternet: boolean;
  /** Some deployed row needs part of what the rule permits. */
  served: boolean;
}

function titleOf(kind: string, rule: RuleShape, needed: RuleShape, labels: IcmpLabels, { sensitive, fromAny, fromInternet, served }: Exposure): string {
  const origin = fromAny ? 'from anywhere' : fromInternet ? 'from the Internet' : `from ${countAddresses(rule.sources)}`;
  if (kind === 'any-any') return `Rule permits ${rule.protocols.isAll() ? 'all traffic' : protocolsText(rule.protocols, labels)} between any addresses, WFOS servers included`;
  const named = sensitive.length > 3 ? `${sensitive.slice(0, 3).join(', ')} and ${sensitive.length - 3} more` : sensitive.join(', ');
  const including = sensitive.length ? `, ${named} included` : '';
  if (kind === 'any-service') return `Every service to or from WFOS servers is open ${origin}${including}`;
  if (kind === 'broad-ports' && opensEveryPort(rule) && !served) {
    const parts = protocolParts(rule.protocols, labels, everyPortText);
    const opened = parts.join(' and ');
    return `${opened.charAt(0).toUpperCase()}${opened.slice(1)} to or from WFOS servers ${parts.length > 1 ? 'are' : 'is'} open ${origin}${including}`;
  }
  if (sensitive.length > 0 && kind === 'unjustified') return `${named} to a WFOS server is open ${origin}`;
  if (kind === 'unjustified') {
    const opened = protocolParts(rule.protocols, labels, (ported) => `${ported.toString()}/${rule.destinationPorts.toString()}`).join(' and ');
    return `Rule opens ${opened} to or from WFOS servers, which no deployed matrix row needs`;
  }
  if (kind === 'broad-ports') {
    const opened = rule.destinationPorts.isAll() ? everyPortText(rule.portedProtocols) : `${rule.portedProtocols.toString().toUpperCase()} to ${countPorts(rule.destinationPorts)}`;
    return `Rule permits ${opened} where the matrix needs ${countPorts(needed.destinationPorts)}`;
  }
  if (kind === 'broad-source') return `Rule permits ${countAddresses(rule.sources)} as source where the matrix needs ${countAddresses(needed.sources)}`;
  return `Rule permits ${countAddresses(rule.destinations)} as destination where the matrix needs ${countAddresses(needed.destinations)}`;
}
