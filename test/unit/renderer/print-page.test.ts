import { describe, expect, it } from 'vitest';
import { cssString, printPageRules } from '../../../src-renderer/lib/print-page';

const cover = {
  title: 'WFOS firewall audit report',
  customer: 'Acme "Corp" \\ Co',
  site: 'Dallas</style><script>alert(1)</script>\nDC',
  matrixId: 'wfos-5.2.3',
  matrixTitle: 'Avaya WFOS 5.2.3 port matrix',
  matrixSource: '',
  matrixRows: 40,
  auditor: '',
  issuedAt: '2026-11-24T10:00:00.000Z',
  auditGeneratedAt: '2026-11-24T10:00:00.000Z',
  tool: { name: 'wfos-audit', version: '0.1.0' },
};

describe('the printed pages\' running header and footer', () => {
  it('number the pages "Page N of M" and name the report, customer, site and issue date', () => {
    const rules = printPageRules(cover);
    expect(rules).toContain('"Page " counter(page) " of " counter(pages)');
    expect(rules).toContain('"Issued 24 November 2026"');
    expect(rules).toContain('"wfos-audit 0.1.0 · Avaya WFOS 5.2.3 port matrix"');
    expect(rules).toMatch(/@page :first \{ @top-left \{ content: none; \}/);
    expect(rules).toContain('@page landscape { size: A4 landscape; }');
  });

  it('keep any customer or site name inside its CSS string', () => {
    expect(cssString('Acme "Corp" \\ Co')).toBe('"Acme \\"Corp\\" \\\\ Co"');
    expect(cssString('a\nb')).toBe('"a\\a b"');
    const rules = printPageRules(cover);
    expect(rules).not.toContain('</style>');
    expect(rules).not.toContain('\nDC');
    // Every string closes where it opened: no quote is left unescaped inside one.
    for (const literal of rules.match(/"(?:[^"\\]|\\.)*"/g) ?? []) expect(literal).toMatch(/^"(?:[^"\\]|\\.)*"$/);
  });
});
