import type { CoverageRow, CoverageVerdict, FindingEntry, RuleLine } from '../model/report-model';
import { citation } from '../model/rule-line';

/**
 * A table cell's content as lines of text, each with the part it plays; the PDF gives each
 * kind a type style and the printable report a class, so both print the same lines.
 */
export type TextKind = 'strong' | 'plain' | 'muted' | 'code';

export interface TextBlock {
  text: string;
  kind: TextKind;
}

/** The coverage table's flow cell: systems, ports, the roles when the names differ, the protocol. */
export function flowBlocks(row: CoverageRow): TextBlock[] {
  const blocks: TextBlock[] = [{ text: `${row.source} → ${row.destination}`, kind: 'strong' }, { text: `${row.ports}/${row.transport}`, kind: 'plain' }];
  if (row.source !== row.sourceRole || row.destination !== row.destinationRole) blocks.push({ text: `roles: ${row.sourceRole} → ${row.destinationRole}`, kind: 'muted' });
  if (row.protocol) blocks.push({ text: row.protocol, kind: 'muted' });
  return blocks;
}

/** The coverage table's last cell: why, when the row is not simply allowed, then each firewall's verdict and lines. */
export function verdictBlocks(row: CoverageRow): TextBlock[] {
  if (row.verdicts.length === 0) return [{ text: row.reason, kind: 'plain' }];
  const blocks: TextBlock[] = row.status === 'allowed' ? [] : [{ text: row.reason, kind: 'plain' }];
  for (const verdict of row.verdicts) blocks.push(...pathBlocks(verdict));
  return blocks;
}

function pathBlocks(verdict: CoverageVerdict): TextBlock[] {
  const blocks: TextBlock[] = [{ text: `${verdict.firewall}${verdict.crossing ? ` (${verdict.crossing})` : ''}: ${verdict.status}`, kind: 'strong' }];
  blocks.push(...ruleBlocks('permitted by', verdict.permittedBy), ...ruleBlocks('denied by', verdict.deniedBy));
  if (verdict.missing.length > 0) blocks.push({ text: `missing: ${verdict.missing.join('; ')}`, kind: 'plain' });
  if (verdict.unknown.length > 0) blocks.push({ text: `undecided: ${verdict.unknown.join('; ')}`, kind: 'plain' });
  return blocks;
}

/** "permitted by servers_in#3, line 128" followed by the rule as written. */
export function ruleBlocks(label: string, rules: readonly RuleLine[]): TextBlock[] {
  return rules.flatMap((rule): TextBlock[] => [
    { text: `${label ? `${label} ` : ''}${citation(rule)}`, kind: 'muted' },
    { text: rule.text, kind: 'code' },
  ]);
}

/** The hygiene table's last cell: what, the rule quoted, why, and what to do. */
export function hygieneBlocks(finding: FindingEntry): TextBlock[] {
  return [
    { text: `${finding.title} (${finding.firewall})`, kind: 'strong' },
    ...(finding.rule ? ruleBlocks('', [finding.rule]) : []),
    { text: finding.detail, kind: 'plain' },
    { text: finding.remediation, kind: 'plain' },
  ];
}
