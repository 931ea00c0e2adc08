import { z } from 'zod';

/**
 * The audit result as the audit JSON contract writes it (../shared/spec/audit-json.md).
 * The schema is the single definition: the types below are inferred from it, the renderer's
 * bridge validates what crosses it, and tests hold written files to it.
 */

export const FLOW_STATUSES = ['allowed', 'partial', 'blocked', 'not-applicable', 'unknown'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export const flowStatusSchema = z.enum(FLOW_STATUSES);
export const severitySchema = z.enum(SEVERITIES);

export const ruleReferenceSchema = z.object({
  id: z.string(),
  /** 1-based line of a text configuration. */
  line: z.number().int().optional(),
  /** Sheet and row (as the spreadsheet program numbers it) of a rule export. */
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  /** As written at that line or row; for built-in behaviour without one, what it is. */
  text: z.string(),
  /**
   * Built-in behaviour (an implicit deny, security levels) cited at the line that set it up:
   * what it is, "implicit deny at the end of servers_in", while `text` stays the line as written.
   */
  note: z.string().optional(),
});

export const missingPartSchema = z.object({
  sources: z.string(),
  destinations: z.string(),
  ports: z.string(),
  /** Only when a rule narrows the source ports below the ephemeral range. */
  sourcePorts: z.string().optional(),
});

export const flowPathSchema = z.object({
  firewall: z.string(),
  status: z.enum(['allowed', 'partial', 'blocked', 'unknown']),
  /** Interfaces or zones the flow enters and leaves by. */
  ingress: z.string().optional(),
  egress: z.string().optional(),
  permittedBy: z.array(ruleReferenceSchema),
  deniedBy: z.array(ruleReferenceSchema),
  missing: z.array(missingPartSchema),
  unknown: z.array(z.string()).optional(),
});

export const flowResultSchema = z.object({
  row: z.number().int(),
  source: z.string(),
  destination: z.string(),
  sourceRole: z.string(),
  destinationRole: z.string(),
  transport: z.enum(['tcp', 'udp']),
  ports: z.string(),
  status: flowStatusSchema,
  reason: z.string(),
  paths: z.array(flowPathSchema),
});

export const findingSchema = z.object({
  id: z.string(),
  kind: z.string(),
  severity: severitySchema,
  firewall: z.string(),
  rule: ruleReferenceSchema.optional(),
  /** Matrix rows the rule serves, or the row a coverage gap is about. */
  rows: z.array(z.number().int()).optional(),
  title: z.string(),
  detail: z.string(),
  remediation: z.string(),
});

/**
 * Where a source pulled over SSH came from, as the capture evidence saved beside its file
 * (`FILE.evidence.json`) records it: only for a complete capture of exactly the file audited.
 */
export const pulledFromSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  username: z.string().optional(),
  /** The host key the device presented, "ssh-ed25519 SHA256:…". */
  hostKey: z.string(),
  /** How it was trusted: known (in known_hosts), recorded (new, --accept-new), accepted-once. */
  hostKeyTrust: z.string(),
  /** When the capture finished (ISO 8601). */
  capturedAt: z.string(),
  /** The evidence file, named as `file` is. */
  evidence: z.string(),
});

export const sourceSummarySchema = z.object({
  name: z.string(),
  vendor: z.string(),
  file: z.string(),
  sha256: z.string(),
  rules: z.number().int(),
  hostname: z.string().optional(),
  version: z.string().optional(),
  /** Present when the configuration was pulled over SSH. */
  pulled: pulledFromSchema.optional(),
  /** Where the engine took the firewall's topology from: configuration, site zones, none. */
  topology: z.string(),
  diagnostics: z.array(z.object({ line: z.number().int(), severity: z.string(), message: z.string() })),
});

export const auditResultSchema = z.object({
  schema: z.literal('wfos-audit/1'),
  generatedAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  site: z.object({ site: z.string(), customer: z.string(), auditor: z.string().optional() }),
  matrix: z.object({ id: z.string(), title: z.string(), rows: z.number().int() }),
  sources: z.array(sourceSummarySchema),
  flows: z.array(flowResultSchema),
  findings: z.array(findingSchema),
  summary: z.object({
    flows: z.record(flowStatusSchema, z.number().int()),
    findings: z.record(severitySchema, z.number().int()),
  }),
});

export type FlowStatus = z.infer<typeof flowStatusSchema>;
export type Severity = z.infer<typeof severitySchema>;
export type RuleReference = z.infer<typeof ruleReferenceSchema>;
export type MissingPart = z.infer<typeof missingPartSchema>;
export type FlowPath = z.infer<typeof flowPathSchema>;
export type FlowResult = z.infer<typeof flowResultSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type PulledFrom = z.infer<typeof pulledFromSchema>;
export type SourceSummary = z.infer<typeof sourceSummarySchema>;
export type AuditResult = z.infer<typeof auditResultSchema>;
