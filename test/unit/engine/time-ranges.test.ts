import { describe, expect, it } from 'vitest';
import { asOnAuditDate, rulesOutOfTime } from '../../../src-main/core/engine/time-ranges';
import { parseAsaConfig } from '../../../src-main/core/vendors/cisco-asa/index';

const config = [
  'ASA Version 9.16(4)',
  'time-range VENDOR-MARCH',
  ' absolute start 00:00 01 March 2024 end 23:59 31 March 2024',
  'time-range FROM-2030',
  ' absolute start 08:00 01 Jan 2030',
  'time-range WEEKENDS',
  ' periodic weekend 1:00 to 5:00',
  'access-list acl extended permit tcp any host 10.0.0.1 eq 3389 time-range VENDOR-MARCH',
  'access-list acl extended permit tcp any host 10.0.0.2 eq 22 time-range FROM-2030',
  'access-list acl extended permit tcp any host 10.0.0.3 eq 443 time-range WEEKENDS',
  'access-list acl extended permit tcp any host 10.0.0.4 eq 80',
].join('\n');

function outOfTimeOn(isoDate: string): Record<string, string> {
  const firewall = parseAsaConfig(config, 'fw.txt');
  const out = rulesOutOfTime(firewall, new Date(isoDate));
  return Object.fromEntries([...out].map(([rule, why]) => [rule.id, `${why.kind} ${why.date.toISOString().slice(0, 10)}`]));
}

describe('time-ranges on the audit date', () => {
  it('takes a rule whose absolute window ended, or has not started, as matching nothing', () => {
    expect(outOfTimeOn('2026-11-25T12:00:00Z')).toEqual({ 'acl#1': 'ended 2024-03-31', 'acl#2': 'not-started 2030-01-01' });
  });

  it('keeps the rule in force inside its window, and with a periodic range', () => {
    expect(outOfTimeOn('2024-03-15T12:00:00Z')).toEqual({ 'acl#2': 'not-started 2030-01-01' });
  });

  it('does not call a range ended within a day of its end: the device time zone is unknown', () => {
    expect(outOfTimeOn('2024-04-01T10:00:00Z')).toEqual({ 'acl#2': 'not-started 2030-01-01' });
    expect(outOfTimeOn('2024-04-02T00:00:00Z')).toMatchObject({ 'acl#1': 'ended 2024-03-31' });
  });

  it('gives the engine a copy with those rules inactive and leaves the parsed firewall as it was', () => {
    const firewall = parseAsaConfig(config, 'fw.txt');
    const onDate = asOnAuditDate(firewall, rulesOutOfTime(firewall, new Date('2026-11-25T12:00:00Z')));
    expect(onDate.ruleLists[0]!.rules.map((rule) => rule.enabled)).toEqual([false, false, true, true]);
    expect(firewall.ruleLists[0]!.rules.every((rule) => rule.enabled)).toBe(true);
  });
});
