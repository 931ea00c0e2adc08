import { ICMP, ICMP6, PortSet, ProtocolSet, TCP, UDP } from '../net/index';
import type { ServiceSpec } from '../model/index';

/**
 * Service names as rule exports write them, vendor-neutral: IANA's names and ports, plus the
 * spellings of the predefined services of PAN-OS (service-http, service-https), FortiGate
 * (ALL_TCP, PING, SAMBA), SmartConsole (Remote_Desktop_Protocol, domain-udp, nbsession) and
 * Junos (junos-https). The ASA's own table (vendors/cisco-asa/named-ports.ts) is not used: its
 * numbers are not IANA's (cifs 3020, radius 1645, kerberos 750) and it has no name for 445 or
 * 3389; "udp/radius" as ASDM writes it is left unknown (service-cells.ts). A name a vendor defines
 * differently (FortiGate's SNMP is 161-162 over TCP and UDP) reads as IANA's.
 * Each entry: names separated by "|", then "tcp:80,8080 udp:53" or a protocol alone.
 */
const SERVICE_TABLE: ReadonlyArray<readonly [string, string]> = [
  ['http|www|web|http-web', 'tcp:80'],
  ['service-http', 'tcp:80,8080'],
  ['https|ssl|service-https|http-s|web-ssl|http over tls', 'tcp:443'],
  ['http-alt|http-proxy|webcache|http_8080', 'tcp:8080'],
  ['https-alt|pcsync-https', 'tcp:8443'],
  ['ssh|ssh-v2|ssh-version-2|service-ssh|sftp|scp', 'tcp:22'],
  ['telnet', 'tcp:23'],
  ['ftp', 'tcp:21'],
  ['ftp-data', 'tcp:20'],
  ['smtp|mail', 'tcp:25'],
  ['smtps|smtp-ssl', 'tcp:465'],
  ['submission|smtp-submission', 'tcp:587'],
  ['pop3', 'tcp:110'],
  ['pop3s', 'tcp:995'],
  ['imap|imap4', 'tcp:143'],
  ['imaps', 'tcp:993'],
  ['dns|domain', 'tcp:53 udp:53'],
  ['domain-udp|dns-udp', 'udp:53'],
  ['domain-tcp|dns-tcp', 'tcp:53'],
  ['ntp', 'udp:123'],
  ['snmp|snmp-read', 'udp:161'],
  ['snmptrap|snmp-trap|snmp-traps|snmp-trap-udp', 'udp:162'],
  ['syslog', 'udp:514'],
  ['tftp', 'udp:69'],
  ['ldap', 'tcp:389'],
  ['ldap-udp|cldap', 'udp:389'],
  ['ldaps|ldap-ssl|ldap_ssl', 'tcp:636'],
  ['ldap-gc|msft-gc', 'tcp:3268'],
  ['ldap-gc-ssl|msft-gc-ssl', 'tcp:3269'],
  ['kerberos|kerberos-sec', 'tcp:88 udp:88'],
  ['radius', 'udp:1812'],
  ['radius-acct|radius-accounting', 'udp:1813'],
  ['tacacs|tacacs+|tacacs-plus', 'tcp:49'],
  ['rdp|ms-rdp|ms-wbt-server|remote_desktop_protocol|remote-desktop|terminal-services', 'tcp:3389'],
  ['smb|microsoft-ds|cifs|samba|ms-ds-smb', 'tcp:445'],
  ['netbios-ns|nbname', 'udp:137'],
  ['netbios-dgm|nbdatagram', 'udp:138'],
  ['netbios-ssn|nbsession', 'tcp:139'],
  ['ms-sql-s|ms-sql|mssql|ms-sql-server|sql-server', 'tcp:1433'],
  ['ms-sql-m|ms-sql-monitor', 'udp:1434'],
  ['mysql', 'tcp:3306'],
  ['postgres|postgresql', 'tcp:5432'],
  ['oracle|sqlnet|sqlnet1', 'tcp:1521'],
  ['sip', 'tcp:5060 udp:5060'],
  ['sip-tcp', 'tcp:5060'],
  ['sip-udp', 'udp:5060'],
  ['sip-tls|sips', 'tcp:5061'],
  ['h323|h.323', 'tcp:1720'],
  ['rtsp', 'tcp:554'],
  ['winrm|wsman', 'tcp:5985'],
  ['winrm-https|wsmans', 'tcp:5986'],
  ['vnc', 'tcp:5900'],
  ['citrix|citrix-ica|ica', 'tcp:1494'],
  ['nfs', 'tcp:2049 udp:2049'],
  ['bgp', 'tcp:179'],
  ['isakmp|ike', 'udp:500'],
  ['ipsec-nat-t|nat-t|ike-nat-t', 'udp:4500'],
  ['dhcp|bootps', 'udp:67'],
  ['bootpc', 'udp:68'],
  ['all_tcp|any_tcp|tcp-all', 'tcp'],
  ['all_udp|any_udp|udp-all', 'udp'],
  ['all_icmp|icmp-proto|icmp-all', 'icmp'],
  ['all_icmp6|icmp6-all', 'icmp6'],
];

/** Echo request: "ping" names one ICMP type, which the audit can only treat as uncertain. */
const PING_NAMES = new Set(['ping', 'echo-request', 'icmp-echo-request', 'echo_request']);

const byName = new Map<string, ServiceSpec[]>();
for (const [names, text] of SERVICE_TABLE) {
  const specs = text.split(' ').map(specOfEntry);
  for (const name of names.split('|')) byName.set(name, specs);
}

function specOfEntry(entry: string): ServiceSpec {
  const [protocol, ports] = entry.split(':') as [string, string | undefined];
  const number = ({ tcp: TCP, udp: UDP, icmp: ICMP, icmp6: ICMP6 } as Record<string, number>)[protocol]!;
  return { protocols: ProtocolSet.of(number), sourcePorts: PortSet.all(), destinationPorts: ports === undefined ? PortSet.all() : PortSet.parse(ports) };
}

/** The services a name stands for, case-insensitively; undefined when the name is not known. */
export function lookupServiceName(name: string): ServiceSpec[] | undefined {
  // Junos writes its predefined applications as "junos-https", "junos-ping", "junos-dns-udp".
  const key = name.trim().toLowerCase().replace(/^junos-/, '');
  if (PING_NAMES.has(key)) return [{ protocols: ProtocolSet.of(ICMP), sourcePorts: PortSet.all(), destinationPorts: PortSet.all(), icmp: { type: 8 } }];
  return byName.get(key) ?? byName.get(key.replace(/_/g, '-'));
}
