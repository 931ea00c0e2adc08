import { describe, expect, it } from 'vitest';
import { parseService, PacketQueryError } from '../../../src-main/core/engine/packet-query';
import { TCP, UDP } from '../../../src-main/core/net/index';
import { contentOf, queryProjectPacket, sha256Of, traceProjectRow } from '../../../src-main/core/project/index';
import { demoProject } from './helpers';

describe('packet query', () => {
  const project = demoProject();

  it('answers with the firewall crossed, the deciding rule and its line', () => {
    const answer = queryProjectPacket(project, { source: '10.30.1.5', destination: '10.10.20.21', service: 'tcp/8443' });
    expect(answer.verdict).toBe('allowed');
    expect(answer.summary).toBe('allowed: dal-dc-fw01 permits it by inside_in#3 (line 123)');
    expect(answer.firewalls).toHaveLength(1);
    expect(answer.firewalls[0]).toMatchObject({ firewall: 'dal-dc-fw01', verdict: 'allowed', crossings: [{ ingress: 'inside', egress: 'servers' }] });
    expect(answer.firewalls[0]!.decidedBy).toEqual([{ id: 'inside_in#3', line: 123, text: 'access-list inside_in extended permit ip any any', action: 'permit' }]);
    expect(answer.firewalls[0]!.excerpts[0]!.lines.find((line) => line.mark)).toEqual({ number: 123, text: 'access-list inside_in extended permit ip any any', mark: 'permit' });
  });

  it('says a denied packet is denied, by which line, and shows the inactive line that would have let it through', () => {
    const answer = queryProjectPacket(project, { source: '10.10.20.11', destination: '10.40.0.10', service: '1055/tcp' });
    expect(answer.verdict).toBe('denied');
    expect(answer.summary).toBe('denied: dal-dc-fw01 denies it by servers_in#9 (line 136)');
    const marked = answer.firewalls[0]!.excerpts.flatMap((excerpt) => excerpt.lines.filter((line) => line.mark)).map((line) => [line.number, line.mark]);
    expect(marked).toEqual([[129, 'inactive'], [136, 'deny']]);
  });

  it('says when the packets cross no audited firewall', () => {
    const answer = queryProjectPacket(project, { source: '10.10.20.11', destination: '10.10.20.12', service: 'tcp/80' });
    expect(answer).toMatchObject({ verdict: 'allowed', firewalls: [], summary: 'allowed: the packets cross no audited firewall' });
  });

  it('is partial when a rule narrows the source ports', () => {
    const text = project.sources[0]!.content.encoding === 'utf8' ? project.sources[0]!.content.text : '';
    const narrowed = Buffer.from(text.replace('access-list inside_in extended permit ip any any\n', 'access-list inside_in extended permit tcp any range 40000 65535 any eq 9999\n'));
    const changed = { ...project, sources: [{ ...project.sources[0]!, content: contentOf(narrowed), sha256: sha256Of(narrowed), bytes: narrowed.byteLength }] };
    const answer = queryProjectPacket(changed, { source: '10.30.1.5', destination: '10.10.20.21', service: 'tcp/9999' });
    expect(answer.verdict).toBe('partial');
    expect(queryProjectPacket(changed, { source: '10.30.1.5', destination: '10.10.20.21', service: 'tcp/9999', sourcePort: '50000' }).verdict).toBe('allowed');
  });

  it('reads the service as people write it, and says what it cannot read', () => {
    expect(parseService('tcp/8443')).toMatchObject({ protocol: TCP });
    expect(parseService('8443/TCP').ports.toString()).toBe('8443');
    expect(parseService('udp 161')).toMatchObject({ protocol: UDP });
    expect(parseService('tcp 1050-1065').ports.toString()).toBe('1050-1065');
    expect(parseService('udp:161,162').ports.toString()).toBe('161-162');
    expect(parseService('icmp').ports.toString()).toBe('0-65535');
    expect(() => parseService('tcp')).toThrow(/tcp needs a destination port/);
    expect(() => parseService('http/80')).toThrow(PacketQueryError);
    expect(() => queryProjectPacket(project, { source: '10.30.1.500', destination: '10.10.20.21', service: 'tcp/443' })).toThrow(/source: "10\.30\.1\.500" is not an IPv4 or IPv6 address/);
  });
});

describe('rule trace of a matrix row', () => {
  it('lists each deciding rule with its line and marks the lines in the configuration around them', () => {
    const trace = traceProjectRow(demoProject(), 27, 'demo');
    expect(trace.applicable).toBe(true);
    const [firewall] = trace.firewalls;
    expect(firewall).toMatchObject({ firewall: 'dal-dc-fw01', fileName: 'dal-dc-fw01.txt', status: 'partial' });
    const crossing = firewall!.crossings[0]!;
    expect(crossing).toMatchObject({ ingress: 'servers', egress: 'avaya' });
    expect(crossing.decisions.map((decision) => [decision.action, decision.rule.line, decision.packets])).toEqual([
      ['permit', 128, ['450,4721-4722/tcp from 10.10.20.11 to 10.40.0.10']],
      ['deny', 136, ['1050-1065/tcp from 10.10.20.11 to 10.40.0.10']],
    ]);
    expect(crossing.inactive.map((item) => item.rule.line)).toEqual([129]);
    const lines = firewall!.excerpts.flatMap((excerpt) => excerpt.lines);
    // The remark above the ACE is there to read, unmarked.
    expect(lines.find((line) => line.number === 127)).toEqual({ number: 127, text: 'access-list servers_in remark CTI Adapter to AES (TSAPI); the legacy range waits for change CHG-2211' });
    expect(lines.filter((line) => line.mark).map((line) => `${line.number} ${line.mark}`)).toEqual(['128 permit', '129 inactive', '136 deny']);
  });

  it('says why a row does not apply', () => {
    const trace = traceProjectRow(demoProject(), 33, 'demo');
    expect(trace.applicable).toBe(false);
    expect(trace.reason).toMatch(/not deployed at this site/);
  });
});
