import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachLine, type ConfigLine } from '../../../../src-main/core/vendors/cisco-asa/lines';
import { redactSecrets } from '../../../../src-main/core/vendors/cisco-asa/secrets';
import { parseAsaConfig } from '../../../../src-main/core/vendors/cisco-asa/index';
import { boxText, parseLines, ruleWithId } from './helpers';

/** Every line forEachLine visits, checked against the count it returns. */
function readLines(text: string): ConfigLine[] {
  const lines: ConfigLine[] = [];
  expect(forEachLine(text, (line) => lines.push(line))).toBe(lines.length);
  return lines;
}

describe('reading lines', () => {
  it('gives the same result for CRLF, a byte order mark and pager residue', () => {
    const lf = 'hostname fw\naccess-list acl extended permit tcp any host 10.0.0.1 eq 443\n';
    const crlf = '\uFEFFhostname fw\r\naccess-list acl extended permit tcp any host 10.0.0.1 eq 443<--- More --->\r\n';
    const fromLf = parseAsaConfig(lf, 'a.txt');
    const fromCrlf = parseAsaConfig(crlf, 'a.txt');
    expect(fromCrlf.hostname).toBe('fw');
    expect(ruleWithId(fromCrlf, 'acl#1').match.map(boxText)).toEqual(ruleWithId(fromLf, 'acl#1').match.map(boxText));
    expect(fromCrlf.stats).toEqual(fromLf.stats);
  });

  it('cuts lines as splitting the whole text on LF, CRLF or CR would, a trailing newline not counting', () => {
    // The reference: split first, drop one trailing empty piece, trim each line's end.
    const reference = (text: string) => {
      const pieces = text.split(/\r?\n|\r/);
      if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
      return pieces.map((piece, index) => [index + 1, piece.trimEnd()]);
    };
    const piece = fc.stringMatching(/^[a-z \t]{0,6}$/);
    const ending = fc.constantFrom('\n', '\r\n', '\r', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, ending), { maxLength: 8 }), (parts) => {
        const text = parts.map(([line, end]) => line + end).join('');
        expect(readLines(text).map((line) => [line.number, line.text])).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
    expect(readLines('').map((line) => line.text)).toEqual(['']);
    expect(readLines('\n').map((line) => line.text)).toEqual(['']);
    expect(readLines('a\r\n\r\nb').map((line) => line.text)).toEqual(['a', '', 'b']);
  });

  it('numbers lines from 1 and marks indented ones', () => {
    expect(readLines('a b\n c\n\n').map((line) => [line.number, line.tokens, line.indented])).toEqual([
      [1, ['a', 'b'], false],
      [2, ['c'], true],
      [3, [], false],
    ]);
  });
});

