import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../src-main/core/spreadsheet/index';

describe('neutralising a cell for export', () => {
  it('puts an apostrophe before text a spreadsheet program would run as a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example","x")')).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(neutraliseFormula('+cmd|\' /C calc\'!A0')).toBe('\'+cmd|\' /C calc\'!A0');
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\t=1+1')).toBe("'\t=1+1");
    expect(neutraliseFormula('\r=1+1')).toBe("'\r=1+1");
  });

  it('leaves everything else as it is', () => {
    for (const text of ['', 'permit tcp any host 10.0.0.1 eq 443', '10.10.20.11', "'already quoted", ' =leading space', 'a=b']) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });
});
