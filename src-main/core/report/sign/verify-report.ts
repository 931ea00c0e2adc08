import { auditResultSchema } from '../../engine/audit-result';
import { formatDateTime } from '../model/dates';
import { AUDIT_ATTACHMENT, EVIDENCE_ATTACHMENT, evidenceManifestSchema, sha256Hex } from '../evidence-manifest';
import { checkCmsSignature, type CmsCheck } from './cms-signature';
import { embeddedFiles } from './embedded-files';
import { signatureFields, signedBytes, type SignatureField } from './pdf-signatures';

/**
 * valid: signed, unchanged since, evidence consistent. changed: the signature or the evidence
 * does not check out. bad-input: not something that can be verified (not a PDF, no signature).
 */
export type VerificationOutcome = 'valid' | 'changed' | 'bad-input';

export interface Verification {
  outcome: VerificationOutcome;
  /** What was checked and what was found, for a person, in order. */
  lines: string[];
  /** The one sentence that sums it up. */
  conclusion: string;
}

/** The source files to hash against the report's evidence: name as the report has it → bytes, or undefined when absent. */
export type EvidenceLookup = (file: string) => Buffer | undefined;

/**
 * Verifies a signed report: (a) each CMS signature over its byte range, (b) that the last
 * signature covers the whole file except its own value, (c) that the embedded evidence hashes
 * agree with the embedded audit result and, when a lookup is given, with the source files.
 */
