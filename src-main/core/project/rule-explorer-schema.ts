import { z } from 'zod';
import { findingSchema, ruleReferenceSchema, severitySchema } from '../engine/audit-result';
import { excerptSchema } from './view-schema';

/**
 * The rule explorer's requests and answers: every rule of the project's firewalls with the
 * findings the last audit attached to it, one page at a time. Pure zod, like view-schema.ts:
 * api.ts builds the calls from these and the renderer imports the types.
 */

/** The most rows one call answers with: a page, never a whole 100,000-rule firewall. */
export const MAX_RULE_PAGE = 500;

export const ruleOrderSchema = z.enum(['file', 'severity']);

/** Which rules, in which order. Every field narrows; a kind or severity asks for rules with such a finding. */
export const ruleFilterSchema = z
  .object({
    /** One firewall (a project source); all of them when absent. */
    sourceId: z.string().min(1).max(64).optional(),
    /** Case-insensitive, over the rule text as written, its list's name and its own name. */
    text: z.string().max(200).optional(),
    action: z.enum(['permit', 'deny']).optional(),
    withFindings: z.boolean().optional(),
    kind: z.string().min(1).max(64).optional(),
    /** Rules with a finding at least this severe (of `kind`, when both are given). */
    minSeverity: severitySchema.optional(),
    /** `file`: list by list, each in evaluation order. `severity`: the most severe finding first, then as in the file. */
    order: ruleOrderSchema.optional(),
  })
  .strict();

export const rulePageRequestSchema = ruleFilterSchema.extend({
  offset: z.number().int().min(0).max(100_000_000),
  limit: z.number().int().min(1).max(MAX_RULE_PAGE),
});

/** A finding in brief, as a row of the list shows it. */
export const ruleFindingBriefSchema = findingSchema.pick({ id: true, kind: true, severity: true, title: true });

export const ruleRowSchema = z.object({
  /** Position in the filtered, ordered list: what the renderer scrolls to. */
  index: z.number().int(),
  sourceId: z.string(),
  firewall: z.string(),
  /** `<list>#<position>`: with `sourceId`, what asks for the rule's detail. */
  ruleId: z.string(),
  list: z.string(),
  /** The line of a text configuration, or the sheet and row of a rule export, as findings cite rules. */
  ...ruleReferenceSchema.pick({ line: true, sheet: true, row: true, text: true }).shape,
  action: z.enum(['permit', 'deny']),
  enabled: z.boolean(),
  /** Matrix rows whose verdict this rule decided, from the audit's traces. */
  matrixRows: z.array(z.number().int()),
  findings: z.array(ruleFindingBriefSchema),
});

export const rulePageSchema = z.object({
  offset: z.number().int(),
  /** Rules that pass the filter, of which `rows` is the page from `offset`. */
  total: z.number().int(),
  /** Rules of the chosen firewall (or all firewalls) before the other filters. */
  unfiltered: z.number().int(),
  rows: z.array(ruleRowSchema),
  /** What the filters can choose from: the firewalls, and the kinds of finding attached to a rule. */
  firewalls: z.array(z.object({ sourceId: z.string(), name: z.string(), rules: z.number().int() })),
  kinds: z.array(z.string()),
  /** The findings are from an audit of other sources or site than the ones open now. */
  stale: z.boolean(),
});

export const ruleDetailRequestSchema = z.object({ sourceId: z.string().min(1).max(64), ruleId: z.string().min(1).max(300) }).strict();

export const ruleDetailSchema = ruleRowSchema.omit({ index: true, findings: true }).extend({
  fileName: z.string(),
  /** The rule's own name and remarks, where the source gives them. */
  name: z.string().optional(),
  comment: z.string().optional(),
  timeRange: z.string().optional(),
  /** Where the rule's list filters traffic: "in on outside", "global"; empty when it is applied nowhere. */
  appliedAt: z.array(z.string()),
  notes: z.array(z.string()),
  findings: z.array(findingSchema),
  /** The configuration around the rule's line, the line marked; empty for rule exports. */
  excerpts: z.array(excerptSchema),
});

export type RuleOrder = z.infer<typeof ruleOrderSchema>;
export type RuleFilter = z.infer<typeof ruleFilterSchema>;
export type RulePageRequest = z.infer<typeof rulePageRequestSchema>;
export type RuleFindingBrief = z.infer<typeof ruleFindingBriefSchema>;
export type RuleRow = z.infer<typeof ruleRowSchema>;
export type RulePage = z.infer<typeof rulePageSchema>;
export type RuleDetailRequest = z.infer<typeof ruleDetailRequestSchema>;
export type RuleDetail = z.infer<typeof ruleDetailSchema>;
