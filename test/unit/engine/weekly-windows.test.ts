import { describe, expect, it } from 'vitest';
import { MINUTES_PER_WEEK, weeklyWindow } from '../../../src-main/core/engine/weekly-windows';

const at = (day: number, hours: number, minutes = 0) => day * 24 * 60 + hours * 60 + minutes;
const inForce = (window: Uint8Array | undefined, minute: number) => window?.[minute] === 1;
const count = (window: Uint8Array | undefined) => window?.reduce((sum, value) => sum + value, 0);

describe('when a periodic time-range is in force over the week', () => {
  it('weekdays from 8:00 to 18:00, the end minute included', () => {
    const window = weeklyWindow(['periodic weekdays 8:00 to 18:00']);
    expect([inForce(window, at(0, 7, 59)), inForce(window, at(0, 8)), inForce(window, at(4, 18)), inForce(window, at(4, 18, 1)), inForce(window, at(5, 12))]).toEqual([false, true, true, false, false]);
    expect(count(window)).toBe(5 * 601);
  });

  it('named days, a span from one day to another, and daily ranges that meet at noon cover the week', () => {
    expect(count(weeklyWindow(['periodic Monday Wednesday 7:30 to 12:00']))).toBe(2 * 271);
    const weekend = weeklyWindow(['periodic Friday 20:00 to Monday 6:00']);
    expect([inForce(weekend, at(4, 19, 59)), inForce(weekend, at(5, 3)), inForce(weekend, at(0, 6)), inForce(weekend, at(0, 6, 1))]).toEqual([false, true, true, false]);
    const both = weeklyWindow(['periodic daily 0:00 to 12:00', 'periodic daily 12:00 to 23:59']);
    expect(count(both)).toBe(MINUTES_PER_WEEK);
  });

  it('a line that does not read as a periodic window leaves when it applies unknown', () => {
    expect(weeklyWindow(['periodic someday 8:00 to 18:00'])).toBeUndefined();
    expect(weeklyWindow(['periodic weekdays 25:00 to 18:00'])).toBeUndefined();
    expect(weeklyWindow(['absolute start 08:00 01 January 2026'])).toBeUndefined();
  });
});
