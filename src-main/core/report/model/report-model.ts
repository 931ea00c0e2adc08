import { z } from 'zod';
import { findingSchema, flowResultSchema, flowStatusSchema, severitySchema, type RuleReference } from '../../engine/audit-result';

/**
 * Everything a report shows, in the order it shows it, as plain data: the PDF, the XLSX/CSV
 * exports and the app's printable report render this one model, so they cannot disagree.
 * The schemas are the single definition: the types are inferred from them, and api.ts hands
 * the model to the renderer under the same schema. Only strings, numbers, booleans, arrays
 * and plain objects: no Dates, Maps or functions, so it crosses the bridge as it is.
 */

export const ruleLineSchema = z.object({
  id: z.string(),
  /** "line 136" or "Policies row 14". */
  where: z.string(),
  text: z.string(),
});

export const reportCoverSchema = z.object({
  title: z.string(),
  customer: z.string(),
  site: z.string(),
  matrixId: z.string(),
  matrixTitle: z.string(),
  /** "Avaya Port Matrix: … 5.2.3, Issue 1.0, 2019-09-04": the document the rows come from. */
  matrixSource: z.string(),
  matrixRows: z.number(),
  auditor: z.string(),
  /** ISO 8601, seconds, UTC: when the report was issued (the audit's time unless given). */
  issuedAt: z.string(),
  auditGeneratedAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
});

export const reportVerdictSchema = z.object({
  passed: z.boolean(),
  /** The rule the verdict applies, stated so a reader can check it. */
  criterion: z.string(),
  statement: z.string(),
  /** Why it failed, one line per broken condition; empty when it passed. */
  reasons: z.array(z.string()),
});

export const reportSummarySchema = z.object({
  flows: z.array(z.object({ status: flowStatusSchema, count: z.number() })),
  findings: z.array(z.object({ severity: severitySchema, count: z.number() })),
  sources: z.number(),
  rules: z.number(),
});

/** One firewall's part in a matrix row: its verdict and the lines that decide it. */
export const coverageVerdictSchema = z.object({
  firewall: z.string(),
  status: flowStatusSchema,
  /** "servers → avaya" when the engine placed the flow on interfaces or zones. */
  crossing: z.string().optional(),
  permittedBy: z.array(ruleLineSchema),
  deniedBy: z.array(ruleLineSchema),
  /** "1050-1065/tcp from 10.10.20.11 to 10.40.0.10". */
  missing: z.array(z.string()),
  unknown: z.array(z.string()),
});

/** A matrix row as the audit decided it, with the matrix's protocol and each firewall's verdict. */
export const coverageRowSchema = flowResultSchema
  .pick({ row: true, source: true, destination: true, sourceRole: true, destinationRole: true, transport: true, ports: true, status: true, reason: true })
  .extend({ protocol: z.string(), verdicts: z.array(coverageVerdictSchema) });

/** A finding as the audit states it, its rule cited as the report cites rules, its rows always listed. */
export const findingEntrySchema = findingSchema
  .pick({ id: true, kind: true, severity: true, firewall: true, title: true, detail: true, remediation: true })
  .extend({ rule: ruleLineSchema.optional(), rows: z.array(z.number()) });

export const gapEntrySchema = z.object({
  row: z.number(),
  flow: z.string(),
  status: flowStatusSchema,
  reason: z.string(),
  missing: z.array(z.object({ firewall: z.string(), parts: z.array(z.string()) })),
  findings: z.array(findingEntrySchema),
});

export const remediationStepSchema = z.object({
  findingId: z.string(),
  kind: z.string(),
  severity: severitySchema,
  title: z.string(),
  /** The list the step changes ("servers_in"), when its rule names one. */
  list: z.string().optional(),
  rule: ruleLineSchema.optional(),
  /** The engine's remediation text, unchanged: commands as the firewall takes them. */
  text: z.string(),
  /** Other findings whose steps touch the same rule: the reader applies one of them. */
  conflictsWith: z.array(z.string()),
});

/** The change plan for one firewall, in its own syntax, in the order it can be applied. */
export const firewallRemediationSchema = z.object({
  firewall: z.string(),
  vendor: z.string(),
  /** "Cisco ASA / FTD (LINA)" syntax, or a vendor-neutral statement of the same sets. */
  syntax: z.string(),
  steps: z.array(remediationStepSchema),
});

