import type { CoverageRow, CoverageVerdict, RuleLine } from '../../model/report-model';
import type { ReportModel } from '../../model/report-model';
import { citation } from '../../model/rule-line';
import { STYLES, type ReportCanvas } from '../canvas';
import { STATUS_TINTS } from '../palette';
import { cell, drawTable, type Cell } from '../table';
import type { TextStyle } from '../typesetter';

type Block = Cell['blocks'][number];

/** Every matrix row, its verdict, and for each firewall it crosses the lines that decide it. */
export function drawCoverage(canvas: ReportCanvas, model: ReportModel): void {
  canvas.section(
    'Coverage by matrix row',
    'One line per row of the port matrix, in the matrix\'s order. For each firewall the flow crosses: where it enters and leaves, ' +
      'its verdict there, and the rule lines that permit or deny it, quoted from the configuration with their line numbers.',
  );
  drawTable(
    canvas,
    [{ header: 'Row', share: 0.45 }, { header: 'Flow', share: 1.8 }, { header: 'Status', share: 1.05 }, { header: 'Firewalls and deciding rules', share: 4.2 }],
    model.coverage.map((row) => [
      cell(String(row.row), STYLES.smallBold),
      { blocks: flowBlocks(row) },
      cell(row.status, STYLES.smallBold, STATUS_TINTS[row.status]),
      { blocks: verdictBlocks(row) },
    ]),
  );
}

function flowBlocks(row: CoverageRow): Block[] {
  const blocks: Block[] = [{ text: `${row.source} → ${row.destination}`, style: STYLES.smallBold }, { text: `${row.ports}/${row.transport}`, style: STYLES.small }];
  if (row.source !== row.sourceRole || row.destination !== row.destinationRole) blocks.push({ text: `roles: ${row.sourceRole} → ${row.destinationRole}`, style: STYLES.muted });
  if (row.protocol) blocks.push({ text: row.protocol, style: STYLES.muted });
  return blocks;
}

function verdictBlocks(row: CoverageRow): Block[] {
  if (row.verdicts.length === 0) return [{ text: row.reason, style: STYLES.small }];
  const blocks: Block[] = row.status === 'allowed' ? [] : [{ text: row.reason, style: STYLES.small }];
  for (const verdict of row.verdicts) blocks.push(...pathBlocks(verdict));
  return blocks;
}

function pathBlocks(verdict: CoverageVerdict): Block[] {
  const blocks: Block[] = [{ text: `${verdict.firewall}${verdict.crossing ? ` (${verdict.crossing})` : ''}: ${verdict.status}`, style: STYLES.smallBold }];
  blocks.push(...ruleBlocks('permitted by', verdict.permittedBy), ...ruleBlocks('denied by', verdict.deniedBy));
  if (verdict.missing.length > 0) blocks.push({ text: `missing: ${verdict.missing.join('; ')}`, style: STYLES.small });
  if (verdict.unknown.length > 0) blocks.push({ text: `undecided: ${verdict.unknown.join('; ')}`, style: STYLES.small });
  return blocks;
}

/** "permitted by servers_in#3, line 128" followed by the rule as written. */
export function ruleBlocks(label: string, rules: readonly RuleLine[], labelStyle: TextStyle = STYLES.muted): Block[] {
  return rules.flatMap((rule) => [
    { text: `${label ? `${label} ` : ''}${citation(rule)}`, style: labelStyle },
    { text: rule.text, style: STYLES.mono },
  ]);
}
