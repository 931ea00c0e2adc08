import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowSpace } from '../../../../src-main/core/net/index';
import { TokenCursor } from '../../../../src-main/core/vendors/cisco-asa/cursor';
import { lookupPort } from '../../../../src-main/core/vendors/cisco-asa/named-ports';
import { readPortOperator } from '../../../../src-main/core/vendors/cisco-asa/port-operators';
import { parseLines, ruleWithId } from './helpers';

function operator(text: string, transports: Array<'tcp' | 'udp'> = ['tcp']): string {
  const result = readPortOperator(new TokenCursor(text.split(' ')), transports);
  return 'error' in result ? `error: ${result.error}` : result.ports.toString();
}

describe('ASA port literals', () => {
  it('uses the ASA table, which differs from IANA in places', () => {
    const expected: Array<[string, 'tcp' | 'udp', number]> = [
      ['https', 'tcp', 443],
      ['www', 'tcp', 80],
      ['http', 'udp', 80],
      ['ssh', 'tcp', 22],
      ['telnet', 'tcp', 23],
      ['smtp', 'tcp', 25],
      ['domain', 'udp', 53],
      ['snmp', 'udp', 161],
      ['snmptrap', 'udp', 162],
      ['ldap', 'tcp', 389],
      ['ldaps', 'tcp', 636],
      ['sqlnet', 'tcp', 1521],
      ['netbios-ssn', 'tcp', 139],
      ['cifs', 'tcp', 3020],
      ['h323', 'tcp', 1720],
      ['sip', 'udp', 5060],
      ['ftp', 'tcp', 21],
      ['ntp', 'udp', 123],
      ['syslog', 'udp', 514],
      ['tftp', 'udp', 69],
      ['bootps', 'udp', 67],
      ['kerberos', 'udp', 750],
      ['radius', 'udp', 1645],
      ['ctiqbe', 'tcp', 2748],
      ['exec', 'tcp', 512],
      ['biff', 'udp', 512],
    ];
    for (const [name, transport, port] of expected) expect(lookupPort(name, [transport]), name).toEqual({ port });
  });

  it('has no name for RDP or SMB over 445', () => {
    expect(lookupPort('rdp', ['tcp'])).toEqual({ error: '"rdp" is not an ASA port name' });
    expect(lookupPort('microsoft-ds', ['tcp'])).toEqual({ error: '"microsoft-ds" is not an ASA port name' });
  });

  it('resolves a name used with the wrong transport, with a warning', () => {
    expect(lookupPort('ssh', ['udp'])).toEqual({ port: 22, warning: '"ssh" is an ASA port name for TCP only' });
    expect(lookupPort('https', ['tcp', 'udp'])).toEqual({ port: 443 });
  });

  it('accepts numbers up to 65535 only', () => {
    expect(lookupPort('65535', ['tcp'])).toEqual({ port: 65535 });
    expect(lookupPort('65536', ['tcp'])).toEqual({ error: 'port 65536 is out of range' });
  });
});

describe('port operators', () => {
  it('reads eq, neq, lt, gt and range with names', () => {
    expect(operator('eq https')).toBe('443');
    expect(operator('neq www')).toBe('0-79,81-65535');
    expect(operator('lt 1024')).toBe('0-1023');
    expect(operator('gt 1023')).toBe('1024-65535');
    expect(operator('range ftp-data ssh')).toBe('20-22');
  });

  it('handles the edges of the port space', () => {
    expect(operator('lt 0')).toBe('none');
    expect(operator('gt 65535')).toBe('none');
    expect(operator('neq 0')).toBe('1-65535');
    expect(operator('range 1024 1023')).toBe('error: range 1024 1023 is backwards');
    expect(operator('eq')).toBe('error: "eq" needs a port');
  });

  it('matches exactly the packets a per-packet reading of the ACE matches', () => {
    const operators = ['eq', 'neq', 'lt', 'gt', 'range'] as const;
    const portCondition = fc.record({
      op: fc.constantFrom(...operators),
      a: fc.integer({ min: 0, max: 65535 }),
      b: fc.integer({ min: 0, max: 65535 }),
    });
    const holds = (condition: { op: (typeof operators)[number]; a: number; b: number }, port: number): boolean => {
      const low = Math.min(condition.a, condition.b);
      const high = Math.max(condition.a, condition.b);
      switch (condition.op) {
        case 'eq':
          return port === condition.a;
        case 'neq':
          return port !== condition.a;
        case 'lt':
          return port < condition.a;
        case 'gt':
          return port > condition.a;
        case 'range':
          return port >= low && port <= high;
      }
    };
    const written = (condition: { op: string; a: number; b: number }) =>
      condition.op === 'range' ? `range ${Math.min(condition.a, condition.b)} ${Math.max(condition.a, condition.b)}` : `${condition.op} ${condition.a}`;
    fc.assert(
      fc.property(
        portCondition,
        portCondition,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 })), { minLength: 1, maxLength: 20 }),
        (source, destination, packets) => {
          const firewall = parseLines([`access-list p extended permit tcp host 10.0.0.1 ${written(source)} host 10.0.0.2 ${written(destination)}`]);
          const space = FlowSpace.fromBoxes(ruleWithId(firewall, 'p#1').match);
          for (const [sport, dport] of [...packets, [source.a, destination.a] as [number, number]]) {
            const expected = holds(source, sport) && holds(destination, dport);
            expect(space.has({ src: '10.0.0.1', dst: '10.0.0.2', proto: 6, sport, dport })).toBe(expected);
          }
          expect(space.has({ src: '10.0.0.1', dst: '10.0.0.2', proto: 17, sport: source.a, dport: destination.a })).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});