/** How a source reached the audit: imported as a file, or pulled live over SSH. */
export const sourceProvenanceSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('import'), warning: z.string().optional() }),
  z.object({
    method: z.literal('ssh'),
    host: z.string(),
    port: z.number().optional(),
    username: z.string().optional(),
    /** "ssh-ed25519 SHA256:…", as the device presented it and known_hosts vouched for it. */
    hostKeyFingerprint: z.string(),
    /** When the capture finished (ISO 8601). */
    at: z.string(),
    /** Something a reader must know: the file changed since the pull, or the capture is incomplete. */
    warning: z.string().optional(),
  }),
]);

export const evidenceSourceSchema = z.object({
  name: z.string(),
  file: z.string(),
  vendor: z.string(),
  hostname: z.string().optional(),
  version: z.string().optional(),
  rules: z.number(),
  topology: z.string(),
  sha256: z.string(),
  obtained: sourceProvenanceSchema,
  diagnostics: z.array(z.object({ severity: z.string(), count: z.number() })),
  /** The first few diagnostics as written, with their lines. */
  diagnosticSamples: z.array(z.string()),
});

export const reportEvidenceSchema = z.object({
  sources: z.array(evidenceSourceSchema),
  roles: z.array(z.object({ role: z.string(), addresses: z.string() })),
  notDeployed: z.array(z.string()),
});

export const signOffPartySchema = z.object({
  /** "Auditor", "Customer representative". */
  title: z.string(),
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  date: z.string(),
  comments: z.string(),
});

export const diagramNodeSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['component', 'external', 'client', 'group']),
  deployed: z.boolean(),
  addresses: z.string().optional(),
});

export const diagramEdgeSchema = z.object({
  row: z.number(),
  from: z.string(),
  to: z.string(),
  status: flowStatusSchema,
  /** "450,1050-1065,4721-4722/tcp". */
  ports: z.string(),
});

/**
 * The matrix as a graph, split into the two views the diagram draws: flows between WFOS
 * components, and flows that cross the WFOS boundary (clients and external systems).
 */
export const portUsageGraphSchema = z.object({
  nodes: z.array(diagramNodeSchema),
  internal: z.array(diagramEdgeSchema),
  boundary: z.array(diagramEdgeSchema),
});

export const reportModelSchema = z.object({
  cover: reportCoverSchema,
  verdict: reportVerdictSchema,
  summary: reportSummarySchema,
  coverage: z.array(coverageRowSchema),
  /** Every finding, in the audit's order (most severe first); the sections below group them. */
  findings: z.array(findingEntrySchema),
  gaps: z.array(gapEntrySchema),
  overPermissive: z.array(findingEntrySchema),
  hygiene: z.array(findingEntrySchema),
  remediation: z.array(firewallRemediationSchema),
  evidence: reportEvidenceSchema,
  diagram: portUsageGraphSchema,
  signOff: z.object({ auditor: signOffPartySchema, customer: signOffPartySchema }),
});

export type RuleLine = z.infer<typeof ruleLineSchema>;
export type ReportCover = z.infer<typeof reportCoverSchema>;
export type ReportVerdict = z.infer<typeof reportVerdictSchema>;
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type CoverageVerdict = z.infer<typeof coverageVerdictSchema>;
export type CoverageRow = z.infer<typeof coverageRowSchema>;
export type FindingEntry = z.infer<typeof findingEntrySchema>;
export type GapEntry = z.infer<typeof gapEntrySchema>;
export type RemediationStep = z.infer<typeof remediationStepSchema>;
export type FirewallRemediation = z.infer<typeof firewallRemediationSchema>;
export type SourceProvenance = z.infer<typeof sourceProvenanceSchema>;
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;
export type ReportEvidence = z.infer<typeof reportEvidenceSchema>;
export type SignOffParty = z.infer<typeof signOffPartySchema>;
export type DiagramNode = z.infer<typeof diagramNodeSchema>;
export type DiagramEdge = z.infer<typeof diagramEdgeSchema>;
export type PortUsageGraph = z.infer<typeof portUsageGraphSchema>;
export type ReportModel = z.infer<typeof reportModelSchema>;

export type { RuleReference };
