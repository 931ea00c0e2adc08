import type { SeededRandom } from './seeded-random';

/**
 * Everything in a `show running-config` that is not objects or access lists: the header,
 * interfaces, routes, and the management, logging and VPN lines a parser must read past.
 */

export const HOSTNAME = 'dal-dc-fw02';

const INTERFACES: ReadonlyArray<{ port: string; name: string; level: number; address: string; mask: string; description?: string }> = [
  { port: 'TenGigabitEthernet0/0', name: 'outside', level: 0, address: '203.0.113.2', mask: '255.255.255.240', description: 'ISP uplink' },
  { port: 'TenGigabitEthernet0/1.30', name: 'inside', level: 100, address: '10.30.0.1', mask: '255.255.0.0', description: 'Contact-center floors and branch WAN' },
  { port: 'TenGigabitEthernet0/1.20', name: 'servers', level: 80, address: '10.10.20.1', mask: '255.255.255.0', description: 'WFOS and data center core' },
  { port: 'TenGigabitEthernet0/1.31', name: 'db', level: 90, address: '10.10.30.1', mask: '255.255.255.0', description: 'Database VLAN' },
  { port: 'TenGigabitEthernet0/1.21', name: 'voice', level: 70, address: '10.20.0.1', mask: '255.255.0.0', description: 'Voice: SBC, media gateways, IP phones' },
  { port: 'TenGigabitEthernet0/1.40', name: 'avaya', level: 60, address: '10.40.0.1', mask: '255.255.255.0', description: 'Avaya platform: AES, WebLM, Oceana' },
  { port: 'TenGigabitEthernet0/1.50', name: 'services', level: 50, address: '10.50.0.1', mask: '255.255.255.0', description: 'Shared services: NMS, mail, NTP' },
  { port: 'Management0/0', name: 'management', level: 100, address: '192.168.250.2', mask: '255.255.255.0' },
];

export const INTERFACE_NAMES = INTERFACES.map((iface) => iface.name);

export function headerLines(): string[] {
  return [
    ': Saved',
    ':',
    ': Serial Number: FCH2319V1XY',
    ': Hardware:   FPR-2130, 14854 MB RAM, CPU MIPS 1200 MHz, 1 CPU (12 cores)',
    ':',
    'ASA Version 9.16(4)19',
    '!',
    `hostname ${HOSTNAME}`,
    'domain-name acme.example',
    'enable password ***** pbkdf2',
    'service-module 0 keepalive-timeout 4',
    'service-module 0 keepalive-counter 6',
    'names',
    'no mac-address auto',
    '!',
  ];
}

export function interfaceLines(): string[] {
  const lines: string[] = [];
  for (const iface of INTERFACES) {
    lines.push(`interface ${iface.port}`);
    if (iface.port.includes('.')) lines.push(` vlan ${iface.port.split('.')[1]}`);
    if (iface.name === 'management') lines.push(' management-only');
    if (iface.description) lines.push(` description ${iface.description}`);
    lines.push(` nameif ${iface.name}`, ` security-level ${iface.level}`, ` ip address ${iface.address} ${iface.mask}`, '!');
  }
  lines.push('interface TenGigabitEthernet0/1', ' no nameif', ' no security-level', ' no ip address', '!');
  return lines;
}

export function preambleNoise(): string[] {
  return [
    'ftp mode passive',
    'clock timezone CST -6',
    'clock summer-time CDT recurring',
    'dns domain-lookup services',
    'dns server-group DefaultDNS',
    ' name-server 10.50.0.5 services',
    ' name-server 10.50.0.6 services',
    ' domain-name acme.example',
    'same-security-traffic permit inter-interface',
    'time-range BUSINESS-HOURS',
    ' periodic weekdays 7:00 to 19:00',
    'time-range CHANGE-WINDOW-Q3',
    ' absolute start 00:00 01 July 2024 end 23:59 30 September 2024',
  ];
}

/** Summary routes per zone, then the per-branch routes a WAN accumulates. */
export function routeLines(random: SeededRandom): string[] {
  const lines = [
    'route outside 0.0.0.0 0.0.0.0 203.0.113.1 1',
    'route inside 10.64.0.0 255.192.0.0 10.30.0.254 1',
    'route servers 172.16.0.0 255.240.0.0 10.10.20.254 1',
    'route db 10.11.0.0 255.255.0.0 10.10.30.254 1',
    'route voice 10.21.0.0 255.255.0.0 10.20.0.254 1',
    'route avaya 10.41.0.0 255.255.0.0 10.40.0.254 1',
    'route services 10.51.0.0 255.255.0.0 10.50.0.254 1',
  ];
  for (let octet = 64; octet < 96; octet += 1) {
    lines.push(`route inside 10.${octet}.0.0 255.255.0.0 10.30.0.${random.pick([252, 253])} ${random.pick([1, 1, 5])}`);
  }
  return lines;
}

