import type { Firewall, Rule } from '../model/index';
import { isPeriodicEntry } from './weekly-windows';

/**
 * Rules in force only part of the time: their time-range recurs (`periodic weekdays 8:00 to
 * 17:00`), or names a range the configuration does not define, so when it applies is not
 * known. Coverage takes them as in force; hygiene must not, since a rule that is sometimes
 * absent can neither hide a later rule nor stand in for a removed one. Absolute windows that
 * do not hold the audit date are handled before this: those rules are already inactive.
 */
export function rulesInForceOnlySometimes(firewall: Firewall): ReadonlySet<Rule> {
  const sometimes = new Set<Rule>();
  const recurring = new Map(firewall.timeRanges.map((range) => [range.name, range.entries.some(isPeriodicEntry)]));
  for (const list of firewall.ruleLists) {
    for (const rule of list.rules) {
      if (rule.timeRange !== undefined && recurring.get(rule.timeRange) !== false) sometimes.add(rule);
    }
  }
  return sometimes;
}
