import { FLOW_STATUSES, SEVERITIES, type AuditResult, type Finding, type FlowPath, type FlowResult, type SourceSummary } from '../../engine/audit-result';
import type { Matrix } from '../../matrix/schema';
import { groupOf } from './finding-groups';
import { verdictOf } from './pass-criterion';
import { portUsageGraph } from './port-usage-graph';
import { remediationPlan } from './remediation-plan';
import type { CoverageRow, CoverageVerdict, EvidenceSource, FindingEntry, GapEntry, ReportModel, SignOffParty, SourceProvenance } from './report-model';
import { ruleLineOf } from './rule-line';

/** What a person fills in on the sign-off page; anything left out is a blank line to write on. */
export interface SignOffInput {
  name?: string;
  role?: string;
  organisation?: string;
  date?: string;
  comments?: string;
}

export interface ReportInput {
  audit: AuditResult;
  matrix: Matrix;
  signOff?: { auditor?: SignOffInput; customer?: SignOffInput };
  /** Deployed roles and their addresses as the site file gives them, in site order. */
  siteRoles?: readonly { role: string; addresses: string }[];
  notDeployed?: readonly string[];
  /** How each source (by firewall name) was obtained; a source not named was imported as a file. */
  provenance?: Readonly<Record<string, SourceProvenance>>;
  /** Vendor ids to names for people ("cisco-asa" → "Cisco ASA / FTD (LINA)"). */
  vendorNames?: Readonly<Record<string, string>>;
  /** ISO 8601; the audit's own time when absent, so one audit always gives one report. */
  issuedAt?: string;
}

const DIAGNOSTIC_SAMPLES = 5;

