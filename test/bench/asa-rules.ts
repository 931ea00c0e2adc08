import { hostIn, subnetIn, ZONES, type ZoneName } from './address-plan';
import type { ObjectCatalogue } from './asa-objects';
import { portCondition, type PortTransport } from './port-words';
import type { SeededRandom } from './seeded-random';
import type { Insertion } from './wfos-rules';

/** One access list: where its traffic comes from and goes to, and how long it is. */
export interface AclPlan {
  name: string;
  sources: readonly ZoneName[];
  destinations: readonly ZoneName[];
  /** Entries to generate (remarks not counted). */
  entries: number;
  /** Share of entries with `any` on one side: the broad rules every real list carries. */
  anyShare: number;
  endsWithDeny: boolean;
}

const REMARKS = [
  'CHG-{n} application migration',
  'INC00{n} temporary access, review after go-live',
  'RITM00{n} requested by the application team',
  'SEC-{n} approved exception',
  'project {n}: data center consolidation wave',
  'monitoring and backup collectors',
  'legacy rule from the PIX migration, owner unknown',
  'vendor access {n}, expires end of quarter',
];

const LOG_OPTIONS = ['log', 'log', 'log informational interval 300', 'log 6', 'log disable', 'log warnings'];

function addressTerm(random: SeededRandom, zone: ZoneName, catalogue: ObjectCatalogue): string {
  const form = random.next();
  if (form < 0.38) return `object-group ${random.pick(catalogue.groups[zone])}`;
  if (form < 0.7) return `object ${random.pick(catalogue.objects[zone])}`;
  if (form < 0.9) return `host ${hostIn(ZONES[zone], random)}`;
  const { address, mask } = subnetIn(ZONES[zone], random);
  return `${address} ${mask}`;
}

/** `tcp|udp SRC [SPORT] DST [DPORT]`: mostly a port or a port group, sometimes every port. */
function portedEntry(random: SeededRandom, transport: 'tcp' | 'udp', source: string, destination: string, catalogue: ObjectCatalogue): string {
  const sourcePort = transport === 'udp' && random.chance(0.02) ? ` ${portCondition(random, 'udp')}` : '';
  const form = random.next();
  let ports = '';
  if (form < 0.7) ports = ` ${portCondition(random, transport)}`;
  else if (form < 0.95) {
    const groupTransport: PortTransport = random.chance(0.8) ? transport : 'tcp-udp';
    ports = ` object-group ${random.pick(catalogue.portGroups[groupTransport])}`;
  }
  return `${transport} ${source}${sourcePort} ${destination}${ports}`;
}

function matchPart(random: SeededRandom, source: string, destination: string, catalogue: ObjectCatalogue): string {
  const form = random.next();
  if (form < 0.47) return portedEntry(random, 'tcp', source, destination, catalogue);
  if (form < 0.62) return portedEntry(random, 'udp', source, destination, catalogue);
  if (form < 0.77) return `ip ${source} ${destination}`;
  if (form < 0.82) return `icmp ${source} ${destination}${random.chance(0.6) ? ` ${random.pick(['echo', 'echo-reply', 'unreachable', 'time-exceeded'])}` : ''}`;
  if (form < 0.9) return `object-group ${random.pick(catalogue.serviceGroups)} ${source} ${destination}`;
  if (form < 0.96) return `object ${random.pick(catalogue.serviceObjects)} ${source} ${destination}`;
  return `${random.pick(['esp', 'gre', 'ah'])} ${source} ${destination}`;
}

function unrelatedEntry(random: SeededRandom, plan: AclPlan, catalogue: ObjectCatalogue): string {
  const deny = random.chance(0.14);
  let source = addressTerm(random, random.pick(plan.sources), catalogue);
  let destination = addressTerm(random, random.pick(plan.destinations), catalogue);
  if (random.chance(plan.anyShare)) {
    if (random.chance(0.7)) source = 'any';
    else destination = 'any';
  }
  let options = '';
  if (random.chance(deny ? 0.4 : 0.07)) options += ` ${random.pick(LOG_OPTIONS)}`;
  if (random.chance(0.003)) options += ` time-range ${random.pick(['BUSINESS-HOURS', 'CHANGE-WINDOW-Q3'])}`;
  if (random.chance(0.015)) options += ' inactive';
  return `extended ${deny ? 'deny' : 'permit'} ${matchPart(random, source, destination, catalogue)}${options}`;
}

/**
 * The lines of one list: unrelated entries with a remark now and then, the insertions at
 * their places, and the closing deny some teams always write.
 */
export function aclLines(random: SeededRandom, plan: AclPlan, catalogue: ObjectCatalogue, insertions: readonly Insertion[]): string[] {
  const body: string[] = [];
  const pending = [...insertions].sort((a, b) => a.at - b.at);
  for (let index = 0; index < plan.entries; index += 1) {
    while (pending.length > 0 && pending[0]!.at * plan.entries <= index) body.push(...pending.shift()!.lines);
    if (random.chance(0.1)) body.push(`remark ${random.pick(REMARKS).replace('{n}', String(random.int(10000, 99999)))}`);
    body.push(unrelatedEntry(random, plan, catalogue));
  }
  for (const insertion of pending) body.push(...insertion.lines);
  if (plan.endsWithDeny) body.push('extended deny ip any any log');
  return body.map((line) => `access-list ${plan.name} ${line}`);
}
