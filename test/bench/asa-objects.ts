import { hostIn, rangeIn, subnetIn, ZONE_NAMES, ZONES, type ZoneName } from './address-plan';
import { portCondition, type PortTransport } from './port-words';
import type { SeededRandom } from './seeded-random';

/** What rules may name, per zone for addresses and per transport for ports. */
export interface ObjectCatalogue {
  objects: Record<ZoneName, string[]>;
  /** Every network group of the zone, nested ones included. */
  groups: Record<ZoneName, string[]>;
  portGroups: Record<PortTransport, string[]>;
  /** Untyped `object-group service` (service-object lines): used in the protocol position. */
  serviceGroups: string[];
  serviceObjects: string[];
}

export interface ObjectCounts {
  networkObjects: number;
  networkGroups: number;
  serviceGroups: number;
  serviceObjects: number;
}

/** How many objects each zone gets: the data center and the branches dominate, as they do. */
const ZONE_WEIGHT: Record<ZoneName, number> = {
  branches: 30, floors: 4, datacenter: 34, serverVlan: 2, database: 6, voice: 8, avaya: 3, services: 5, internet: 8,
};

const WORDS: Record<ZoneName, readonly string[]> = {
  branches: ['USERS', 'PRN', 'WLAN', 'CAM', 'KIOSK', 'POS', 'MGMT'],
  floors: ['FLOOR', 'TEAM', 'SUP', 'QA', 'WFM'],
  datacenter: ['APP', 'WEB', 'FS', 'LDAP', 'DNS', 'K8S', 'BKP', 'MON', 'JMP', 'PROXY', 'SAP', 'CRM', 'ERP'],
  serverVlan: ['UTIL', 'BKP', 'AV', 'MON'],
  database: ['ORA', 'SQL', 'PG', 'MONGO'],
  voice: ['PHONES', 'CUCM', 'GW', 'VM', 'PAGING'],
  avaya: ['CM', 'SM', 'AAM', 'CMS', 'AADS'],
  services: ['NTP', 'SMTP', 'SIEM', 'PATCH', 'AV'],
  internet: ['PARTNER', 'VENDOR', 'SAAS', 'CDN', 'MONITOR'],
};

/** Share of groups per nesting level: level 0 holds addresses, higher levels hold groups. */
const LEVEL_SHARE = [0.62, 0.22, 0.1, 0.045, 0.015];

function perZone(total: number): Record<ZoneName, number> {
  const weights = ZONE_NAMES.reduce((sum, zone) => sum + ZONE_WEIGHT[zone], 0);
  return Object.fromEntries(ZONE_NAMES.map((zone) => [zone, Math.max(2, Math.round((total * ZONE_WEIGHT[zone]) / weights))])) as Record<ZoneName, number>;
}

function emptyByZone(): Record<ZoneName, string[]> {
  return Object.fromEntries(ZONE_NAMES.map((zone) => [zone, []])) as unknown as Record<ZoneName, string[]>;
}

/** `object network` blocks: hosts mostly, some subnets and ranges, now and then a description. */
function networkObjects(random: SeededRandom, counts: Record<ZoneName, number>, catalogue: ObjectCatalogue): string[] {
  const lines: string[] = [];
  for (const zoneName of ZONE_NAMES) {
    const zone = ZONES[zoneName];
    for (let index = 1; index <= counts[zoneName]; index += 1) {
      const name = `${zone.tag}-${random.pick(WORDS[zoneName])}-${String(index).padStart(4, '0')}`;
      lines.push(`object network ${name}`);
      const form = random.next();
      if (form < 0.7) lines.push(` host ${hostIn(zone, random)}`);
      else if (form < 0.92) {
        const { address, mask } = subnetIn(zone, random);
        lines.push(` subnet ${address} ${mask}`);
      } else {
        const [first, last] = rangeIn(zone, random);
        lines.push(` range ${first} ${last}`);
      }
      if (random.chance(0.2)) lines.push(` description ${zoneName} ${name.toLowerCase()} (CMDB CI${random.int(100000, 999999)})`);
      catalogue.objects[zoneName].push(name);
    }
  }
  return lines;
}

/** One zone's groups, level by level, so a group is printed after every group it nests. */
function zoneGroups(random: SeededRandom, zoneName: ZoneName, total: number, catalogue: ObjectCatalogue): string[] {
  const zone = ZONES[zoneName];
  const lines: string[] = [];
  const suffix = ['', '-SET', '-ALL', '-TIER', '-SITE'];
  let previousLevel: string[] = [];
  let serial = 0;
  LEVEL_SHARE.forEach((share, level) => {
    const levelGroups: string[] = [];
    const count = Math.max(level === 0 ? 2 : 1, Math.round(total * share));
    for (let index = 0; index < count; index += 1) {
      serial += 1;
      const name = `GRP-${zone.tag}-${random.pick(WORDS[zoneName])}${suffix[level]}-${String(serial).padStart(4, '0')}`;
      lines.push(`object-group network ${name}`);
      if (random.chance(0.3)) lines.push(` description ${zoneName} ${suffix[level] === '' ? 'hosts' : 'aggregate'} owned by team ${random.int(1, 40)}`);
      if (level === 0) {
        for (let member = random.int(3, 10); member > 0; member -= 1) lines.push(addressMember(random, zoneName, catalogue));
      } else {
        for (const child of random.pickDistinct(previousLevel, random.int(2, 5))) lines.push(` group-object ${child}`);
        if (random.chance(0.3)) lines.push(` network-object object ${random.pick(catalogue.objects[zoneName])}`);
      }
      levelGroups.push(name);
    }
    catalogue.groups[zoneName].push(...levelGroups);
    previousLevel = levelGroups;
  });
  return lines;
}

