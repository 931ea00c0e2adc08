import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { headerLines, interfaceLines, middleNoise, preambleNoise, routeLines, trailingNoise } from './asa-device';
import { objectSections, type ObjectCounts } from './asa-objects';
import { aclLines, type AclPlan } from './asa-rules';
import { SeededRandom } from './seeded-random';
import { WFOS_INSERTIONS, WFOS_NAT, WFOS_OBJECTS, WFOS_SERVICE_GROUPS, wfosNetworkGroups } from './wfos-rules';

/**
 * A large, deterministic `show running-config` of an ASA 9.x in front of the demo's WFOS
 * servers: the input of `npm run bench`. Run it alone to look at the result:
 * `npx tsx test/bench/generate-asa.ts /tmp/big-asa.txt [SCALE]`.
 */

export const DEFAULT_SEED = 5_2_3;

export const ACL_PLANS: readonly AclPlan[] = [
  { name: 'outside_in', sources: ['internet'], destinations: ['datacenter', 'serverVlan'], entries: 8_000, anyShare: 0.15, endsWithDeny: true },
  { name: 'inside_in', sources: ['branches', 'floors'], destinations: ['datacenter', 'database', 'services', 'internet', 'voice', 'serverVlan'], entries: 14_000, anyShare: 0.02, endsWithDeny: false },
  { name: 'servers_in', sources: ['datacenter', 'serverVlan'], destinations: ['database', 'services', 'avaya', 'internet', 'branches', 'voice'], entries: 13_000, anyShare: 0.02, endsWithDeny: false },
  { name: 'voice_in', sources: ['voice'], destinations: ['datacenter', 'avaya', 'services', 'branches'], entries: 6_000, anyShare: 0.02, endsWithDeny: false },
  { name: 'avaya_in', sources: ['avaya'], destinations: ['datacenter', 'voice', 'services', 'database'], entries: 4_000, anyShare: 0.02, endsWithDeny: false },
  {
    name: 'global_acl',
    sources: ['branches', 'floors', 'datacenter', 'database', 'voice', 'avaya', 'services'],
    destinations: ['branches', 'datacenter', 'database', 'voice', 'avaya', 'services', 'internet'],
    entries: 7_000,
    anyShare: 0.01,
    endsWithDeny: true,
  },
];

const ACCESS_GROUPS = [
  'access-group outside_in in interface outside',
  'access-group inside_in in interface inside',
  'access-group servers_in in interface servers',
  'access-group voice_in in interface voice',
  'access-group avaya_in in interface avaya',
  'access-group global_acl global',
];

/** Applied by the crypto map only: a list the audit must read but not place on an interface. */
const CRYPTO_ACL = [
  'access-list VPN-PARTNER-ACME extended permit ip 172.16.40.0 255.255.255.0 192.168.77.0 255.255.255.0',
  'access-list VPN-PARTNER-ACME extended permit ip 172.16.41.0 255.255.255.0 192.168.77.0 255.255.255.0',
];

export const DEFAULT_OBJECT_COUNTS: ObjectCounts = { networkObjects: 8_000, networkGroups: 2_600, serviceGroups: 450, serviceObjects: 80 };

export interface GeneratedConfig {
  text: string;
  counts: { lines: number; bytes: number; accessListEntries: number; remarks: number; objects: number; networkGroups: number };
}

/** `scale` shrinks or grows every count alike: 0.1 gives a tenth of the entries and objects. */
export function generateAsaConfig(scale = 1, seed = DEFAULT_SEED): GeneratedConfig {
  const random = new SeededRandom(seed);
  const objectCounts = scaledCounts(scale);
  const plans = ACL_PLANS.map((plan) => ({ ...plan, entries: Math.max(1, Math.round(plan.entries * scale)) }));
  const objects = objectSections(random, objectCounts);
  const lines = [
    ...headerLines(),
    ...interfaceLines(),
    ...preambleNoise(),
    ...objects.networkObjects,
    ...WFOS_OBJECTS,
    ...objects.serviceObjects,
    ...objects.networkGroups,
    ...wfosNetworkGroups(random, objects.catalogue),
    ...objects.serviceGroups,
    ...WFOS_SERVICE_GROUPS,
    ...plans.flatMap((plan) => aclLines(random, plan, objects.catalogue, WFOS_INSERTIONS[plan.name] ?? [])),
    ...CRYPTO_ACL,
    ...middleNoise(),
    ...natLines(random, objects.catalogue.objects.datacenter),
    ...ACCESS_GROUPS,
    ...routeLines(random),
    ...trailingNoise(),
  ];
  const text = lines.join('\n') + '\n';
  return { text, counts: countsOf(lines, text) };
}

function scaledCounts(scale: number): ObjectCounts {
  const scaled = (count: number) => Math.max(4, Math.round(count * scale));
  const { networkObjects, networkGroups, serviceGroups, serviceObjects } = DEFAULT_OBJECT_COUNTS;
  return { networkObjects: scaled(networkObjects), networkGroups: scaled(networkGroups), serviceGroups: scaled(serviceGroups), serviceObjects: scaled(serviceObjects) };
}

/** Object NAT is printed in a second `object network` block, after the access lists. */
function natLines(random: SeededRandom, datacenterObjects: readonly string[]): string[] {
  const translated = random.pickDistinct(datacenterObjects, 30);
  return [...WFOS_NAT, ...translated.flatMap((name) => [`object network ${name}`, ' nat (servers,outside) dynamic interface'])];
}

function countsOf(lines: readonly string[], text: string): GeneratedConfig['counts'] {
  let accessListEntries = 0;
  let remarks = 0;
  const objectNames = new Set<string>();
  let networkGroups = 0;
  for (const line of lines) {
    if (line.startsWith('access-list ')) {
      if (line.includes(' remark ')) remarks += 1;
      else accessListEntries += 1;
    } else if (line.startsWith('object network ') || line.startsWith('object service ') || line.startsWith('object-group ')) {
      objectNames.add(line.split(' ')[2] ?? '');
      if (line.startsWith('object-group network ')) networkGroups += 1;
    }
  }
  return { lines: lines.length, bytes: Buffer.byteLength(text), accessListEntries, remarks, objects: objectNames.size, networkGroups };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [, , out, scale] = process.argv;
  const generated = generateAsaConfig(scale === undefined ? 1 : Number(scale));
  if (out) {
    writeFileSync(out, generated.text);
    console.log(`${out}: ${JSON.stringify(generated.counts)}`);
  } else {
    process.stdout.write(generated.text);
  }
}
