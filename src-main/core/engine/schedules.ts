import type { Firewall, Rule, RuleList } from '../model/index';
import { rulesInForceOnlySometimes } from './periodic-rules';

/** The firewall as it filters at some times: one combination of recurring time-ranges in force. */
export interface Schedule {
  /** How a reason names it: "while BUSINESS-HOURS is in force", "outside BUSINESS-HOURS". */
  label: string;
  firewall: Firewall;
}

export interface Schedules {
  /** Ids of the rules in force only part of the time. */
  recurringRuleIds: ReadonlySet<string>;
  /** What the ranges say, for a reason: "BUSINESS-HOURS (periodic weekdays 8:00 to 18:00)". */
  description: string;
  cases: readonly Schedule[];
}

/**
 * Every combination of a few recurring ranges is tried; past that, the combinations grow too
 * fast and what such rules match is taken as unknown instead.
 */
const MAX_RECURRING_RANGES = 3;

/**
 * The ways the firewall filters over a day and a week, where rules on recurring time-ranges
 * (`periodic weekdays 8:00 to 18:00`) make it differ; undefined when no rule has one. A WFOS
 * flow runs around the clock: only what every schedule decides alike is certain.
 */
export function schedulesOf(firewall: Firewall): Schedules | undefined {
  const recurring = rulesInForceOnlySometimes(firewall);
  if (recurring.size === 0) return undefined;
  const names = [...new Set([...recurring].map((rule) => rule.timeRange!))].sort();
  const entries = new Map(firewall.timeRanges.map((range) => [range.name, range.entries.join('; ')]));
  const description = names.map((name) => `${name} (${entries.get(name) ?? 'not defined in the file'})`).join(', ');
  const recurringRuleIds = new Set([...recurring].map((rule) => rule.id));
  if (names.length > MAX_RECURRING_RANGES) {
    return { recurringRuleIds, description, cases: [{ label: 'at any time', firewall: withRules(firewall, (rule) => (recurring.has(rule) ? uncertainRule(rule) : rule)) }] };
  }
  const cases: Schedule[] = [];
  for (let mask = (1 << names.length) - 1; mask >= 0; mask--) {
    const inForce = new Set(names.filter((_, bit) => (mask & (1 << bit)) !== 0));
    const firewallThen = withRules(firewall, (rule) => (recurring.has(rule) && !inForce.has(rule.timeRange!) ? { ...rule, enabled: false } : rule));
    cases.push({ label: labelOf(names, inForce), firewall: firewallThen });
  }
  return { recurringRuleIds, description, cases };
}

function labelOf(names: readonly string[], inForce: ReadonlySet<string>): string {
  if (names.length === 1) return inForce.size === 1 ? `while ${names[0]} is in force` : `outside ${names[0]}`;
  const on = names.filter((name) => inForce.has(name));
  const off = names.filter((name) => !inForce.has(name));
  return [on.length ? `with ${on.join(' and ')} in force` : '', off.length ? `${on.length ? 'and ' : ''}outside ${off.join(' and ')}` : ''].filter(Boolean).join(' ');
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