/**
 * The report of one audit. Pure: the same input gives the same model, which is what lets the
 * app and the command line produce byte-identical PDFs.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const { audit, matrix } = input;
  const findings = audit.findings.map(findingEntry);
  const auditorName = input.signOff?.auditor?.name ?? audit.site.auditor ?? '';
  const rowsByNumber = new Map(matrix.rows.map((row) => [row.row, row]));
  const coverage = audit.flows.map((flow): CoverageRow => ({
    row: flow.row,
    source: flow.source,
    destination: flow.destination,
    sourceRole: flow.sourceRole,
    destinationRole: flow.destinationRole,
    transport: flow.transport,
    ports: flow.ports,
    protocol: rowsByNumber.get(flow.row)?.protocol ?? '',
    status: flow.status,
    reason: flow.reason,
    verdicts: flow.paths.map((path) => verdictOfPath(path, flow)),
  }));

  return {
    cover: {
      title: 'WFOS firewall audit report',
      customer: audit.site.customer,
      site: audit.site.site,
      matrixId: audit.matrix.id,
      matrixTitle: audit.matrix.title,
      matrixSource: [matrix.source.document, matrix.source.issue, matrix.source.date, matrix.source.table].filter(Boolean).join(', '),
      matrixRows: audit.matrix.rows,
      auditor: auditorName,
      issuedAt: input.issuedAt ?? audit.generatedAt,
      auditGeneratedAt: audit.generatedAt,
      tool: audit.tool,
    },
    verdict: verdictOf(audit),
    summary: {
      flows: FLOW_STATUSES.map((status) => ({ status, count: audit.summary.flows[status] ?? 0 })),
      findings: SEVERITIES.map((severity) => ({ severity, count: audit.summary.findings[severity] ?? 0 })),
      sources: audit.sources.length,
      rules: audit.sources.reduce((sum, source) => sum + source.rules, 0),
    },
    coverage,
    findings,
    gaps: audit.flows.filter((flow) => flow.status === 'partial' || flow.status === 'blocked').map((flow) => gapOf(flow, findings)),
    overPermissive: findings.filter((finding) => groupOf(finding) === 'over-permissive'),
    hygiene: findings.filter((finding) => groupOf(finding) === 'hygiene'),
    remediation: remediationPlan(audit, input.vendorNames ?? {}),
    evidence: {
      sources: audit.sources.map((source) => evidenceOf(source, input.provenance?.[source.name] ?? { method: 'import' }, input.vendorNames ?? {})),
      roles: [...(input.siteRoles ?? [])],
      notDeployed: [...(input.notDeployed ?? [])],
    },
    diagram: portUsageGraph(audit, matrix, input.siteRoles ? new Map(input.siteRoles.map((role) => [role.role, role.addresses])) : undefined),
    signOff: {
      auditor: party('Auditor', { ...input.signOff?.auditor, name: auditorName }),
      customer: party('Customer representative', { organisation: audit.site.customer, ...input.signOff?.customer }),
    },
  };
}

function findingEntry(finding: Finding): FindingEntry {
  return {
    id: finding.id,
    kind: finding.kind,
    severity: finding.severity,
    firewall: finding.firewall,
    ...(finding.rule && { rule: ruleLineOf(finding.rule) }),
    rows: finding.rows ?? [],
    title: finding.title,
    detail: finding.detail,
    remediation: finding.remediation,
  };
}

function verdictOfPath(path: FlowPath, flow: FlowResult): CoverageVerdict {
  return {
    firewall: path.firewall,
    status: path.status,
    ...(path.ingress !== undefined && path.egress !== undefined && { crossing: `${path.ingress} → ${path.egress}` }),
    permittedBy: path.permittedBy.map(ruleLineOf),
    deniedBy: path.deniedBy.map(ruleLineOf),
    missing: path.missing.map((part) => `${part.ports}/${flow.transport} from ${part.sources} to ${part.destinations}${part.sourcePorts ? ` (source ports ${part.sourcePorts})` : ''}`),
    unknown: path.unknown ?? [],
  };
}

function gapOf(flow: FlowResult, findings: readonly FindingEntry[]): GapEntry {
  return {
    row: flow.row,
    flow: `${flow.sourceRole} → ${flow.destinationRole}, ${flow.ports}/${flow.transport}`,
    status: flow.status,
    reason: flow.reason,
    missing: flow.paths
      .filter((path) => path.missing.length > 0)
      .map((path) => ({ firewall: path.firewall, parts: verdictOfPath(path, flow).missing })),
    findings: findings.filter((finding) => groupOf(finding) === 'coverage' && finding.rows.includes(flow.row)),
  };
}

function evidenceOf(source: SourceSummary, obtained: SourceProvenance, vendorNames: Readonly<Record<string, string>>): EvidenceSource {
  const severities = [...new Set(source.diagnostics.map((item) => item.severity))];
  return {
    name: source.name,
    file: source.file,
    vendor: vendorNames[source.vendor] ?? source.vendor,
    ...(source.hostname !== undefined && { hostname: source.hostname }),
    ...(source.version !== undefined && { version: source.version }),
    rules: source.rules,
    topology: source.topology,
    sha256: source.sha256,
    obtained,
    diagnostics: severities.map((severity) => ({ severity, count: source.diagnostics.filter((item) => item.severity === severity).length })),
    diagnosticSamples: samplesOf(source.diagnostics),
  };
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { error: 0, warning: 1, info: 2 };

/**
 * The diagnostics a reader should see first: the worst, and within a severity those about the
 * source as a whole (its zones, a file changed since it was pulled) before those about a line.
 */
function samplesOf(diagnostics: SourceSummary['diagnostics']): string[] {
  return [...diagnostics]
    .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || Number(a.line !== 0) - Number(b.line !== 0))
    .slice(0, DIAGNOSTIC_SAMPLES)
    .map((item) => `${item.line === 0 ? 'source-wide' : `line ${item.line}`} ${item.severity}: ${item.message}`);
}

function party(title: string, input: SignOffInput): SignOffParty {
  return {
    title,
    name: input.name ?? '',
    role: input.role ?? '',
    organisation: input.organisation ?? '',
    date: input.date ?? '',
    comments: input.comments ?? '',
  };
}