export function verifyReport(pdf: Buffer, file: string, evidence?: EvidenceLookup): Verification {
  const badInput = (conclusion: string): Verification => ({ outcome: 'bad-input', lines: [], conclusion });
  if (!pdf.subarray(0, 1024).includes('%PDF-')) return badInput(`${file}: not a PDF (it does not start with %PDF-)`);
  if (!pdf.subarray(Math.max(0, pdf.length - 1024)).includes('%%EOF')) return badInput(`${file}: the PDF is truncated (no %%EOF at its end)`);
  const fields = signatureFields(pdf);
  if (fields.length === 0) return badInput(`${file}: has no digital signature (sign it with wfos-audit audit --pdf OUT --sign CERT.p12)`);

  const lines: string[] = [];
  const failures: string[] = [];
  fields.forEach((field, index) => {
    const label = fields.length > 1 ? `Signature ${index + 1} of ${fields.length}` : 'Signature';
    const check = field.problem ? undefined : checkCmsSignature(field.cms, signedBytes(pdf, field.byteRange));
    lines.push(...describeSignature(label, field, check));
    if (field.problem) failures.push(`the signature is damaged: ${field.problem}`);
    else if (check!.problem && !check!.signatureValid) failures.push(`the signature cannot be checked: ${check!.problem}`);
    else if (!check!.digestMatches) failures.push('the report was changed after it was signed: its bytes no longer match the digest the signature was made over');
    else if (!check!.signatureValid) failures.push('the signature is invalid: it was not made with the key of the certificate it carries, or it was altered');
  });

  const last = fields[fields.length - 1]!;
  const [, firstLength, second, secondLength] = last.byteRange;
  if (second + secondLength !== pdf.length) {
    const extra = pdf.length - (second + secondLength);
    failures.push(`the report was changed after it was signed: ${extra > 0 ? `${extra} bytes were added after the signed part` : 'the signed part runs past the end of the file'}`);
    lines.push(`  Covers: bytes 0-${firstLength} and ${second}-${second + secondLength} of ${pdf.length}: NOT the whole file`);
  } else {
    lines.push(`  Covers: the whole file (${pdf.length} bytes) except the signature value itself`);
  }

  const evidenceCheck = checkEvidence(pdf, evidence);
  lines.push(...evidenceCheck.lines);
  if (evidenceCheck.missingFiles.length > 0 && failures.length === 0 && evidenceCheck.failures.length === 0) {
    return { outcome: 'bad-input', lines, conclusion: `evidence files not found: ${evidenceCheck.missingFiles.join(', ')}` };
  }
  if (evidenceCheck.notAReport) return { outcome: 'bad-input', lines, conclusion: `${file}: is signed but is not a wfos-audit report (${evidenceCheck.notAReport})` };
  failures.push(...evidenceCheck.failures);
  if (failures.length > 0) return { outcome: 'changed', lines, conclusion: `INVALID: ${failures[0]!}${failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''}, above)` : ''}` };
  return { outcome: 'valid', lines, conclusion: 'VALID: the report has not changed since it was signed, and its evidence hashes agree.' };
}

function describeSignature(label: string, field: SignatureField, check: CmsCheck | undefined): string[] {
  if (!check) return [`${label}: damaged (${field.problem})`];
  const lines = [`${label}: ${check.signatureValid && check.digestMatches ? 'valid' : 'NOT valid'} (${field.subFilter ?? 'unknown sub-filter'}, ${check.digestAlgorithm || 'unknown digest'})`];
  const signer = check.signer;
  if (signer) {
    lines.push(`  Signed by: ${signer.names.subject.display}`);
    if (check.signingTime) {
      const within = check.signingTime >= signer.validFrom && check.signingTime <= signer.validTo;
      lines.push(`  Signing time: ${formatDateTime(check.signingTime.toISOString())} (the signer's clock)${within ? '' : ': OUTSIDE the certificate\'s validity'}`);
    }
    lines.push(`  Certificate: valid ${formatDateTime(signer.validFrom.toISOString())} to ${formatDateTime(signer.validTo.toISOString())}; SHA-256 fingerprint ${signer.fingerprint}`);
    lines.push(
      signer.selfSigned
        ? '  Trust: the certificate is self-signed. The signature proves the report has not changed since it was signed, not who signed it: compare the fingerprint with the one the auditor gave you. This is not a sign of tampering.'
        : `  Trust: issued by ${signer.names.issuer.display}${signer.chain.length > 0 ? ` (chain: ${signer.chain.join(' → ')})` : ''}. wfos-audit does not check the issuer against a list of trusted authorities: a PDF reader that knows your trusted roots does.`,
    );
  }
  return lines;
}

interface EvidenceCheck {
  lines: string[];
  failures: string[];
  missingFiles: string[];
  notAReport?: string;
}

function checkEvidence(pdf: Buffer, lookup: EvidenceLookup | undefined): EvidenceCheck {
  const files = embeddedFiles(pdf);
  const auditBytes = files.get(AUDIT_ATTACHMENT);
  const manifestBytes = files.get(EVIDENCE_ATTACHMENT);
  const result: EvidenceCheck = { lines: [], failures: [], missingFiles: [] };
  if (!auditBytes || !manifestBytes) return { ...result, notAReport: `it carries no embedded ${!auditBytes ? AUDIT_ATTACHMENT : EVIDENCE_ATTACHMENT}` };
  const manifest = parseJson(manifestBytes, (value) => evidenceManifestSchema.safeParse(value));
  const audit = parseJson(auditBytes, (value) => auditResultSchema.safeParse(value));
  if (!manifest) return { ...result, failures: [`the embedded ${EVIDENCE_ATTACHMENT} is not a valid evidence manifest`] };
  if (!audit) result.failures.push(`the embedded ${AUDIT_ATTACHMENT} is not a valid audit result`);

  const auditHash = sha256Hex(auditBytes);
  const auditMatches = auditHash === manifest.auditJson.sha256;
  result.lines.push(`Evidence: ${AUDIT_ATTACHMENT} SHA-256 ${auditHash}: ${auditMatches ? 'matches' : 'does NOT match'} the report's evidence`);
  if (!auditMatches) result.failures.push(`the embedded ${AUDIT_ATTACHMENT} does not match its hash in the evidence`);
  for (const source of manifest.sources) {
    const audited = audit?.sources.find((item) => item.name === source.name);
    const agrees = audited !== undefined && audited.sha256 === source.sha256 && audited.file === source.file;
    let line = `  ${source.name}: ${source.file} SHA-256 ${source.sha256}${agrees ? '' : ': does NOT agree with the audit result'}`;
    if (!agrees) result.failures.push(`the evidence for ${source.name} does not agree with the embedded audit result`);
    if (lookup) {
      const bytes = lookup(source.file);
      if (!bytes) {
        result.missingFiles.push(source.file);
        line += '; the file was not found';
      } else if (sha256Hex(bytes) === source.sha256) {
        line += '; the file given matches';
      } else {
        line += `; the file given does NOT match (its SHA-256 is ${sha256Hex(bytes)})`;
        result.failures.push(`${source.file} is not the file that was audited: its SHA-256 differs from the report's`);
      }
    }
    result.lines.push(line);
  }
  if (audit && audit.sources.length !== manifest.sources.length) result.failures.push('the evidence and the audit result list different sources');
  return result;
}

function parseJson<T>(bytes: Buffer, parse: (value: unknown) => { success: true; data: T } | { success: false }): T | undefined {
  try {
    const parsed = parse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
