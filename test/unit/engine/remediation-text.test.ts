import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSource, runAudit, type AuditResult } from '../../../src-main/core/engine/index';
import { referenceOf } from '../../../src-main/core/engine/describe';
import { missingPermitText, tightenedRuleText } from '../../../src-main/core/engine/remediation';
import type { Firewall, Rule } from '../../../src-main/core/model/index';
import { AddressSet, FlowSpace, PortSet, ProtocolSet, TCP, UDP } from '../../../src-main/core/net/index';
import { loadSiteFile } from '../../../src-main/core/site/index';
import { parseAsaConfig } from '../../../src-main/core/vendors/cisco-asa/index';

const space = (protocol: number, sources: string, destinations: string, ports: string): FlowSpace =>
  FlowSpace.of({
    sources: AddressSet.parse(sources),
    destinations: AddressSet.parse(destinations),
    protocols: ProtocolSet.of(protocol),
    sourcePorts: PortSet.all(),
    destinationPorts: PortSet.parse(ports),
  });

const CONFIG = [
  'hostname fw',
  'access-list servers_in remark WFOS servers to SQL',
  'access-list servers_in extended permit tcp host 10.10.20.11 host 10.10.30.15 eq 1433',
  'access-list servers_in remark everything else to the DB tier',
  'access-list servers_in extended permit ip host 10.10.20.11 10.10.30.0 255.255.255.0 log',
  'access-list servers_in remark the rest is dropped',
  'access-list servers_in extended deny ip any any log',
];

function ruleOf(firewall: Firewall, id: string): Rule {
  const rule = firewall.ruleLists.flatMap((list) => list.rules).find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

describe('remediation text from a parsed configuration', () => {
  it('inserts before the blocking rule at its list line, remarks counted', () => {
    const firewall = parseAsaConfig(CONFIG.join('\n'), 'fw.txt');
    const deny = ruleOf(firewall, 'servers_in#3');
    expect(missingPermitText('cisco-asa', 'servers_in', deny, space(UDP, '10.10.20.12', '10.50.0.20', '161'), 'WFOS-ROW25')).toBe(
      'access-list servers_in line 6 extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161',
    );
    // At the end of the list when no rule blocks (the implicit deny).
    expect(missingPermitText('cisco-asa', 'servers_in', undefined, space(UDP, '10.10.20.12', '10.50.0.20', '161'), 'WFOS-ROW25')).toBe(
      'access-list servers_in extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161',
    );
  });

  // Windows-saved exports and terminal captures: the line ending, trailing blanks and pager
  // residue must reach neither the quoted text nor the `no` command.
  for (const [label, text] of [
    ['CRLF', CONFIG.join('\r\n') + '\r\n'],
    ['CRLF with trailing blanks and pager residue', CONFIG.map((line, index) => (index === 4 ? `<--- More --->\b\b\b\b  ${line} \t` : line)).join('\r\n') + '\r\n'],
  ] as const) {
    it(`quotes rules as written and writes clean commands for ${label}`, () => {
      const firewall = parseAsaConfig(text, 'fw.txt');
      const broad = ruleOf(firewall, 'servers_in#2');
      expect(referenceOf({ kind: 'rule', rule: broad })).toEqual({
        id: 'servers_in#2',
        line: 5,
        text: 'access-list servers_in extended permit ip host 10.10.20.11 10.10.30.0 255.255.255.0 log',
      });
      const tightened = tightenedRuleText('cisco-asa', broad, space(TCP, '10.10.20.11', '10.10.30.15', '1433,5022'));
      expect(tightened.split('\n')).toEqual([
        'object-group service WFOS-servers_in-2-1-PORTS tcp',
        ' port-object eq 1433',
        ' port-object eq 5022',
        'access-list servers_in line 4 extended permit tcp host 10.10.20.11 host 10.10.30.15 object-group WFOS-servers_in-2-1-PORTS log',
        'no access-list servers_in extended permit ip host 10.10.20.11 10.10.30.0 255.255.255.0 log',
      ]);
      const deny = ruleOf(firewall, 'servers_in#3');
      expect(referenceOf({ kind: 'rule', rule: deny }).text).toBe('access-list servers_in extended deny ip any any log');
      const permits = missingPermitText('cisco-asa', 'servers_in', deny, space(UDP, '10.10.20.12', '10.50.0.20', '161'), 'WFOS-ROW25');
      expect(permits).toBe('access-list servers_in line 6 extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161');
      expect(`${tightened}${permits}`).not.toMatch(/[\r\b\t]|<---/);
    });
  }
});

describe('the demo site', () => {
  let result: AuditResult;
  beforeAll(() => {
    const site = loadSiteFile(fileURLToPath(new URL('../../../resources/demo/site.yaml', import.meta.url)));
    result = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
  });

  it('tells row 25 to insert at line 13 of servers_in, just above the final deny', () => {
    const gap = result.findings.find((finding) => finding.kind === 'coverage-gap' && finding.rows?.includes(25))!;
    expect(gap.remediation).toBe('Insert before servers_in#9:\naccess-list servers_in line 13 extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161');
  });

  it('tells inside_in#2 to go rather than be narrowed: inside_in#1 above it already permits what the agents need', () => {
    const broad = result.findings.find((finding) => finding.rule?.id === 'inside_in#2')!;
    expect(broad.remediation).toBe('Remove inside_in#2, or document the business need it serves: no WFOS flow deployed at this site needs it.');
  });

  it('does not call the object NAT maps to unused', () => {
    const unused = result.findings.filter((finding) => finding.kind === 'unused-object').map((finding) => finding.rule?.id);
    expect(unused).toEqual(['OLD-QM-SERVER']);
  });
});