describe('lines the parser does not know', () => {
  it('reports each unknown command with its line number, a block once, and counts every line', () => {
    const firewall = parseLines([
      'hostname fw',
      'frobnicate all the things',
      'logging enable',
      '',
      'warp-drive 1',
      ' source-interface vtep',
      ' peer ip 10.0.0.2',
      'interface GigabitEthernet0/0',
      ' nameif outside',
      ' flux-capacitor on',
    ]);
    expect(firewall.diagnostics).toEqual([
      { line: 2, severity: 'warning', message: 'not understood: frobnicate all the things' },
      { line: 5, severity: 'warning', message: 'not understood (with the 2 lines below it): warp-drive 1' },
      { line: 8, severity: 'info', message: "interface GigabitEthernet0/0 (outside) has no security-level line: the ASA's default for that name, 0, is taken" },
      { line: 10, severity: 'warning', message: 'not understood: flux-capacitor on' },
    ]);
    expect(firewall.stats).toEqual({ lines: 10, blank: 1, understood: 3, ignored: 1, notUnderstood: 5 });
  });

  it('never quotes a secret from a line it reports', () => {
    const firewall = parseLines([
      'radius-common-pw Sup3rSecretValue',
      'interface GigabitEthernet0/1',
      ' wireless-psk H0meWifiPassphrase',
      'some-new-feature server 10.0.0.1 key Sh4redK3y timeout 5',
    ]);
    const text = JSON.stringify(firewall.diagnostics);
    expect(firewall.diagnostics).toHaveLength(3);
    for (const secret of ['Sup3rSecretValue', 'H0meWifiPassphrase', 'Sh4redK3y']) expect(text).not.toContain(secret);
    expect(firewall.diagnostics[2]?.message).toBe('not understood: some-new-feature server 10.0.0.1 key <redacted>');
  });

  it('sets aside credential commands without a word about them', () => {
    const firewall = parseLines([
      'enable password 8Ry2YjIyt7RRXU24 encrypted',
      'username admin password 3USUcOPFUiMCO4Jk encrypted privilege 15',
      'snmp-server community n0tPublic',
      'tunnel-group 198.51.100.7 ipsec-attributes',
      ' ikev1 pre-shared-key T0pS3cret',
    ]);
    expect(firewall.diagnostics).toEqual([]);
    expect(firewall.stats.ignored).toBe(5);
  });

  it('redacts everything from the first credential-like word on', () => {
    expect(redactSecrets('snmp-server user ops grp v3 auth sha AuthPass priv aes 128 PrivPass')).toBe('snmp-server user ops grp v3 auth <redacted>');
    expect(redactSecrets('route outside 0.0.0.0 0.0.0.0 10.0.0.1')).toBe('route outside 0.0.0.0 0.0.0.0 10.0.0.1');
  });
});

describe('robustness', () => {
  it('never throws and accounts for every line, whatever the words', () => {
    const words = [
      'access-list', 'acl', 'extended', 'standard', 'advanced', 'permit', 'deny', 'trust', 'remark', 'line', '1', 'tcp', 'udp', 'ip',
      'icmp', 'icmp6', 'object', 'object-group', 'G', 'O', 'any', 'any4', 'any6', 'host', '10.0.0.1', '255.255.255.0', '2001:db8::/64',
      'zz::zz', 'eq', 'neq', 'lt', 'gt', 'range', 'www', '65535', '70000', 'log', 'inactive', 'time-range', 'interface', 'outside',
      'network', 'service', 'network-object', 'group-object', 'port-object', 'service-object', 'protocol-object', 'icmp-object',
      'subnet', 'fqdn', 'nat', '(inside,outside)', 'route', 'ipv6', 'address', 'nameif', 'security-level', 'standby', 'name',
      'access-group', 'in', 'out', 'global', 'source', 'destination', 'user', 'ifc', 'rule-id', '-1', '',
    ];
    const line = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...words), { maxLength: 9 })).map(([indent, tokens]) => (indent ? ' ' : '') + tokens.join(' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), (lines) => {
        const firewall = parseLines(lines);
        const { stats } = firewall;
        expect(stats.lines).toBe(lines.length);
        expect(stats.blank + stats.understood + stats.ignored + stats.notUnderstood).toBe(stats.lines);
        for (const list of firewall.ruleLists) list.rules.forEach((rule, index) => expect(rule.id).toBe(`${list.name}#${index + 1}`));
      }),
      { numRuns: 400 },
    );
  });
});

describe('modes and legacy NAT', () => {
  it('warns about transparent mode and pre-8.3 NAT', () => {
    const firewall = parseLines([
      'firewall transparent',
      'nat (inside) 1 10.0.0.0 255.0.0.0',
      'global (outside) 1 interface',
      'static (inside,outside) 203.0.113.5 10.0.0.5 netmask 255.255.255.255',
    ]);
    expect(firewall.behaviour.transparent).toBe(true);
    expect(firewall.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.severity])).toEqual([
      [1, 'warning'],
      [2, 'warning'],
      [3, 'warning'],
      [4, 'warning'],
    ]);
    expect(firewall.nat.map((nat) => [nat.kind, nat.realInterface, nat.mappedInterface])).toEqual([
      ['legacy', 'inside', undefined],
      ['legacy', 'outside', undefined],
      ['legacy', 'inside', 'outside'],
    ]);
  });
});
