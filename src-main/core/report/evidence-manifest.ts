import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuditResult } from '../engine/audit-result';

/** Names of the files embedded in every report PDF. */
export const AUDIT_ATTACHMENT = 'audit.json';
export const EVIDENCE_ATTACHMENT = 'evidence.json';

const sha256Text = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');

/**
 * The evidence hashes a report carries, embedded as evidence.json beside audit.json. The
 * signature covers both; `wfos-audit verify` checks that the hashes agree with the embedded
 * audit result and, when given the source files, with them.
 */
export const evidenceManifestSchema = z.object({
  schema: z.literal('wfos-audit-evidence/1'),
  report: z.object({ customer: z.string(), site: z.string(), issuedAt: z.string(), tool: z.string() }),
  auditJson: z.object({ file: z.literal(AUDIT_ATTACHMENT), sha256: sha256Text }),
  sources: z.array(z.object({ name: z.string(), file: z.string(), sha256: sha256Text })),
});

export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The audit result exactly as `--json` writes it: the report embeds these same bytes. */
export function auditJsonText(audit: AuditResult): string {
  return JSON.stringify(audit, null, 2) + '\n';
}

export function evidenceManifest(audit: AuditResult, auditJson: string, issuedAt: string): EvidenceManifest {
  return {
    schema: 'wfos-audit-evidence/1',
    report: { customer: audit.site.customer, site: audit.site.site, issuedAt, tool: `${audit.tool.name} ${audit.tool.version}` },
    auditJson: { file: AUDIT_ATTACHMENT, sha256: sha256Hex(auditJson) },
    sources: audit.sources.map((source) => ({ name: source.name, file: source.file, sha256: source.sha256 })),
  };
}