export function middleNoise(): string[] {
  const mtu = INTERFACE_NAMES.map((name) => `mtu ${name} ${name === 'outside' ? 1500 : 9000}`);
  return [
    'pager lines 24',
    'logging enable',
    'logging timestamp',
    'logging buffer-size 1048576',
    'logging buffered warnings',
    'logging trap informational',
    'logging asdm informational',
    'logging host services 10.50.0.40',
    'logging host services 10.50.0.41 6/1470',
    'logging permit-hostdown',
    'logging message 106023 level notifications',
    ...mtu,
    'failover',
    'failover lan unit primary',
    'failover lan interface FOLINK TenGigabitEthernet0/7',
    'failover key *****',
    'failover link FOLINK TenGigabitEthernet0/7',
    'failover interface ip FOLINK 192.0.2.1 255.255.255.252 standby 192.0.2.2',
    'icmp unreachable rate-limit 1 burst-size 1',
    'icmp permit any inside',
    'no asdm history enable',
    'arp timeout 14400',
    'no arp permit-nonconnected',
    'arp rate-limit 16384',
  ];
}

export function trailingNoise(): string[] {
  return [
    'timeout xlate 3:00:00',
    'timeout pat-xlate 0:00:30',
    'timeout conn 1:00:00 half-closed 0:10:00 udp 0:02:00 sctp 0:02:00 icmp 0:00:02',
    'timeout uauth 0:05:00 absolute',
    'user-identity default-domain LOCAL',
    'aaa-server ISE protocol tacacs+',
    'aaa-server ISE (services) host 10.50.0.60',
    ' key *****',
    'aaa-server ISE (services) host 10.50.0.61',
    ' key *****',
    'aaa authentication ssh console ISE LOCAL',
    'aaa authentication enable console ISE LOCAL',
    'aaa authorization command ISE LOCAL',
    'aaa accounting command ISE',
    'http server enable 8443',
    'http 192.168.250.0 255.255.255.0 management',
    'snmp-server group NMS v3 priv',
    'snmp-server user nms-poller NMS v3 engineID 80000009fe1c6e8b priv aes 256 *****',
    'snmp-server host services 10.50.0.20 version 3 nms-poller',
    'snmp-server location Dallas DC row 7',
    'snmp-server contact noc@acme.example',
    'snmp-server enable traps snmp authentication linkup linkdown coldstart warmstart',
    'snmp-server enable traps syslog',
    'crypto ipsec ikev2 ipsec-proposal AES256-SHA256',
    ' protocol esp encryption aes-256',
    ' protocol esp integrity sha-256',
    'crypto ipsec security-association pmtu-aging infinite',
    'crypto map outside_map 10 match address VPN-PARTNER-ACME',
    'crypto map outside_map 10 set peer 198.51.100.77',
    'crypto map outside_map 10 set ikev2 ipsec-proposal AES256-SHA256',
    'crypto map outside_map interface outside',
    'crypto ca trustpoint ASDM_TrustPoint0',
    ' enrollment self',
    ' subject-name CN=dal-dc-fw02.acme.example',
    ' keypair ASDM_Key',
    'crypto ca trustpool policy',
    'crypto ikev2 policy 10',
    ' encryption aes-256',
    ' integrity sha256',
    ' group 19 20',
    ' prf sha256',
    ' lifetime seconds 86400',
    'crypto ikev2 enable outside',
    'telnet timeout 5',
    'ssh stricthostkeycheck',
    'ssh 192.168.250.0 255.255.255.0 management',
    'ssh timeout 30',
    'ssh version 2',
    'ssh key-exchange group dh-group14-sha256',
    'console timeout 0',
    'threat-detection basic-threat',
    'threat-detection statistics access-list',
    'no threat-detection statistics tcp-intercept',
    'ntp authentication-key 1 sha1 *****',
    'ntp authenticate',
    'ntp trusted-key 1',
    'ntp server 10.50.0.5 key 1 source services prefer',
    'ntp server 10.50.0.6 key 1 source services',
    'ssl cipher default custom "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384"',
    'ssl server-version tlsv1.2',
    'group-policy GP-PARTNER internal',
    'group-policy GP-PARTNER attributes',
    ' vpn-tunnel-protocol ikev2',
    'tunnel-group 198.51.100.77 type ipsec-l2l',
    'tunnel-group 198.51.100.77 general-attributes',
    ' default-group-policy GP-PARTNER',
    'tunnel-group 198.51.100.77 ipsec-attributes',
    ' ikev2 remote-authentication pre-shared-key *****',
    ' ikev2 local-authentication pre-shared-key *****',
    'dynamic-access-policy-record DfltAccessPolicy',
    'username audit password ***** pbkdf2 privilege 5',
    'username netops password ***** pbkdf2 privilege 15',
    '!',
    'class-map inspection_default',
    ' match default-inspection-traffic',
    '!',
    '!',
    'policy-map type inspect dns preset_dns_map',
    ' parameters',
    '  message-length maximum client auto',
    '  message-length maximum 512',
    '  no tcp-inspection',
    'policy-map global_policy',
    ' class inspection_default',
    '  inspect dns preset_dns_map',
    '  inspect ftp',
    '  inspect sip',
    '  inspect sqlnet',
    '  inspect skinny',
    '  inspect sunrpc',
    '  inspect tftp',
    '  inspect icmp',
    '!',
    'service-policy global_policy global',
    'prompt hostname context',
    'no call-home reporting anonymous',
    'call-home',
    ' profile CiscoTAC-1',
    '  no active',
    'Cryptochecksum:5be1d7c4a8f02e36b9d04c71e28a6f13',
    ': end',
  ];
}
