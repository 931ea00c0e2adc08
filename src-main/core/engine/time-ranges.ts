import type { Firewall, Rule, RuleList, TimeRange } from '../model/index';

/** Why a rule cannot match on the audit date although it is enabled. */
export interface OutOfTime {
  kind: 'ended' | 'not-started';
  range: string;
  /** When the range ended or will start. */
  date: Date;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// ASA: `absolute [start hh:mm day month year] [end hh:mm day month year]`, month as a name.
const ABSOLUTE_PART = /\b(start|end)\s+(\d{1,2}):(\d{2})\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/gi;
/**
 * The device's time zone is not in its configuration: a range is called ended or not started
 * only when it is so by more than a day, whatever the zone.
 */
const TIME_ZONE_MARGIN_MS = 24 * 60 * 60 * 1000;

function absoluteWindow(range: TimeRange): { start?: Date; end?: Date } {
  const window: { start?: Date; end?: Date } = {};
  for (const entry of range.entries) {
    if (!/^\s*absolute\b/i.test(entry)) continue;
    for (const [, which, hours, minutes, day, monthName, year] of entry.matchAll(ABSOLUTE_PART)) {
      const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase());
      if (month < 0) continue;
      const date = new Date(Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes)));
      if (which!.toLowerCase() === 'start') window.start = date;
      else window.end = date;
    }
  }
  return window;
}

/**
 * Enabled rules whose time-range has an absolute window that does not include the audit date:
 * the firewall matches nothing with them then. Periodic ranges (weekdays, nights) leave the
 * rule in force; the rule's notes say when it applies.
 */
export function rulesOutOfTime(firewall: Firewall, at: Date): Map<Rule, OutOfTime> {
  const out = new Map<Rule, OutOfTime>();
  if (firewall.timeRanges.length === 0) return out;
  const windows = new Map(firewall.timeRanges.map((range) => [range.name, absoluteWindow(range)]));
  for (const list of firewall.ruleLists) {
    for (const rule of list.rules) {
      const window = rule.enabled && rule.timeRange !== undefined ? windows.get(rule.timeRange) : undefined;
      if (!window) continue;
      if (window.end && window.end.getTime() + TIME_ZONE_MARGIN_MS < at.getTime()) out.set(rule, { kind: 'ended', range: rule.timeRange!, date: window.end });
      else if (window.start && window.start.getTime() - TIME_ZONE_MARGIN_MS > at.getTime()) out.set(rule, { kind: 'not-started', range: rule.timeRange!, date: window.start });
    }
  }
  return out;
}

/** The firewall as it filters on the audit date: rules out of their time are taken as inactive. */
export function asOnAuditDate(firewall: Firewall, outOfTime: ReadonlyMap<Rule, OutOfTime>): Firewall {
  if (outOfTime.size === 0) return firewall;
  const ruleLists: RuleList[] = firewall.ruleLists.map((list) => ({
    ...list,
    rules: list.rules.map((rule) => (outOfTime.has(rule) ? { ...rule, enabled: false } : rule)),
  }));
  return { ...firewall, ruleLists };
}
