import { z } from 'zod';
import { auditResultSchema } from '../engine/audit-result';

/**
 * The audit project file (`*.wfosaudit`): everything one site's audit needs, in one JSON
 * document a field engineer can carry, reopen and re-audit. Pure zod, no Node: the renderer
 * imports the types through api.ts.
 */
export const PROJECT_FORMAT = 'wfos-audit/project';
/** Raised whenever a saved file would mean something different to an older reader. */
export const PROJECT_VERSION = 1;
export const PROJECT_EXTENSION = '.wfosaudit';

/** A source as large as the engine reads one (load-sources.ts refuses larger). */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
export const MAX_SOURCES = 50;
export const MAX_ROLE_ROWS = 400;

const text = (max: number) => z.string().max(max);
const timestamp = z.string().min(1).max(40);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 (64 lowercase hex digits)');

/** One role row of the Site screen, exactly as typed: validated for display, kept even when wrong. */
/** The most address text one role's row holds (a few hundred hosts and subnets). */
export const MAX_ROLE_ADDRESS_CHARS = 20_000;
export const roleAssignmentSchema = z.object({ role: text(200), addresses: text(MAX_ROLE_ADDRESS_CHARS) }).strict();

/** The Site screen as the engineer filled it in; `site-draft.ts` turns it into a validated Site. */
export const siteDraftSchema = z
  .object({
    customer: text(200),
    site: text(200),
    auditor: text(200),
    /** An embedded matrix id. */
    matrix: z.string().min(1).max(100),
    roles: z.array(roleAssignmentSchema).max(MAX_ROLE_ROWS),
    /** Integrations the customer does not run (role names), so the report can say so. */
    notDeployed: z.array(text(200)).max(MAX_ROLE_ROWS),
    /** Source ports of every flow, as typed ("1024-65535"). */
    ephemeralPorts: text(200),
  })
  .strict();

/** How a source reached the project: an imported file, or a live pull over SSH. */
export const sourceOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileName: z.string().min(1).max(255), importedAt: timestamp }).strict(),
  z
    .object({
      kind: z.literal('ssh'),
      fileName: z.string().min(1).max(255),
      host: z.string().min(1).max(255),
      port: z.number().int().min(1).max(65535),
      username: z.string().max(100).optional(),
      /** The host key as the pull accepted it, "ssh-ed25519 SHA256:…". */
      fingerprint: z.string().min(1).max(200),
      capturedAt: timestamp,
    })
    .strict(),
]);

/**
 * The evidence itself: configuration text when its bytes are UTF-8 and read back identically,
 * otherwise the bytes in base64 (spreadsheets, other encodings). Either way `sha256` is over
 * the original bytes, the same hash the audit result and the report cite.
 */
export const sourceContentSchema = z.discriminatedUnion('encoding', [
  z.object({ encoding: z.literal('utf8'), text: z.string() }).strict(),
  z.object({ encoding: z.literal('base64'), data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64') }).strict(),
]);

export const zoneDraftSchema = z.object({ zone: text(200), addresses: text(20_000) }).strict();

export const projectSourceSchema = z
  .object({
    id: z.string().min(1).max(64),
    /** The firewall's name in findings and the report. */
    name: z.string().min(1).max(200),
    /** Registry id of the reader: "cisco-asa", "spreadsheet". */
    vendor: z.string().min(1).max(64),
    origin: sourceOriginSchema,
    content: sourceContentSchema,
    sha256,
    bytes: z.number().int().min(0).max(MAX_SOURCE_BYTES),
    /** Zone or interface names to subnets, for sources without topology (rule exports). */
    zones: z.array(zoneDraftSchema).max(200),
    /** Column mapping of a rule export, as the site file's `columns:` writes it. */
    columns: z.record(z.string().max(100), z.string().max(200)).optional(),
  })
  .strict();

/** One person signing the report: as typed, blank when they will write it by hand. */
export const signOffPartySchema = z.object({ name: text(200), role: text(200) }).strict();

/**
 * The report's sign-off page as the Report screen filled it in. Not an audit input: changing
 * it never makes the audit stale. Older project files have none and still open.
 */
export const signOffSchema = z
  .object({
    auditor: signOffPartySchema,
    customer: signOffPartySchema,
    /** As typed ("2026-11-24"); the Report screen offers today's date. */
    date: text(40),
    comments: text(4000),
  })
  .strict();

/** An audit as it was run: the result, and a hash of the inputs it was run on. */
export const storedAuditSchema = z
  .object({
    result: auditResultSchema,
    /** sha256 of the site and sources it ran on: a different one now means the result is stale. */
    inputsHash: sha256,
  })
  .strict();

export const projectSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    version: z.literal(PROJECT_VERSION),
    createdAt: timestamp,
    updatedAt: timestamp,
    /** The app that last saved the file. */
    savedBy: z.object({ name: z.string().max(100), version: z.string().max(40) }).strict(),
    site: siteDraftSchema,
    sources: z.array(projectSourceSchema).max(MAX_SOURCES),
    audit: storedAuditSchema.optional(),
    /** The audit before the last one, for the re-audit comparison. */
    previousAudit: storedAuditSchema.optional(),
    /** The report's sign-off, once the Report screen has been filled in. */
    signOff: signOffSchema.optional(),
  })
  .strict();

export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;
export type SiteDraft = z.infer<typeof siteDraftSchema>;
export type SourceOrigin = z.infer<typeof sourceOriginSchema>;
export type SourceContent = z.infer<typeof sourceContentSchema>;
export type ZoneDraft = z.infer<typeof zoneDraftSchema>;
export type ProjectSource = z.infer<typeof projectSourceSchema>;
export type SignOff = z.infer<typeof signOffSchema>;
export type StoredAudit = z.infer<typeof storedAuditSchema>;
export type Project = z.infer<typeof projectSchema>;
