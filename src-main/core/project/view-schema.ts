import { z } from 'zod';
import { auditResultSchema, findingSchema, flowStatusSchema, ruleReferenceSchema } from '../engine/audit-result';
// The field list itself, not the spreadsheet module's index: this file stays pure zod for the renderer.
import { RULE_FIELDS } from '../spreadsheet/column-fields';
import { signOffSchema, siteDraftSchema, sourceOriginSchema, zoneDraftSchema } from './project-schema';
import { recentEntrySchema } from './recent-audits-schema';

/**
 * What the main process shows the renderer of an open project. Pure zod: api.ts builds its
 * output schemas from these and the renderer imports the types.
 */
export const fieldProblemSchema = z.object({ field: z.string(), message: z.string() });

/** What a source's reading yielded: its rules, and every line (or row) counted once. */
const readCountsSchema = z.object({
  rules: z.number().int(),
  lines: z.number().int(),
  understood: z.number().int(),
  ignored: z.number().int(),
  notUnderstood: z.number().int(),
});

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
  counts: readCountsSchema.extend({ interfaces: z.number().int(), ruleLists: z.number().int(), objects: z.number().int() }),
  /** The first diagnostics (errors first); `diagnosticCount` says how many there are in all. */
  diagnostics: z.array(z.object({ line: z.number().int(), severity: z.string(), message: z.string() })),
  diagnosticCount: z.number().int(),
  /** Whether the source itself says which subnets sit behind which interface. */
  hasTopology: z.boolean(),
  /** Zone names the rules are written for (the first 50): without zones for them, their verdicts are unknown. */
  zonesInRules: z.array(z.string()),
  zones: z.array(zoneDraftSchema),
  zoneProblems: z.array(fieldProblemSchema),
  /** Rule exports: each rules sheet's mapping in brief, and the sheet of the one the engineer gave. */
  columns: z
    .object({
      givenFor: z.string().nullable(),
      sheets: z.array(z.object({ sheet: z.string(), headerRow: z.number().int(), fields: z.number().int(), lowestConfidence: z.number() })),
    })
    .optional(),
});

/** What a column of a rule export can mean: the spreadsheet module's own list. */
export const columnFieldSchema = z.enum(RULE_FIELDS);
/** A column as the spreadsheet program labels it, A to ZZZ. */
export const columnLetterSchema = z.string().regex(/^[A-Z]{1,3}$/, 'not a column letter (A to ZZZ)');

const cellDiagnosticSchema = z.object({
  severity: z.string(),
  message: z.string(),
  /** "Policies!D14" where the message is about one cell. */
  cell: z.string().optional(),
  sheet: z.string().optional(),
  /** The row as the program numbers it; 0 for the sheet or file as a whole. */
  line: z.number().int(),
});

/** One rules sheet of a rule export: what each column was taken to mean, and its first rows. */
export const sheetColumnsViewSchema = z.object({
  sheet: z.string(),
  /** 1-based as the program numbers rows; 0 when the data has no header row. */
  headerRow: z.number().int(),
  /** The export the header looks like: panorama, fortigate, check-point, tufin, generic. */
  style: z.string(),
  /** The sheet's columns up to its last filled one, with the header text of each. */
  columns: z.array(z.object({ letter: columnLetterSchema, header: z.string(), hidden: z.boolean() })),
  /** Columns beyond those listed (a sheet wider than the preview shows). */
  moreColumns: z.number().int(),
  fields: z.array(
    z.object({
      field: columnFieldSchema,
      letter: columnLetterSchema,
      header: z.string(),
      /** 0..1; 1 when the engineer gave it. */
      confidence: z.number(),
      evidence: z.array(z.string()),
      given: z.boolean(),
    }),
  ),
  /** Columns that narrow a rule by user, device or source port, which the matrix does not describe. */
  conditions: z.array(z.object({ letter: columnLetterSchema, header: z.string(), condition: z.string() })),
  /** The first rows below the header as the sheet shows them, blank rows left out. */
  preview: z.array(
    z.object({
      row: z.number().int(),
      cells: z.array(z.string()),
      hidden: z.boolean(),
      problems: z.array(z.object({ severity: z.string(), message: z.string(), letter: columnLetterSchema.optional() })),
    }),
  ),
  /** Filled rows below the header in all, of which `preview` shows the first. */
  dataRows: z.number().int(),
  /** Rules read from this sheet. */
  rules: z.number().int(),
  /** The mapping as `wfos-audit parse --save-columns` writes it. */
  template: z.object({
    format: z.string(),
    sheet: z.string().optional(),
    headerRow: z.number().int().optional(),
    columns: z.partialRecord(columnFieldSchema, z.string()),
  }),
});

/** A rule export's column mappings with a preview, row counts and the first diagnostics. */
export const sourceColumnsViewSchema = z.object({
  sourceId: z.string(),
  name: z.string(),
  fileName: z.string(),
  /** Every field a column can be given, in the reader's order. */
  fields: z.array(columnFieldSchema),
  /** The mapping stored in the project for this source (site file `columns:` form); null when all is detected. */
  given: z.record(z.string(), z.string()).nullable(),
  sheets: z.array(sheetColumnsViewSchema),
  counts: readCountsSchema.extend({ blank: z.number().int() }),
  /** The first diagnostics, errors first; `diagnosticCount` says how many in all. */
  diagnostics: z.array(cellDiagnosticSchema),
  diagnosticCount: z.number().int(),
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
  /** The report's sign-off as last typed; null until the Report screen has been filled in. */
  signOff: signOffSchema.nullable(),
});

/** A column mapping set (or cleared): the project as it now is, and the source's columns read with it. */
export const sourceColumnsResultSchema = z.object({ project: projectViewSchema, columns: sourceColumnsViewSchema });

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
export type SheetColumnsView = z.infer<typeof sheetColumnsViewSchema>;
export type SourceColumnsView = z.infer<typeof sourceColumnsViewSchema>;
export type SourceColumnsResult = z.infer<typeof sourceColumnsResultSchema>;
