export * from './model/index';
export { reportInputFor, type ReportPeople } from './site-report-input';
export { AUDIT_ATTACHMENT, EVIDENCE_ATTACHMENT, auditJsonText, evidenceManifest, sha256Hex, type EvidenceManifest } from './evidence-manifest';
export { writeReportPdf, type PdfOptions } from './pdf/write-report-pdf';
export { writeReportCsv, writeReportXlsx } from './export/write-exports';
export { reportTables, type ReportTable } from './export/report-tables';
export { createAuditorCertificate, type CertificateRequest, type CreatedCertificate } from './sign/auditor-certificate';
export { signingIdentity, signReportPdf, SigningError, type SignedReport, type SigningIdentity, type SigningKey } from './sign/sign-report';
export { verifyReport, type EvidenceLookup, type Verification, type VerificationOutcome } from './sign/verify-report';
