import type { Severity } from '../../src-main/core/engine/audit-result';
import type { RuleFilter, RuleRow } from '../../src-main/core/project/rule-explorer-schema';

/** The line number, or the sheet row of a rule export: short enough for a column. */
export function ruleWhere(row: Pick<RuleRow, 'line' | 'sheet' | 'row'>): string {
  if (row.line !== undefined) return String(row.line);
  return row.sheet !== undefined ? `${row.sheet}!${row.row}` : '';
}

/** The rule's most severe finding (the main process lists them most severe first). */
export function worstSeverity(row: Pick<RuleRow, 'findings'>): Severity | undefined {
  return row.findings[0]?.severity;
}

/** The filters as the explorer's controls hold them: empty strings for "any". */
export interface RuleFilterForm {
  sourceId: string;
  text: string;
  action: '' | 'permit' | 'deny';
  withFindings: boolean;
  kind: string;
  minSeverity: '' | Severity;
  order: 'file' | 'severity';
}

export const EMPTY_RULE_FILTER: RuleFilterForm = { sourceId: '', text: '', action: '', withFindings: false, kind: '', minSeverity: '', order: 'file' };

/** The form as a request: fields left at "any" are left out. */
export function ruleFilterOf(form: RuleFilterForm): RuleFilter {
  const text = form.text.trim();
  return {
    ...(form.sourceId && { sourceId: form.sourceId }),
    ...(text && { text: text.slice(0, 200) }),
    ...(form.action && { action: form.action }),
    ...(form.withFindings && { withFindings: true }),
    ...(form.kind && { kind: form.kind }),
    ...(form.minSeverity && { minSeverity: form.minSeverity }),
    order: form.order,
  };
}

/** "1,204 of 100,021 rules", or "100,021 rules" when nothing narrows them. */
export function ruleCountText(total: number, unfiltered: number): string {
  const format = (count: number) => count.toLocaleString('en-US');
  const noun = unfiltered === 1 ? 'rule' : 'rules';
  return total === unfiltered ? `${format(total)} ${noun}` : `${format(total)} of ${format(unfiltered)} ${noun}`;
}
