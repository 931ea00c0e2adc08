import { targetLabel } from '../../core/collect/errors';
import type { AuditResult } from '../../core/engine/index';
import { formatTable } from '../table';

const MAX_FINDINGS_LISTED = 25;
const MAX_SOURCE_WARNINGS = 5;

/** The audit as a person reads it in a terminal: sources, row verdicts, worst findings first. */
export function formatAuditSummary(result: AuditResult): string {
  const lines: string[] = [];
  lines.push(`${result.site.customer}: ${result.site.site}`);
  lines.push(`${result.matrix.title}, ${result.matrix.rows} rows`);
  lines.push('');
  for (const source of result.sources) {
    const problems = source.diagnostics.filter((item) => item.severity !== 'info').length;
    lines.push(`  ${source.name}: ${source.vendor}${source.hostname ? ` ${source.hostname}` : ''}, ${counted(source.rules, 'rule')}, topology from ${source.topology}${problems ? `, ${counted(problems, 'diagnostic')}` : ''}`);
    // What concerns the source as a whole (its zones, its topology) changes how every row
    // reads: said here in full. Line-level ones are counted; `wfos-audit parse` lists them.
    for (const item of source.diagnostics.filter((diagnostic) => diagnostic.line === 0 && diagnostic.severity !== 'info').slice(0, MAX_SOURCE_WARNINGS)) {
      lines.push(`    ${item.severity}: ${item.message}`);
    }
    const { pulled } = source;
    if (pulled) lines.push(`    pulled over SSH from ${targetLabel(pulled.host, pulled.port)} at ${pulled.capturedAt}, host key ${pulled.hostKey} (${pulled.hostKeyTrust}), evidence ${pulled.evidence}`);
  }
  const counts = result.summary.flows;
  lines.push('');
  lines.push(`Flows: ${counts.allowed} allowed, ${counts.partial} partial, ${counts.blocked} blocked, ${counts['not-applicable']} not applicable, ${counts.unknown} unknown`);
  const open = result.flows.filter((flow) => flow.status === 'partial' || flow.status === 'blocked' || flow.status === 'unknown');
  if (open.length > 0) {
    lines.push('');
    lines.push(
      formatTable(
        ['Row', 'Status', 'Flow', 'Why'],
        open.map((flow) => [String(flow.row), flow.status, `${flow.sourceRole} → ${flow.destinationRole} ${flow.ports}/${flow.transport}`, flow.reason]),
      ).trimEnd(),
    );
  }
  const severities = result.summary.findings;
  lines.push('');
  lines.push(`Findings: ${severities.critical} critical, ${severities.high} high, ${severities.medium} medium, ${severities.low} low, ${severities.info} info`);
  const listed = result.findings.filter((finding) => finding.severity !== 'info').slice(0, MAX_FINDINGS_LISTED);
  for (const finding of listed) {
    const where = finding.rule?.line !== undefined ? ` line ${finding.rule.line}` : finding.rule?.row !== undefined ? ` ${finding.rule.sheet} row ${finding.rule.row}` : '';
    lines.push(`  ${finding.id} ${finding.severity.padEnd(8)} ${finding.kind.padEnd(17)} ${finding.firewall}${where}: ${finding.title}`);
  }
  const rest = result.findings.length - listed.length;
  if (rest > 0) lines.push(`  … and ${rest} more (see --json)`);
  return lines.join('\n') + '\n';
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
