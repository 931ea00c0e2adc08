import type { FlowStatus, RuleReference, Severity } from '../../engine/audit-result';

/**
 * Everything a report shows, in the order it shows it, as plain data: the PDF, the XLSX/CSV
 * exports and (later) the app's report view render this one model, so they cannot disagree.
 * It holds no Node objects and no functions, so it can cross the renderer bridge as it is.
 */
export interface ReportModel {
  cover: ReportCover;
  verdict: ReportVerdict;
  summary: ReportSummary;
  coverage: CoverageRow[];
  /** Every finding, in the audit's order (most severe first); the sections below group them. */
  findings: FindingEntry[];
  gaps: GapEntry[];
  overPermissive: FindingEntry[];
  hygiene: FindingEntry[];
  remediation: FirewallRemediation[];
  evidence: ReportEvidence;
  diagram: PortUsageGraph;
  signOff: { auditor: SignOffParty; customer: SignOffParty };
}

export interface ReportCover {
  title: string;
  customer: string;
  site: string;
  matrixId: string;
  matrixTitle: string;
  /** "Avaya Port Matrix: … 5.2.3, Issue 1.0, 2019-09-04": the document the rows come from. */
  matrixSource: string;
  matrixRows: number;
  auditor: string;
  /** ISO 8601, seconds, UTC: when the report was issued (the audit's time unless given). */
  issuedAt: string;
  auditGeneratedAt: string;
  tool: { name: string; version: string };
}

export interface ReportVerdict {
  passed: boolean;
  /** The rule the verdict applies, stated so a reader can check it. */
  criterion: string;
  statement: string;
  /** Why it failed, one line per broken condition; empty when it passed. */
  reasons: string[];
}

export interface ReportSummary {
  flows: { status: FlowStatus; count: number }[];
  findings: { severity: Severity; count: number }[];
  sources: number;
  rules: number;
}

/** One firewall's part in a matrix row: its verdict and the lines that decide it. */
export interface CoverageVerdict {
  firewall: string;
  status: FlowStatus;
  /** "servers → avaya" when the engine placed the flow on interfaces or zones. */
  crossing?: string;
  permittedBy: RuleLine[];
  deniedBy: RuleLine[];
  /** "1050-1065/tcp from 10.10.20.11 to 10.40.0.10". */
  missing: string[];
  unknown: string[];
}

export interface CoverageRow {
  row: number;
  source: string;
  destination: string;
  sourceRole: string;
  destinationRole: string;
  transport: 'tcp' | 'udp';
  ports: string;
  protocol: string;
  status: FlowStatus;
  reason: string;
  verdicts: CoverageVerdict[];
}

/** A rule line as the report cites it: "servers_in#9, line 136" and the text as written. */
export interface RuleLine {
  id: string;
  /** "line 136" or "Policies row 14". */
  where: string;
  text: string;
}

export interface GapEntry {
  row: number;
  flow: string;
  status: FlowStatus;
  reason: string;
  missing: { firewall: string; parts: string[] }[];
  findings: FindingEntry[];
}

export interface FindingEntry {
  id: string;
  kind: string;
  severity: Severity;
  firewall: string;
  rule?: RuleLine;
  rows: number[];
  title: string;
  detail: string;
  remediation: string;
}

/** The change plan for one firewall, in its own syntax, in the order it can be applied. */
export interface FirewallRemediation {
  firewall: string;
  vendor: string;
  /** "Cisco ASA / FTD (LINA)" syntax, or a vendor-neutral statement of the same sets. */
  syntax: string;
  steps: RemediationStep[];
}

export interface RemediationStep {
  findingId: string;
  kind: string;
  severity: Severity;
  title: string;
  /** The list the step changes ("servers_in"), when its rule names one. */
  list?: string;
  rule?: RuleLine;
  /** The engine's remediation text, unchanged: commands as the firewall takes them. */
  text: string;
  /** Other findings whose steps touch the same rule: the reader applies one of them. */
  conflictsWith: string[];
}

export interface ReportEvidence {
  sources: EvidenceSource[];
  roles: { role: string; addresses: string }[];
  notDeployed: string[];
}

export interface EvidenceSource {
  name: string;
  file: string;
  vendor: string;
  hostname?: string;
  version?: string;
  rules: number;
  topology: string;
  sha256: string;
  obtained: SourceProvenance;
  diagnostics: { severity: string; count: number }[];
  /** The first few diagnostics as written, with their lines. */
  diagnosticSamples: string[];
}

/** How a source reached the audit: imported as a file, or pulled live over SSH. */
export type SourceProvenance =
  | { method: 'import'; warning?: string }
  | {
      method: 'ssh';
      host: string;
      port?: number;
      username?: string;
      /** "ssh-ed25519 SHA256:…", as the device presented it and known_hosts vouched for it. */
      hostKeyFingerprint: string;
      /** When the capture finished (ISO 8601). */
      at: string;
      /** Something a reader must know: the file changed since the pull, or the capture is incomplete. */
      warning?: string;
    };

export interface SignOffParty {
  /** "Auditor", "Customer representative". */
  title: string;
  name: string;
  role: string;
  organisation: string;
  date: string;
  comments: string;
}

export type DiagramColumn = 'initiators' | 'components' | 'systems';

export interface DiagramNode {
  id: string;
  label: string;
  kind: 'component' | 'external' | 'client' | 'group';
  deployed: boolean;
  addresses?: string;
}

export interface DiagramEdge {
  row: number;
  from: string;
  to: string;
  status: FlowStatus;
  /** "450,1050-1065,4721-4722/tcp". */
  ports: string;
}

/**
 * The matrix as a graph, split into the two views the diagram draws: flows between WFOS
 * components, and flows that cross the WFOS boundary (clients and external systems).
 */
export interface PortUsageGraph {
  nodes: DiagramNode[];
  internal: DiagramEdge[];
  boundary: DiagramEdge[];
}

export type { RuleReference };
