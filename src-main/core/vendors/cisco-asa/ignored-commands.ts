/**
 * Commands read and deliberately set aside: they configure management, VPN, logging,
 * inspection, failover and the like, which do not change which transit traffic the access
 * lists let through. Matching is on leading words; a block's indented lines go with it.
 * Some that look closer to filtering are here too: `xlate per-session` decides how NAT
 * sessions are kept, `tcp-map` normalises TCP options, `ngips`, `strong-encryption-disable`,
 * `service-module`, `app-agent` and `snort` are FTD's LINA housekeeping, `community-list`,
 * `policy-list` and `as-path` are BGP route policy, `nve` carries VXLAN, not a filter, and
 * `umbrella-global` redirects DNS queries to Cisco Umbrella; `event manager` applets run CLI
 * commands on a timer or an event, and what those change is in the configuration only once they
 * have run. A top-level `class` is a resource class of a multiple-context system configuration
 * (a policy-map's classes are indented). `show`, `more` and `changeto` are the commands of a
 * captured session, echoed without a prompt.
 */
const IGNORED_PREFIXES: readonly string[] = [
  'end',
  'aaa', 'aaa-server', 'access-list-compat', 'admin-context', 'anyconnect', 'anyconnect-custom-attr',
  'anyconnect-custom-data', 'app-agent', 'arp', 'arp-inspection', 'asdm', 'asp', 'as-path', 'auth-prompt',
  'auto-update', 'banner', 'boot', 'call-home', 'changeto', 'class', 'class-map', 'clock', 'cluster', 'command-alias',
  'community-list', 'compression', 'config-url', 'console', 'coredump', 'crashinfo', 'crypto', 'ctl-file', 'cts',
  'dhcp-client', 'dhcpd', 'dhcprelay', 'dns', 'dns-guard', 'domain-name', 'dynamic-access-policy-record',
  'dynamic-filter', 'email', 'enable', 'environment', 'eigrp', 'event manager', 'failover', 'fips', 'firewall auto',
  'flow-export', 'flow-offload', 'forward-reference', 'ftp', 'group-delimiter', 'group-policy', 'hpm', 'http', 'icmp',
  'igmp', 'inspect', 'ip audit', 'ip local pool', 'ip verify', 'ip-client', 'ipsec', 'ipv6 access-list-compat',
  'ipv6 dhcp', 'ipv6 dhcprelay', 'ipv6 enforce-eui64', 'ipv6 icmp', 'ipv6 local pool', 'ipv6 nd', 'ipv6 neighbor',
  'ipv6 prefix-list', 'ipv6 unicast-routing', 'isakmp', 'jumbo-frame', 'ldap', 'license', 'logging', 'mac-address',
  'mac-address-table', 'mac-learn', 'management-access', 'media-termination', 'memory', 'monitor-interface', 'more',
  'mtu', 'multicast-routing', 'names', 'nat-control', 'ngips', 'no', 'ntp', 'nve', 'object-group-search', 'pager',
  'passwd', 'password encryption', 'password-policy', 'phone-proxy', 'pim', 'policy-list', 'policy-map', 'prefix-list',
  'priority-queue', 'privilege', 'prompt', 'quota', 'regex', 'rest-api', 'route-map', 'scansafe', 'service',
  'service-module', 'service-policy', 'show', 'sla', 'smtp-server', 'snmp-map', 'snmp-server', 'snort', 'ssh', 'ssl',
  'strong-encryption-disable', 'sysopt', 'tcp-map', 'telnet', 'terminal', 'tftp-server', 'threat-detection', 'timeout',
  'tls-proxy', 'track', 'tunnel-group', 'tunnel-group-map', 'uc-ime', 'umbrella-global', 'user-identity', 'username',
  'vpdn', 'vpn', 'vpn-addr-assign', 'vpn-sessiondb', 'wccp', 'webvpn', 'xlate', 'zone',
];

// By first word, so a line is compared only with the prefixes it can match.
const prefixesByFirstWord = new Map<string, string[][]>();
for (const prefix of IGNORED_PREFIXES) {
  const words = prefix.split(' ');
  const group = prefixesByFirstWord.get(words[0]!) ?? [];
  group.push(words);
  prefixesByFirstWord.set(words[0]!, group);
}

export function isIgnoredCommand(tokens: readonly string[]): boolean {
  const [first] = tokens;
  if (first === undefined) return false;
  // Lines of a captured session: "dal-dc-fw01# show running-config", a pager's "<--- More --->".
  if (/[#>]$/.test(first)) return true;
  if (first.startsWith('!') || first.startsWith(':') || first.startsWith('Cryptochecksum:')) return true;
  const candidates = prefixesByFirstWord.get(first);
  return candidates !== undefined && candidates.some((words) => words.every((word, index) => tokens[index] === word));
}
