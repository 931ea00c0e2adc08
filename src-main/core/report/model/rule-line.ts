import type { RuleReference } from '../../engine/audit-result';
import type { RuleLine } from './report-model';

/** A rule reference as the report prints it: where it is in the source, and its text (built-in behaviour says what it is first). */
export function ruleLineOf(reference: RuleReference): RuleLine {
  return { id: reference.id, where: whereIn(reference), text: reference.note ? `${reference.note}, set by: ${reference.text}` : reference.text };
}

/** "line 136" for text configurations, "Policies row 14" for spreadsheets. */
function whereIn(reference: RuleReference): string {
  if (reference.line !== undefined) return `line ${reference.line}`;
  if (reference.sheet !== undefined) return `${reference.sheet} row ${reference.row ?? '?'}`;
  return '';
}

/** The rule list a rule id names ("servers_in" of "servers_in#9"); none for objects. */
export function listOf(reference: RuleReference | undefined): string | undefined {
  const hash = reference?.id.lastIndexOf('#') ?? -1;
  return hash > 0 ? reference!.id.slice(0, hash) : undefined;
}

/** "servers_in#9, line 136": a rule as a sentence names it. */
export function citation(rule: RuleLine): string {
  return `${rule.id}${rule.where ? `, ${rule.where}` : ''}`;
}
