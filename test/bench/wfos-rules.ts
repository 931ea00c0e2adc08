import type { ObjectCatalogue } from './asa-objects';
import type { SeededRandom } from './seeded-random';

/**
 * The WFOS part of the generated firewall: the demo site's servers and peers, nested into the
 * data center's own groups, and the rules that decide the matrix flows, each placed deep in
 * its list behind thousands of unrelated rules. Some decide a row only in part, as the demo's
 * do, so the bench audits a mix of allowed, partial and blocked rows.
 */

export const WFOS_OBJECTS: readonly string[] = [
  'object network WFOS-APP01',
  ' host 10.10.20.11',
  ' description Recorder, Media Manager, CTI, SIP and DMCC adapters, UM',
  'object network WFOS-WEB01',
  ' host 10.10.20.12',
  ' description Web, Apache, SysAdmin, Oceana adapter',
  'object network WFOS-SQL',
  ' host 10.10.30.15',
  'object network AES-01',
  ' host 10.40.0.10',
  'object network WEBLM-01',
  ' host 10.40.0.30',
  'object network OCEANA-01',
  ' host 10.40.0.50',
  'object network NMS-01',
  ' host 10.50.0.20',
  'object network MAIL-01',
  ' host 10.50.0.25',
  'object network SBCE-01',
  ' host 10.20.1.20',
  'object network AMG-01',
  ' host 10.20.1.10',
  'object network CC-FLOORS',
  ' subnet 10.30.0.0 255.255.0.0',
  'object network SERVER-VLAN',
  ' subnet 10.10.20.0 255.255.255.0',
  'object network WFOS-WEB01-PUBLIC',
  ' host 203.0.113.10',
];

/** Groups that put the WFOS hosts inside the site's larger aggregates, several levels deep. */
export function wfosNetworkGroups(random: SeededRandom, catalogue: ObjectCatalogue): string[] {
  const some = (names: readonly string[], count: number) => random.pickDistinct(names, count).map((name) => ` group-object ${name}`);
  return [
    'object-group network WFOS-SERVERS',
    ' description WFOS 5.2.3 application and web servers',
    ' network-object object WFOS-APP01',
    ' network-object object WFOS-WEB01',
    'object-group network WFOS-WEB-TIER',
    ' network-object object WFOS-WEB01',
    'object-group network GRP-DC-APP-SERVERS',
    ' description every application server the DC teams own',
    ' group-object WFOS-SERVERS',
    ...some(catalogue.groups.datacenter.slice(0, 400), 3),
    'object-group network GRP-DC-ALL-SERVERS',
    ' group-object GRP-DC-APP-SERVERS',
    ...some(catalogue.groups.datacenter.slice(-60), 3),
    ...some(catalogue.groups.serverVlan, 1),
    'object-group network GRP-DB-MSSQL',
    ' network-object object WFOS-SQL',
    ...some(catalogue.groups.database.slice(0, 60), 2),
    'object-group network GRP-FLOOR-NETS',
    ' network-object object CC-FLOORS',
    'object-group network GRP-INSIDE-USERS',
    ' group-object GRP-FLOOR-NETS',
    ...some(catalogue.groups.branches.slice(0, 800), 2),
    'object-group network GRP-MEDIA-GATEWAYS',
    ' network-object object AMG-01',
    ' network-object host 10.20.1.11',
  ];
}

export const WFOS_SERVICE_GROUPS: readonly string[] = [
  'object-group service WFOS-USER-WEB tcp',
  ' port-object eq www',
  ' port-object eq https',
  ' port-object eq 8443',
  'object-group service OCEANA-PORTS tcp',
  ' port-object eq 61617',
  ' port-object eq https',
  ' port-object eq www',
  'object-group service AES-TSAPI tcp',
  ' port-object eq 450',
  ' port-object range 4721 4722',
  'object-group service AES-TSAPI-LEGACY tcp',
  ' port-object range 1050 1065',
  'object-group service RTP-MEDIA udp',
  ' port-object range 16384 32766',
  'object-group service MSSQL tcp',
  ' port-object eq 1433',
];

/** Lines to insert into one list, at a fraction of the way through its entries. */
export interface Insertion {
  at: number;
  lines: readonly string[];
}

export const WFOS_INSERTIONS: Readonly<Record<string, readonly Insertion[]>> = {
  inside_in: [
    { at: 0.05, lines: ['remark SEC-1180 no SMB across the firewall', 'extended deny tcp any any eq 445 log'] },
    {
      at: 0.22,
      lines: [
        'remark SEC-2207 no 8443 from the upper floors until the WAF is in place',
        'extended deny tcp 10.30.128.0 255.255.128.0 object-group WFOS-WEB-TIER eq 8443 log',
      ],
    },
    {
      at: 0.6,
      lines: [
        'remark WFOS 5.2.3 floors and supervisors to the web tier (CHG-31877)',
        'extended permit tcp object-group GRP-INSIDE-USERS object-group WFOS-WEB-TIER object-group WFOS-USER-WEB',
        'remark Helpdesk asked for "everything" to the WFOS servers (ticket 4471)',
        'extended permit ip object CC-FLOORS object-group WFOS-SERVERS inactive',
      ],
    },
  ],
  servers_in: [
    { at: 0.1, lines: ['remark DNS for every server', 'extended permit udp object-group GRP-DC-ALL-SERVERS any eq domain'] },
    { at: 0.3, lines: ['remark SEC-2231 legacy CSTA off the server VLAN', 'extended deny tcp object SERVER-VLAN 10.40.0.0 255.255.255.0 range 1060 1070 log'] },
    {
      at: 0.7,
      lines: [
        'remark WFOS servers to SQL (CHG-30117)',
        'extended permit tcp object-group GRP-DC-APP-SERVERS object-group GRP-DB-MSSQL object-group MSSQL',
        'remark CTI Adapter to AES: TSAPI and the legacy DLG range',
        'extended permit tcp object WFOS-APP01 object AES-01 object-group AES-TSAPI',
        'extended permit tcp object WFOS-APP01 object AES-01 object-group AES-TSAPI-LEGACY log',
        'remark Oceana REF streams and portal',
        'extended permit tcp object-group WFOS-SERVERS object OCEANA-01 object-group OCEANA-PORTS',
        'remark SysAdmin licence, SNMP and mail',
        'extended permit tcp object WFOS-WEB01 object WEBLM-01 eq 52233',
        'extended permit udp object WFOS-WEB01 object NMS-01 eq snmptrap',
        'extended permit tcp object WFOS-WEB01 object MAIL-01 eq smtp',
      ],
    },
  ],
  voice_in: [
    {
      at: 0.5,
      lines: [
        'remark SBC signalling and media to the SIP adapter',
        'extended permit tcp object SBCE-01 object WFOS-APP01 eq sip',
        'extended permit udp object SBCE-01 object WFOS-APP01 object-group RTP-MEDIA',
        'remark Media gateways to the DMCC adapter',
        'extended permit udp object-group GRP-MEDIA-GATEWAYS object-group WFOS-SERVERS range 16384 20000',
      ],
    },
  ],
  outside_in: [{ at: 0.4, lines: ['remark Vendor remote support', 'extended permit tcp any object WFOS-WEB01 eq 3389'] }],
};

export const WFOS_NAT: readonly string[] = ['object network WFOS-WEB01', ' nat (servers,outside) static WFOS-WEB01-PUBLIC'];
