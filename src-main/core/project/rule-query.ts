import type { RuleFilter, RuleRow } from './rule-explorer-schema';
import { NO_FINDING, severityRank, type IndexedRule, type RuleIndex } from './rule-index';

/** A case-insensitive test for the typed text, taken literally: no lower-cased copy of every rule is kept. */
function textTest(text: string | undefined): ((item: IndexedRule) => boolean) | undefined {
  const needle = text?.trim();
  if (!needle) return undefined;
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return (item) => pattern.test(item.rule.ref.text) || pattern.test(item.list.name) || (item.rule.name !== undefined && pattern.test(item.rule.name));
}

/**
 * The rules a filter lets through, as positions in the index, in the order asked for. One
 * pass over the index with no allocation per rule, so a filter over 100,000 rules stays quick.
 */
export function selectRules(index: RuleIndex, filter: RuleFilter): Uint32Array {
  const matchesText = textTest(filter.text);
  const kind = filter.kind;
  const maxRank = filter.minSeverity !== undefined ? severityRank(filter.minSeverity) : NO_FINDING - 1;
  const needsFinding = filter.withFindings === true || kind !== undefined || filter.minSeverity !== undefined;
  const hasWantedFinding = (item: IndexedRule) => item.findings.some((finding) => (kind === undefined || finding.kind === kind) && severityRank(finding.severity) <= maxRank);

  const chosen = new Uint32Array(index.rules.length);
  let count = 0;
  for (const item of index.rules) {
    if (filter.sourceId !== undefined && item.source.source.id !== filter.sourceId) continue;
    if (filter.action !== undefined && item.rule.action !== filter.action) continue;
    if (needsFinding && (item.worst > maxRank || !hasWantedFinding(item))) continue;
    if (matchesText && !matchesText(item)) continue;
    chosen[count++] = item.position;
  }
  const selection = chosen.slice(0, count);
  if (filter.order === 'severity') {
    const rules = index.rules;
    selection.sort((a, b) => rules[a]!.worst - rules[b]!.worst || a - b);
  }
  return selection;
}

/** Rules before any filter but the firewall: what "12 of 100,021 rules" counts against. */
export function rulesOf(index: RuleIndex, sourceId: string | undefined): number {
  if (sourceId === undefined) return index.rules.length;
  return index.sources.find((item) => item.source.id === sourceId)?.rules ?? 0;
}

/** One rule as a row of the list: enough to read it and its findings at a glance. */
export function rowOf(item: IndexedRule, index: number): RuleRow {
  const { rule, source } = item;
  return {
    index,
    sourceId: source.source.id,
    firewall: source.source.name,
    ruleId: rule.id,
    list: item.list.name,
    ...(rule.ref.line !== undefined ? { line: rule.ref.line } : { sheet: rule.ref.sheet, row: rule.ref.row }),
    text: rule.ref.text,
    action: rule.action,
    enabled: rule.enabled,
    matrixRows: [...item.matrixRows],
    findings: item.findings.map((finding) => ({ id: finding.id, kind: finding.kind, severity: finding.severity, title: finding.title })),
  };
}

/** The rows from `offset`, at most `limit` of them; past the end there are none. */
export function pageOf(index: RuleIndex, selection: Uint32Array, offset: number, limit: number): RuleRow[] {
  const rows: RuleRow[] = [];
  const end = Math.min(selection.length, offset + limit);
  for (let at = offset; at < end; at++) rows.push(rowOf(index.rules[selection[at]!]!, at));
  return rows;
}
