import { formatDate, formatDateTime } from '../model/dates';
import { describeProvenance } from '../model/provenance';
import type { CoverageVerdict, ReportModel, RuleLine } from '../model/report-model';

export type TableCell = string | number;

/** One sheet of the XLSX export, one file of the CSV export. */
export interface ReportTable {
  name: string;
  /** File name of the CSV form. */
  file: string;
  header: string[];
  rows: TableCell[][];
}

/**
 * The report as tables for spreadsheets: the same model the PDF prints, flattened so that a
 * customer can filter and sort it. Coverage has one line per matrix row (a firewall per line
 * inside a cell when a row crosses several), remediation one line per command so that a
 * block can be copied out as it is.
 */
export function reportTables(model: ReportModel): ReportTable[] {
  return [summaryTable(model), coverageTable(model), findingsTable(model), rulesTable(model), remediationTable(model), evidenceTable(model)];
}

function summaryTable(model: ReportModel): ReportTable {
  const { cover, verdict, summary } = model;
  return {
    name: 'Summary',
    file: 'summary.csv',
    header: ['Item', 'Value'],
    rows: [
      ['Customer', cover.customer],
      ['Site', cover.site],
      ['Port matrix', `${cover.matrixTitle} (${cover.matrixId})`],
      ['Matrix source', cover.matrixSource],
      ['Auditor', cover.auditor],
      ['Report date', formatDate(cover.issuedAt)],
      ['Audit run', formatDateTime(cover.auditGeneratedAt)],
      ['Tool', `${cover.tool.name} ${cover.tool.version}`],
      ['Verdict', verdict.passed ? 'PASS' : 'FAIL'],
      ['Criterion', verdict.criterion],
      ...verdict.reasons.map((reason): TableCell[] => ['Fails because', reason]),
      ...summary.flows.map(({ status, count }): TableCell[] => [`Matrix rows ${status}`, count]),
      ...summary.findings.map(({ severity, count }): TableCell[] => [`Findings ${severity}`, count]),
    ],
  };
}

function coverageTable(model: ReportModel): ReportTable {
  const perFirewall = (verdicts: readonly CoverageVerdict[], text: (verdict: CoverageVerdict) => string[]) =>
    verdicts.flatMap((verdict) => text(verdict).map((line) => (verdicts.length > 1 ? `${verdict.firewall}: ${line}` : line))).join('\n');
  return {
    name: 'Coverage',
    file: 'coverage.csv',
    header: ['Row', 'Source', 'Destination', 'Source role', 'Destination role', 'Transport', 'Ports', 'Protocol', 'Status', 'Reason', 'Firewalls', 'Permitted by', 'Denied by', 'Missing'],
    rows: model.coverage.map((row) => [
      row.row,
      row.source,
      row.destination,
      row.sourceRole,
      row.destinationRole,
      row.transport,
      row.ports,
      row.protocol,
      row.status,
      row.reason,
      row.verdicts.map((verdict) => `${verdict.firewall}: ${verdict.status}${verdict.crossing ? ` (${verdict.crossing})` : ''}`).join('\n'),
      perFirewall(row.verdicts, (verdict) => verdict.permittedBy.map(ruleText)),
      perFirewall(row.verdicts, (verdict) => verdict.deniedBy.map(ruleText)),
      perFirewall(row.verdicts, (verdict) => verdict.missing),
    ]),
  };
}

function findingsTable(model: ReportModel): ReportTable {
  return {
    name: 'Findings',
    file: 'findings.csv',
    header: ['ID', 'Severity', 'Kind', 'Firewall', 'Rule', 'Where', 'Rule text', 'Matrix rows', 'Title', 'Detail', 'Remediation'],
    rows: model.findings.map((finding) => [
      finding.id,
      finding.severity,
      finding.kind,
      finding.firewall,
      finding.rule?.id ?? '',
      finding.rule?.where ?? '',
      finding.rule?.text ?? '',
      finding.rows.join(', '),
      finding.title,
      finding.detail,
      finding.remediation,
    ]),
  };
}

/** Every rule the report cites, once per firewall, with what cites it. */
function rulesTable(model: ReportModel): ReportTable {
  const rules = new Map<string, { firewall: string; rule: RuleLine; permits: number[]; denies: number[]; findings: string[] }>();
  const entry = (firewall: string, rule: RuleLine) => {
    const key = `${firewall}\u0000${rule.id}`;
    if (!rules.has(key)) rules.set(key, { firewall, rule, permits: [], denies: [], findings: [] });
    return rules.get(key)!;
  };
  for (const row of model.coverage) {
    for (const verdict of row.verdicts) {
      for (const rule of verdict.permittedBy) entry(verdict.firewall, rule).permits.push(row.row);
      for (const rule of verdict.deniedBy) entry(verdict.firewall, rule).denies.push(row.row);
    }
  }
  for (const finding of model.findings) if (finding.rule) entry(finding.firewall, finding.rule).findings.push(finding.id);
  return {
    name: 'Rules',
    file: 'rules.csv',
    header: ['Firewall', 'Rule', 'Where', 'Text', 'Permits matrix rows', 'Denies matrix rows', 'Findings'],
    rows: [...rules.values()].map(({ firewall, rule, permits, denies, findings }) => [firewall, rule.id, rule.where, rule.text, permits.join(', '), denies.join(', '), findings.join(', ')]),
  };
}

function remediationTable(model: ReportModel): ReportTable {
  return {
    name: 'Remediation',
    file: 'remediation.csv',
    header: ['Firewall', 'Syntax', 'Step', 'Finding', 'Severity', 'Kind', 'List', 'Rule', 'Line', 'Text'],
    rows: model.remediation.flatMap((plan) =>
      plan.steps.flatMap((step, index) =>
        step.text.split('\n').map((line, number): TableCell[] => [plan.firewall, plan.syntax, index + 1, step.findingId, step.severity, step.kind, step.list ?? '', step.rule?.id ?? '', number + 1, line]),
      ),
    ),
  };
}

function evidenceTable(model: ReportModel): ReportTable {
  return {
    name: 'Evidence',
    file: 'evidence.csv',
    header: ['Firewall', 'File', 'Vendor', 'Hostname', 'Version', 'Rules', 'Topology from', 'Obtained', 'SHA-256', 'Diagnostics'],
    rows: model.evidence.sources.map((source) => [
      source.name,
      source.file,
      source.vendor,
      source.hostname ?? '',
      source.version ?? '',
      source.rules,
      source.topology,
      describeProvenance(source.obtained),
      source.sha256,
      source.diagnostics.map((item) => `${item.count} ${item.severity}`).join(', '),
    ]),
  };
}

function ruleText(rule: RuleLine): string {
  return `${rule.id}${rule.where ? ` (${rule.where})` : ''}: ${rule.text}`;
}
