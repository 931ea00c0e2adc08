import type { SeededRandom } from './seeded-random';

/**
 * The running configuration shows a port by its ASA name wherever one exists (443 is always
 * `https`), so a realistic generated config must too: the parser pays for the name lookup.
 */
const TCP_NAMES = new Map<number, string>([
  [21, 'ftp'], [22, 'ssh'], [23, 'telnet'], [25, 'smtp'], [49, 'tacacs'], [80, 'www'], [110, 'pop3'],
  [139, 'netbios-ssn'], [143, 'imap4'], [389, 'ldap'], [443, 'https'], [636, 'ldaps'], [1494, 'citrix-ica'],
  [1521, 'sqlnet'], [2049, 'nfs'], [5060, 'sip'],
]);

const UDP_NAMES = new Map<number, string>([
  [53, 'domain'], [69, 'tftp'], [80, 'www'], [123, 'ntp'], [137, 'netbios-ns'], [161, 'snmp'], [162, 'snmptrap'],
  [500, 'isakmp'], [514, 'syslog'], [1645, 'radius'], [1646, 'radius-acct'], [5060, 'sip'],
]);

export type PortTransport = 'tcp' | 'udp' | 'tcp-udp';

const COMMON_TCP = [80, 443, 443, 443, 22, 389, 636, 25, 1521, 21, 139, 445, 1494, 3389, 1433, 1433, 3306, 5432, 8080, 8443, 9443, 6443, 27017, 5985, 5986, 135, 49, 2049, 143, 8000, 9090, 9200, 5601, 2598, 7001, 10050];
const COMMON_UDP = [53, 53, 123, 161, 162, 514, 69, 1645, 1646, 137, 500, 4500, 5060, 2055, 6343, 1812, 1813];
const COMMON_BOTH = [53, 80, 5060, 2049, 3268, 88, 464];

/** How the ASA prints one port for a transport: its name when both transports share it. */
export function portWord(port: number, transport: PortTransport): string {
  const tcp = TCP_NAMES.get(port);
  const udp = UDP_NAMES.get(port);
  if (transport === 'tcp') return tcp ?? String(port);
  if (transport === 'udp') return udp ?? String(port);
  return tcp !== undefined && tcp === udp ? tcp : String(port);
}

/** `eq P` or `range A B`, mostly well-known ports, now and then an application's high range. */
export function portCondition(random: SeededRandom, transport: PortTransport): string {
  const common = transport === 'tcp' ? COMMON_TCP : transport === 'udp' ? COMMON_UDP : COMMON_BOTH;
  if (random.chance(0.78)) return `eq ${portWord(random.pick(common), transport)}`;
  if (random.chance(0.5)) return `eq ${random.int(1024, 49151)}`;
  const first = random.int(1024, 60000);
  return `range ${portWord(first, transport)} ${portWord(first + random.int(1, 500), transport)}`;
}
