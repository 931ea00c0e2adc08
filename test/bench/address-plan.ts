import type { SeededRandom } from './seeded-random';

/**
 * Where the generated firewall's neighbours live. The WFOS hosts keep the demo site's
 * addresses (resources/demo/site.yaml); every other zone draws from blocks that leave those
 * hosts out, so unrelated rules stay unrelated unless a rule says `any` or names a whole VLAN.
 */
export interface Zone {
  /** Name prefix of the zone's objects ("DC-APP-0042"). */
  tag: string;
  /** The interface the zone sits behind: its rules go in that interface's list. */
  iface: string;
  blocks: readonly Block[];
}

interface Block {
  base: number;
  prefix: number;
}

export interface Subnet {
  address: string;
  mask: string;
}

function block(cidr: string): Block {
  const [address, prefix] = cidr.split('/');
  return { base: toNumber(address!), prefix: Number(prefix) };
}

export const ZONES = {
  branches: { tag: 'BR', iface: 'inside', blocks: ['10.64.0.0/10'].map(block) },
  floors: { tag: 'FL', iface: 'inside', blocks: ['10.30.16.0/20', '10.30.32.0/19', '10.30.64.0/18', '10.30.128.0/17'].map(block) },
  datacenter: { tag: 'DC', iface: 'servers', blocks: ['172.16.0.0/12'].map(block) },
  serverVlan: { tag: 'SV', iface: 'servers', blocks: ['10.10.20.128/25'].map(block) },
  database: { tag: 'DB', iface: 'db', blocks: ['10.10.30.64/26', '10.10.30.128/25', '10.11.0.0/16'].map(block) },
  voice: { tag: 'VO', iface: 'voice', blocks: ['10.20.4.0/22', '10.20.8.0/21', '10.20.16.0/20', '10.20.64.0/18', '10.21.0.0/16'].map(block) },
  avaya: { tag: 'AV', iface: 'avaya', blocks: ['10.40.0.128/25', '10.41.0.0/16'].map(block) },
  services: { tag: 'SS', iface: 'services', blocks: ['10.50.0.128/25', '10.51.0.0/16'].map(block) },
  internet: { tag: 'EXT', iface: 'outside', blocks: ['13.64.0.0/11', '20.36.0.0/14', '52.0.0.0/10', '104.16.0.0/12', '185.0.0.0/10', '193.0.0.0/10'].map(block) },
} as const satisfies Record<string, Zone>;

export type ZoneName = keyof typeof ZONES;
export const ZONE_NAMES = Object.keys(ZONES) as ZoneName[];

export function toNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

export function toAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function maskOf(prefix: number): string {
  return toAddress(prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix));
}

/** A usable host address (never .0 or .255, which look like network or broadcast). */
export function hostIn(zone: Zone, random: SeededRandom): string {
  const { base, prefix } = random.pick(zone.blocks);
  const span = 2 ** (32 - prefix);
  for (;;) {
    const value = base + random.int(0, span - 1);
    const last = value % 256;
    if (last !== 0 && last !== 255) return toAddress(value);
  }
}

/** A subnet aligned to its mask, as long as the block allows (a /25 block holds /26-/29). */
export function subnetIn(zone: Zone, random: SeededRandom): Subnet {
  const { base, prefix } = random.pick(zone.blocks);
  const wanted = random.pick([22, 23, 24, 24, 24, 25, 26, 27, 28]);
  const length = Math.max(wanted, prefix + 1);
  const size = 2 ** (32 - length);
  const count = 2 ** (length - prefix);
  return { address: toAddress(base + random.int(0, count - 1) * size), mask: maskOf(length) };
}

/** A short range inside one /24, the way DHCP pools and server farms are written. */
export function rangeIn(zone: Zone, random: SeededRandom): [string, string] {
  const first = toNumber(hostIn(zone, random));
  const room = 254 - (first % 256);
  const last = first + Math.max(1, Math.min(room, random.int(3, 40)));
  return [toAddress(first), toAddress(last)];
}