function addressMember(random: SeededRandom, zoneName: ZoneName, catalogue: ObjectCatalogue): string {
  const zone = ZONES[zoneName];
  const form = random.next();
  if (form < 0.6) return ` network-object object ${random.pick(catalogue.objects[zoneName])}`;
  if (form < 0.85) return ` network-object host ${hostIn(zone, random)}`;
  const { address, mask } = subnetIn(zone, random);
  return ` network-object ${address} ${mask}`;
}

function portGroups(random: SeededRandom, total: number, catalogue: ObjectCatalogue): string[] {
  const lines: string[] = [];
  for (let index = 1; index <= total; index += 1) {
    const transport: PortTransport = random.pick(['tcp', 'tcp', 'tcp', 'udp', 'tcp-udp']);
    const name = `PORTS-${transport.toUpperCase()}-${String(index).padStart(4, '0')}`;
    lines.push(`object-group service ${name} ${transport}`);
    if (random.chance(0.25)) lines.push(` description application ports (APP${random.int(1000, 9999)})`);
    for (let member = random.int(1, 8); member > 0; member -= 1) lines.push(` port-object ${portCondition(random, transport)}`);
    const sameType = catalogue.portGroups[transport];
    if (sameType.length > 0 && random.chance(0.3)) lines.push(` group-object ${random.pick(sameType)}`);
    sameType.push(name);
  }
  return lines;
}

function serviceGroups(random: SeededRandom, total: number, catalogue: ObjectCatalogue): string[] {
  const lines: string[] = [];
  for (let index = 1; index <= total; index += 1) {
    const name = `SVC-MIX-${String(index).padStart(4, '0')}`;
    lines.push(`object-group service ${name}`);
    for (let member = random.int(2, 6); member > 0; member -= 1) {
      const transport = random.pick(['tcp', 'tcp', 'udp'] as const);
      lines.push(random.chance(0.08) ? ' service-object icmp echo' : ` service-object ${transport} destination ${portCondition(random, transport)}`);
    }
    if (catalogue.serviceObjects.length > 0 && random.chance(0.2)) lines.push(` service-object object ${random.pick(catalogue.serviceObjects)}`);
    if (catalogue.serviceGroups.length > 0 && random.chance(0.15)) lines.push(` group-object ${random.pick(catalogue.serviceGroups)}`);
    catalogue.serviceGroups.push(name);
  }
  return lines;
}

function serviceObjects(random: SeededRandom, total: number, catalogue: ObjectCatalogue): string[] {
  const lines: string[] = [];
  for (let index = 1; index <= total; index += 1) {
    const transport = random.pick(['tcp', 'tcp', 'udp'] as const);
    const name = `SVC-${transport.toUpperCase()}-${String(index).padStart(4, '0')}`;
    lines.push(`object service ${name}`, ` service ${transport} destination ${portCondition(random, transport)}`);
    catalogue.serviceObjects.push(name);
  }
  return lines;
}

/** The generated objects and groups, by section, in the order a running config prints them. */
export interface ObjectSections {
  networkObjects: string[];
  serviceObjects: string[];
  networkGroups: string[];
  serviceGroups: string[];
  catalogue: ObjectCatalogue;
}

export function objectSections(random: SeededRandom, counts: ObjectCounts): ObjectSections {
  const catalogue: ObjectCatalogue = {
    objects: emptyByZone(),
    groups: emptyByZone(),
    portGroups: { tcp: [], udp: [], 'tcp-udp': [] },
    serviceGroups: [],
    serviceObjects: [],
  };
  const networkObjectLines = networkObjects(random, perZone(counts.networkObjects), catalogue);
  const serviceObjectLines = serviceObjects(random, counts.serviceObjects, catalogue);
  const groupsPerZone = perZone(counts.networkGroups);
  const networkGroupLines = ZONE_NAMES.flatMap((zoneName) => zoneGroups(random, zoneName, groupsPerZone[zoneName], catalogue));
  const untyped = Math.round(counts.serviceGroups * 0.2);
  const serviceGroupLines = [...portGroups(random, counts.serviceGroups - untyped, catalogue), ...serviceGroups(random, untyped, catalogue)];
  return { networkObjects: networkObjectLines, serviceObjects: serviceObjectLines, networkGroups: networkGroupLines, serviceGroups: serviceGroupLines, catalogue };
}
