import type { Rule } from '../model/index';
import { AddressSet, FlowSpace, PortSet, ProtocolSet } from '../net/index';
import type { Severity } from './audit-result';
import { referenceOf } from './describe';
import { includesInternet, isAnyAddress, isAnyService, sensitiveServicesIn } from './exposure';
import type { FindingDraft } from './finding-draft';
import type { AuditContext } from './audit-context';
import type { AuditedFirewall } from './firewall-path';
import { placedNeeds } from './placed-needs';
import { countAddresses, countPorts } from './quantities';
import { spacesOfRule } from './rule-spaces';
import { packedBoundsOf } from './space-bounds';
import { tightenedRuleText } from './remediation';

interface RuleShape {
  sources: AddressSet;
  destinations: AddressSet;
  protocols: ProtocolSet;
  destinationPorts: PortSet;
}

function shapeOf(space: FlowSpace): RuleShape {
  return {
    sources: space.projectSources(),
    destinations: space.projectDestinations(),
    protocols: space.projectProtocols(),
    destinationPorts: space.projectDestinationPorts(),
  };
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
      const relevant = certain.intersect(touchingWfos);
      if (relevant.isEmpty()) return;
      const { needed, rows } = needsOf(list, rule, certain);
      const excess = relevant.subtract(needed);
      if (excess.isEmpty()) return;
      findings.push(describeExcess(context, audited.entry.name, rule, certain, excess, rows, certain.intersect(needed)));
    });
  }
  return findings;
}

function describeExcess(context: AuditContext, firewall: string, rule: Rule, match: FlowSpace, excess: FlowSpace, rows: number[], needed: FlowSpace): FindingDraft {
  const ruleShape = shapeOf(match);
  const neededShape = shapeOf(needed);
  // What matters is what the excess lets reach the WFOS servers, not what they may reach.
  const sensitive = sensitiveServicesIn(excess.intersect(context.towardsWfos));
  const fromAny = isAnyAddress(ruleShape.sources);
  const fromInternet = includesInternet(shapeOf(excess).sources);
  const anyService = isAnyService(ruleShape.protocols, ruleShape.destinationPorts);

  let kind: string;
  if (fromAny && isAnyAddress(ruleShape.destinations)) kind = 'any-any';
  else if (anyService) kind = 'any-service';
  else if (rows.length === 0) kind = 'unjustified';
  else kind = broadestDimension(ruleShape, neededShape);

  const severity = severityOf(kind, { fromAny, fromInternet, sensitive, allPorts: anyService || ruleShape.destinationPorts.isAll() });
  const needs = (text: string) => (rows.length ? `the matrix needs ${text}` : 'the matrix needs none');
  const quantities = [
    `sources: ${countAddresses(ruleShape.sources)} where ${needs(countAddresses(neededShape.sources))}`,
    `destinations: ${countAddresses(ruleShape.destinations)} where ${needs(countAddresses(neededShape.destinations))}`,
    `services: ${ruleShape.protocols.isAll() ? 'every protocol' : `${ruleShape.protocols.toString()} to ${countPorts(ruleShape.destinationPorts)}`} where ${needs(`${neededShape.protocols.toString()} to ${countPorts(neededShape.destinationPorts)}`)}`,
  ];
  const title = titleOf(kind, ruleShape, neededShape, sensitive, fromAny, fromInternet);
  const servedText = rows.length ? `It serves matrix row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}.` : 'No deployed matrix row needs it.';
  return {
    kind,
    severity,
    firewall,
    rule: referenceOf({ kind: 'rule', rule }),
    ...(rows.length && { rows }),
    title,
    detail: `${servedText} It permits ${quantities.join('; ')}.${sensitive.length ? ` The excess reaches ${sensitive.join(', ')} on WFOS servers.` : ''} Beyond the matrix it permits: ${describeSpace(excess)}.`,
    remediation: rows.length
      ? `Replace ${rule.id} with rules that permit only what the matrix needs:\n${tightenedRuleText(context.vendorOf(firewall), rule, needed)}`
      : `Remove ${rule.id}, or document the business need it serves: no WFOS flow deployed at this site needs it.`,
  };
}

const MAX_BOXES_DESCRIBED = 4;
/** Addresses named per side of a part; the counts above give the size of the rest. */
const MAX_ADDRESSES_DESCRIBED = 8;

/** A space in a sentence; long ones are cut, the report has the rule and the matrix for the rest. */
function describeSpace(space: FlowSpace): string {
  const boxes = space.boxes();
  const addresses = (set: AddressSet) => set.toShortString(MAX_ADDRESSES_DESCRIBED);
  const text = boxes.slice(0, MAX_BOXES_DESCRIBED).map((box) => `${box.protocols.toString()} from ${addresses(box.sources)} to ${addresses(box.destinations)}${box.destinationPorts.isAll() ? '' : ` ports ${box.destinationPorts.toString()}`}`);
  return text.join('; ') + (boxes.length > MAX_BOXES_DESCRIBED ? `; and ${boxes.length - MAX_BOXES_DESCRIBED} more parts` : '');
}

function broadestDimension(rule: RuleShape, needed: RuleShape): string {
  const ratio = (have: bigint, need: bigint) => (need === 0n ? Number.POSITIVE_INFINITY : Number(have) / Number(need));
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

function titleOf(kind: string, rule: RuleShape, needed: RuleShape, sensitive: string[], fromAny: boolean, fromInternet: boolean): string {
  const origin = fromAny ? 'from anywhere' : fromInternet ? 'from the Internet' : `from ${countAddresses(rule.sources)}`;
  if (kind === 'any-any') return `Rule permits ${rule.protocols.isAll() ? 'all traffic' : rule.protocols.toString()} between any addresses, WFOS servers included`;
  const named = sensitive.length > 3 ? `${sensitive.slice(0, 3).join(', ')} and ${sensitive.length - 3} more` : sensitive.join(', ');
  if (kind === 'any-service') return `Every service to or from WFOS servers is open ${origin}${sensitive.length ? `, ${named} included` : ''}`;
  if (sensitive.length > 0 && kind === 'unjustified') return `${named} to a WFOS server is open ${origin}`;
  if (kind === 'unjustified') return `Rule opens ${rule.protocols.toString()}/${rule.destinationPorts.toString()} to or from WFOS servers, which no deployed matrix row needs`;
  if (kind === 'broad-ports') return `Rule permits ${rule.protocols.toString().toUpperCase()} to ${countPorts(rule.destinationPorts)} where the matrix needs ${countPorts(needed.destinationPorts)}`;
  if (kind === 'broad-source') return `Rule permits ${countAddresses(rule.sources)} as source where the matrix needs ${countAddresses(needed.sources)}`;
  return `Rule permits ${countAddresses(rule.destinations)} as destination where the matrix needs ${countAddresses(needed.destinations)}`;
}
