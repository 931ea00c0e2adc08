import { z } from 'zod';
import { auditResultSchema, findingSchema, flowStatusSchema, ruleReferenceSchema } from '../engine/audit-result';
import { siteDraftSchema, sourceOriginSchema, zoneDraftSchema } from './project-schema';
import { recentEntrySchema } from './recent-audits-schema';

/**
 * What the main process shows the renderer of an open project. Pure zod: api.ts builds its
 * output schemas from these and the renderer imports the types.
 */
export const fieldProblemSchema = z.object({ field: z.string(), message: z.string() });

export const sourceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  /** For people: "Cisco ASA / FTD (LINA)", "rule export (spreadsheet)". */
  readBy: z.string(),
  origin: sourceOriginSchema,
  sha256: z.string(),
  bytes: z.number().int(),
  hostname: z.string().optional(),
  version: z.string().optional(),
  counts: z.object({
    interfaces: z.number().int(),
    ruleLists: z.number().int(),
    rules: z.number().int(),
    objects: z.number().int(),
    lines: z.number().int(),
    understood: z.number().int(),
    ignored: z.number().int(),
    notUnderstood: z.number().int(),
  }),
  /** The first diagnostics (errors first); `diagnosticCount` says how many there are in all. */
  diagnostics: z.array(z.object({ line: z.number().int(), severity: z.string(), message: z.string() })),
  diagnosticCount: z.number().int(),
  /** Whether the source itself says which subnets sit behind which interface. */
  hasTopology: z.boolean(),
  zones: z.array(zoneDraftSchema),
  zoneProblems: z.array(fieldProblemSchema),
});

export const projectViewSchema = z.object({
  /** Where the project is saved; null until it is. */
  file: z.object({ name: z.string(), path: z.string() }).nullable(),
  /** Opened from the demo: saving it asks for a name like a new project. */
  demo: z.boolean(),
  dirty: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  site: siteDraftSchema,
  problems: z.array(fieldProblemSchema),
  sources: z.array(sourceViewSchema),
  audit: z.object({ result: auditResultSchema, stale: z.boolean() }).nullable(),
  previousAudit: z.object({ generatedAt: z.string() }).nullable(),
  /** Why the audit cannot run yet; empty when it can. */
  auditBlockers: z.array(z.string()),
});

export const siteUpdateResultSchema = z.object({
  problems: z.array(fieldProblemSchema),
  dirty: z.boolean(),
  auditStale: z.boolean(),
  auditBlockers: z.array(z.string()),
});

export const saveResultSchema = z.object({
  file: z.object({ name: z.string(), path: z.string() }),
  updatedAt: z.string(),
});

export const recentListSchema = z.object({
  /** The folder projects are opened from and saved to. */
  directory: z.string(),
  recent: z.array(recentEntrySchema.extend({ name: z.string(), available: z.boolean(), why: z.string().optional() })),
  /** Project files in the folder, newest first. */
  files: z.array(z.object({ name: z.string(), modifiedAt: z.string(), bytes: z.number().int() })),
});

const tracedRuleSchema = ruleReferenceSchema;
const crossingSchema = z.object({
  ingress: z.string().optional(),
  egress: z.string().optional(),
  decisions: z.array(z.object({ action: z.enum(['permit', 'deny']), kind: z.enum(['rule', 'default']), rule: tracedRuleSchema, packets: z.array(z.string()) })),
  inactive: z.array(z.object({ rule: tracedRuleSchema, packets: z.array(z.string()) })),
  unknown: z.array(z.string()),
});

export const excerptSchema = z.object({
  lines: z.array(z.object({ number: z.number().int(), text: z.string(), mark: z.enum(['permit', 'deny', 'inactive']).optional() })),
});

export const firewallTraceViewSchema = z.object({
  firewall: z.string(),
  fileName: z.string(),
  status: z.enum(['allowed', 'partial', 'blocked', 'unknown']),
  crossings: z.array(crossingSchema),
  /** The configuration around every deciding line, those lines marked; empty for rule exports. */
  excerpts: z.array(excerptSchema),
});

export const rowTraceViewSchema = z.object({
  row: z.number().int(),
  applicable: z.boolean(),
  reason: z.string().optional(),
  firewalls: z.array(firewallTraceViewSchema),
});

export const packetVerdictSchema = z.enum(['allowed', 'denied', 'unknown', 'partial']);

export const packetAnswerSchema = z.object({
  packets: z.string(),
  verdict: packetVerdictSchema,
  summary: z.string(),
  firewalls: z.array(
    z.object({
      firewall: z.string(),
      verdict: packetVerdictSchema,
      crossings: z.array(crossingSchema),
      decidedBy: z.array(ruleReferenceSchema.extend({ action: z.enum(['permit', 'deny']) })),
      excerpts: z.array(excerptSchema),
    }),
  ),
});

export const auditComparisonSchema = z.object({
  previous: z.object({ generatedAt: z.string(), matrix: z.string() }),
  current: z.object({ generatedAt: z.string(), matrix: z.string() }),
  rows: z.array(
    z.object({
      row: z.number().int(),
      sourceRole: z.string(),
      destinationRole: z.string(),
      transport: z.string(),
      ports: z.string(),
      before: flowStatusSchema.optional(),
      after: flowStatusSchema.optional(),
      change: z.enum(['fixed', 'newly-broken', 'still-open', 'unchanged']),
    }),
  ),
  counts: z.object({ fixed: z.number().int(), 'newly-broken': z.number().int(), 'still-open': z.number().int(), unchanged: z.number().int() }),
  findings: z.object({
    fixed: z.array(findingSchema),
    new: z.array(findingSchema),
    stillOpen: z.array(z.object({ previous: findingSchema, current: findingSchema })),
  }),
});

export type FieldProblemView = z.infer<typeof fieldProblemSchema>;
export type SourceView = z.infer<typeof sourceViewSchema>;
export type ProjectView = z.infer<typeof projectViewSchema>;
export type SiteUpdateResult = z.infer<typeof siteUpdateResultSchema>;
export type SaveResult = z.infer<typeof saveResultSchema>;
export type RecentList = z.infer<typeof recentListSchema>;
export type Excerpt = z.infer<typeof excerptSchema>;
export type FirewallTraceView = z.infer<typeof firewallTraceViewSchema>;
export type RowTraceView = z.infer<typeof rowTraceViewSchema>;
export type PacketAnswerView = z.infer<typeof packetAnswerSchema>;
export type AuditComparisonView = z.infer<typeof auditComparisonSchema>;
