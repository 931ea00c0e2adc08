import { describe, expect, it } from 'vitest';
import { findingsFor } from './no-row-deployed';

describe('over-permissive findings', () => {
  it('name the first addresses of a long excess and count the rest, beside the exact totals', () => {
    const members = Array.from({ length: 20 }, (_, i) => ` network-object host 10.1.${i * 3}.1`);
    const [finding, ...others] = findingsFor([
      'object-group network JUMP-HOSTS',
      ...members,
      'access-list outside_in extended permit tcp object-group JUMP-HOSTS host 10.10.20.11 eq 3389',
    ]);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ kind: 'unjustified', rule: { id: 'outside_in#1', line: 22 } });
    expect(finding!.detail).toContain('sources: 20 addresses where the matrix needs none');
    expect(finding!.detail).toContain(
      'Beyond the matrix it permits: tcp from 10.1.0.1,10.1.3.1,10.1.6.1,10.1.9.1,10.1.12.1,10.1.15.1,10.1.18.1,10.1.21.1 and 12 more to 10.10.20.11 ports 3389.',
    );
  });

  it('print a short excess in full', () => {
    const [finding] = findingsFor(['access-list outside_in extended permit tcp host 10.1.0.1 host 10.10.20.11 eq 3389']);
    expect(finding!.detail).toContain('Beyond the matrix it permits: tcp from 10.1.0.1 to 10.10.20.11 ports 3389.');
  });
});
