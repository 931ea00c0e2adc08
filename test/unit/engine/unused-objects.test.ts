import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../../src-main/core/engine/audit-context';
import { hygieneFindings } from '../../../src-main/core/engine/hygiene';
import { AddressSet, FlowSpace } from '../../../src-main/core/net/index';
import { parseAsaConfig } from '../../../src-main/core/vendors/cisco-asa/index';

const context = { wfosAddresses: AddressSet.parse('10.10.20.0/24'), neededSpace: FlowSpace.empty() } as unknown as AuditContext;

function unused(lines: readonly string[]) {
  const firewall = parseAsaConfig(lines.join('\r\n') + '\r\n', 'fw.txt');
  return hygieneFindings(context, 'fw', firewall).filter((finding) => finding.kind === 'unused-object');
}

describe('unused objects', () => {
  it('counts objects that only object NAT uses: the NAT object and its mapped object', () => {
    const findings = unused([
      'object network WEB01',
      ' host 10.10.20.12',
      'object network WEB01-PUBLIC',
      ' host 203.0.113.10',
      'object network OLD-QM',
      ' host 10.10.20.99',
      'object network WEB01',
      ' nat (servers,outside) static WEB01-PUBLIC',
    ]);
    expect(findings.map((finding) => finding.rule?.id)).toEqual(['OLD-QM']);
    expect(findings[0]).toMatchObject({
      rule: { id: 'OLD-QM', line: 5, text: 'object network OLD-QM' },
      title: 'Object OLD-QM is not used by any rule or NAT statement',
      detail: 'Defined at line 5 and referred to by no rule, NAT statement or group.',
    });
  });

  it('counts twice NAT source, destination and service objects, and the members of groups it names', () => {
    const findings = unused([
      'object network REC01',
      ' host 10.10.20.11',
      'object network REC02',
      ' host 10.10.20.12',
      'object-group network RECORDERS',
      ' network-object object REC01',
      ' group-object REC-MORE',
      'object-group network REC-MORE',
      ' network-object object REC02',
      'object network VPN-POOL',
      ' subnet 10.99.0.0 255.255.255.0',
      'object network PAT-ADDRESSES',
      ' range 203.0.113.20 203.0.113.29',
      'object service SVC-REAL',
      ' service tcp destination eq 8443',
      'object service SVC-MAPPED',
      ' service tcp destination eq 443',
      'nat (servers,outside) source static RECORDERS RECORDERS destination static VPN-POOL VPN-POOL service SVC-REAL SVC-MAPPED',
      'nat (inside,outside) after-auto source dynamic any pat-pool PAT-ADDRESSES',
    ]);
    expect(findings).toEqual([]);
  });

  it('reports what only unused groups name, and says which group holds it', () => {
    const findings = unused([
      'object network IN-USE',
      ' host 10.10.20.11',
      'object network ONLY-IN-OLD',
      ' host 10.10.20.12',
      'object-group network OLD-GROUP',
      ' network-object object ONLY-IN-OLD',
      ' network-object object IN-USE',
      'access-list acl extended permit tcp any object IN-USE eq 443',
    ]);
    expect(findings.map((finding) => finding.rule?.id)).toEqual(['ONLY-IN-OLD', 'OLD-GROUP']);
    expect(findings[0]).toMatchObject({
      detail: 'Defined at line 3; only OLD-GROUP refers to it, and that group is not in use either.',
      remediation: 'Remove ONLY-IN-OLD after OLD-GROUP, if nothing outside this configuration needs it.',
    });
  });

  it('counts service objects and groups used as the protocol of an entry, and objects of inactive entries', () => {
    const findings = unused([
      'object service SVC-SQL',
      ' service tcp destination eq 1433',
      'object-group service SVC-WEB',
      ' service-object tcp destination eq 443',
      ' service-object object SVC-ALT',
      'object service SVC-ALT',
      ' service tcp destination eq 8443',
      'object-group protocol PROTO-TCPUDP',
      ' protocol-object tcp',
      ' protocol-object udp',
      'object network PARKED',
      ' host 10.10.20.50',
      'access-list acl extended permit object SVC-SQL any host 10.10.20.11',
      'access-list acl extended permit object-group SVC-WEB any host 10.10.20.12',
      'access-list acl extended permit object-group PROTO-TCPUDP any host 10.10.20.13 eq 5060',
      'access-list acl extended permit ip any object PARKED inactive',
    ]);
    expect(findings).toEqual([]);
  });
});
