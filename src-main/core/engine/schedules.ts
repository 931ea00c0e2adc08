import type { Firewall, Rule, RuleList } from '../model/index';
import { rulesInForceOnlySometimes } from './periodic-rules';
import { MINUTES_PER_WEEK, weeklyWindow } from './weekly-windows';

/** The firewall as it filters at some times: one combination of recurring time-ranges in force. */
export interface Schedule {
  /** How a reason names it: "while BUSINESS-HOURS is in force", "outside BUSINESS-HOURS". */
  label: string;
  /** The recurring ranges in force in this schedule. */
  inForce: ReadonlySet<string>;
  firewall: Firewall;
}

export interface Schedules {
  /** Ids of the rules in force only part of the time. */
  recurringRuleIds: ReadonlySet<string>;
  /** What the ranges say, for a reason: "BUSINESS-HOURS (periodic weekdays 8:00 to 18:00)". */
  description: string;
  cases: readonly Schedule[];
}

/** Past this many different states over the week, what such rules match is taken as unknown instead. */
const MAX_SCHEDULES = 16;

/**
 * The ways the firewall filters over a week, where rules on recurring time-ranges
 * (`periodic weekdays 8:00 to 18:00`) make it differ; undefined when no rule has one. Each
 * schedule is a state the week really passes through, minute by minute, so ranges nested in
 * one another or never in force together are not tried in impossible combinations. A WFOS
 * flow runs around the clock: what is denied in any schedule is a gap. Rules on a range that
 * is not defined, or whose lines cannot be read, match only "maybe" in every schedule.
 */
export function schedulesOf(firewall: Firewall): Schedules | undefined {
  const recurring = rulesInForceOnlySometimes(firewall);
  if (recurring.size === 0) return undefined;
  const names = [...new Set([...recurring].map((rule) => rule.timeRange!))].sort();
  const ranges = new Map(firewall.timeRanges.map((range) => [range.name, range]));
  const description = names.map((name) => `${name} (${ranges.get(name)?.entries.join('; ') ?? 'not defined in the file'})`).join(', ');
  const recurringRuleIds = new Set([...recurring].map((rule) => rule.id));
  const windows = new Map(names.flatMap((name) => {
    const window = weeklyWindow(ranges.get(name)?.entries ?? []);
    return window ? [[name, window] as const] : [];
  }));
  const timed = names.filter((name) => windows.has(name));
  const states = statesOverTheWeek(timed, windows);
  const unreadable = (rule: Rule) => recurring.has(rule) && !windows.has(rule.timeRange!);
  if (states.length > MAX_SCHEDULES) {
    const anyTime = { label: 'at any time', inForce: new Set<string>(), firewall: withRules(firewall, (rule) => (recurring.has(rule) ? uncertainRule(rule) : rule)) };
    return { recurringRuleIds, description, cases: [anyTime] };
  }
  const cases = states.map((inForce) => ({
    label: labelOf(timed, inForce),
    inForce,
    firewall: withRules(firewall, (rule) => {
      if (unreadable(rule)) return uncertainRule(rule);
      return recurring.has(rule) && !inForce.has(rule.timeRange!) ? { ...rule, enabled: false } : rule;
    }),
  }));
  return { recurringRuleIds, description, cases };
}

/** The different sets of ranges in force that the week passes through, most ranges first. */
function statesOverTheWeek(names: readonly string[], windows: ReadonlyMap<string, Uint8Array>): Set<string>[] {
  const seen = new Map<string, Set<string>>();
  for (let minute = 0; minute < MINUTES_PER_WEEK; minute++) {
    const inForce = names.filter((name) => windows.get(name)![minute] === 1);
    const key = inForce.join('\u0000');
    if (!seen.has(key)) seen.set(key, new Set(inForce));
    if (seen.size > MAX_SCHEDULES) break;
  }
  return [...seen.values()].sort((a, b) => b.size - a.size);
}

function labelOf(names: readonly string[], inForce: ReadonlySet<string>): string {
  const on = names.filter((name) => inForce.has(name));
  const off = names.filter((name) => !inForce.has(name));
  const be = (list: readonly string[]) => (list.length > 1 ? 'are' : 'is');
  if (names.length === 0) return 'at any time';
  if (off.length === 0) return `while ${on.join(' and ')} ${be(on)} in force`;
  if (on.length === 0) return `outside ${off.join(' and ')}`;
  return `while ${on.join(' and ')} ${be(on)} in force and ${off.join(' and ')} ${be(off)} not`;
}

function withRules(firewall: Firewall, change: (rule: Rule) => Rule): Firewall {
  const ruleLists: RuleList[] = firewall.ruleLists.map((list) => ({ ...list, rules: list.rules.map(change) }));
  return { ...firewall, ruleLists };
}

/** What the rule matches becomes what it may match: whether it is in force is not known. */
function uncertainRule(rule: Rule): Rule {
  const reason = `${rule.id} applies only while time-range ${rule.timeRange} is in force`;
  return { ...rule, match: [], mayMatch: rule.mayMatch ?? rule.match, unresolved: [...rule.unresolved, { kind: 'unsupported', name: rule.timeRange, reason }] };
}

/**
 * When the schedules that let a part through differ from those that deny it, in the fewest
 * words: "while WORK is in force" or "outside WORK" where one range tells them apart, else the
 * schedules that let it through.
 */
export function whenPermitted(schedules: Schedules, permitting: readonly Schedule[], denying: readonly Schedule[]): string {
  const names = [...new Set(schedules.cases.flatMap((schedule) => [...schedule.inForce]))].sort();
  for (const name of names) {
    if (permitting.every((schedule) => schedule.inForce.has(name)) && denying.every((schedule) => !schedule.inForce.has(name))) return `while ${name} is in force`;
    if (permitting.every((schedule) => !schedule.inForce.has(name)) && denying.every((schedule) => schedule.inForce.has(name))) return `outside ${name}`;
  }
  return permitting.map((schedule) => schedule.label).join(' or ');
}
