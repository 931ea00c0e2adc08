/**
 * The ASA's TCP and UDP port literals ("Addresses, Protocols, and Ports" appendix of the ASA
 * configuration guide). The ASA shows these names in place of the numbers in its running
 * configuration, so `eq www` and `eq 80` are the same rule. Some names mean different ports
 * per protocol (exec/biff 512, cmd/syslog 514) and the table is not IANA's: cifs is 3020,
 * sqlnet 1521, radius 1645, kerberos 750. There is no name for 445 or 3389.
 */
export type Transport = 'tcp' | 'udp';

const TCP = ['tcp'] as const;
const UDP = ['udp'] as const;
const BOTH = ['tcp', 'udp'] as const;

const PORT_LITERALS: ReadonlyArray<readonly [string, number, readonly Transport[]]> = [
  ['aol', 5190, TCP],
  ['bgp', 179, TCP],
  ['biff', 512, UDP],
  ['bootpc', 68, UDP],
  ['bootps', 67, UDP],
  ['chargen', 19, TCP],
  ['cifs', 3020, BOTH],
  ['citrix-ica', 1494, TCP],
  ['cmd', 514, TCP],
  ['ctiqbe', 2748, TCP],
  ['daytime', 13, TCP],
  ['discard', 9, BOTH],
  ['dnsix', 195, UDP],
  ['domain', 53, BOTH],
  ['echo', 7, BOTH],
  ['exec', 512, TCP],
  ['finger', 79, TCP],
  ['ftp', 21, TCP],
  ['ftp-data', 20, TCP],
  ['gopher', 70, TCP],
  ['h323', 1720, TCP],
  ['hostname', 101, TCP],
  ['http', 80, BOTH],
  ['https', 443, TCP],
  ['ident', 113, TCP],
  ['imap4', 143, TCP],
  ['irc', 194, TCP],
  ['isakmp', 500, UDP],
  ['kerberos', 750, BOTH],
  ['klogin', 543, TCP],
  ['kshell', 544, TCP],
  ['ldap', 389, TCP],
  ['ldaps', 636, TCP],
  ['login', 513, TCP],
  ['lotusnotes', 1352, TCP],
  ['lpd', 515, TCP],
  ['mobile-ip', 434, UDP],
  ['nameserver', 42, UDP],
  ['netbios-dgm', 138, UDP],
  ['netbios-ns', 137, UDP],
  ['netbios-ssn', 139, TCP],
  ['nfs', 2049, BOTH],
  ['nntp', 119, TCP],
  ['ntp', 123, UDP],
  ['pcanywhere-data', 5631, TCP],
  ['pcanywhere-status', 5632, UDP],
  ['pim-auto-rp', 496, BOTH],
  ['pop2', 109, TCP],
  ['pop3', 110, TCP],
  ['pptp', 1723, TCP],
  ['radius', 1645, UDP],
  ['radius-acct', 1646, UDP],
  ['rip', 520, UDP],
  ['rsh', 514, TCP],
  ['rtsp', 554, TCP],
  ['secureid-udp', 5510, UDP],
  ['sip', 5060, BOTH],
  ['smtp', 25, TCP],
  ['snmp', 161, UDP],
  ['snmptrap', 162, UDP],
  ['sqlnet', 1521, TCP],
  ['ssh', 22, TCP],
  ['sunrpc', 111, BOTH],
  ['syslog', 514, UDP],
  ['tacacs', 49, BOTH],
  ['talk', 517, BOTH],
  ['telnet', 23, TCP],
  ['tftp', 69, UDP],
  ['time', 37, UDP],
  ['uucp', 540, TCP],
  ['vxlan', 4789, UDP],
  ['who', 513, UDP],
  ['whois', 43, TCP],
  ['www', 80, BOTH],
  ['xdmcp', 177, UDP],
];

const byTransport: Record<Transport, Map<string, number>> = { tcp: new Map(), udp: new Map() };
for (const [name, port, transports] of PORT_LITERALS) {
  for (const transport of transports) byTransport[transport].set(name, port);
}

export type PortLookup = { port: number; warning?: string } | { error: string };

/**
 * Resolves a port word for the transports it will be used with. A name the ASA knows only for
 * other transports still resolves (each name has one number) but with a warning: the line was
 * not written by the ASA itself.
 */
export function lookupPort(word: string, transports: readonly Transport[]): PortLookup {
  if (/^\d+$/.test(word)) {
    const port = Number(word);
    return port <= 65535 ? { port } : { error: `port ${word} is out of range` };
  }
  const name = word.toLowerCase();
  const wanted: readonly Transport[] = transports.length > 0 ? transports : ['tcp', 'udp'];
  const port = byTransport.tcp.get(name) ?? byTransport.udp.get(name);
  if (port === undefined) return { error: `"${word}" is not an ASA port name` };
  if (wanted.some((transport) => byTransport[transport].has(name))) return { port };
  return { port, warning: `"${word}" is an ASA port name for ${wanted.includes('tcp') ? 'UDP' : 'TCP'} only` };
}
