import {
  auditJsonText,
  buildReportModel,
  evidenceManifest,
  reportInputFor,
  signReportPdf,
  writeReportPdf,
  writeReportXlsx,
  type PdfOptions,
  type PrintableReport,
  type ReportPeople,
  type SignedReport,
  type SigningKey,
} from '../report/index';
import { auditInputsHash, siteOfProject } from './project-audit';
import type { Project, SignOff } from './project-schema';

/**
 * The report's sign-off parties from the Report screen's fields: the auditor's name falls back
 * to the site's auditor; one date for both; the comments are the auditor's (the report module
 * gives each party a comments box, the screen has one).
 */
export function reportPeople(signOff: SignOff | undefined, siteAuditor: string): ReportPeople {
  return {
    auditor: party({ name: signOff?.auditor.name.trim() || siteAuditor, role: signOff?.auditor.role, date: signOff?.date, comments: signOff?.comments }),
    customer: party({ name: signOff?.customer.name, role: signOff?.customer.role, date: signOff?.date }),
  };
}

/** A party with its blank fields left out, so the page draws a line to write on for them. */
function party(fields: Record<string, string | undefined>): NonNullable<ReportPeople['auditor']> {
  return Object.fromEntries(Object.entries(fields).flatMap(([field, value]) => (value?.trim() ? [[field, value.trim()]] : [])));
}

/**
 * The report model of the project's last audit, built by the report module exactly as the
 * command line builds it. Refused while the audit is stale: a report must describe the
 * configurations and site it names.
 */
function projectReport(project: Project, where: string) {
  const audit = project.audit;
  if (!audit) throw new Error('run the audit first: there is nothing to report yet');
  if (audit.inputsHash !== auditInputsHash(project)) throw new Error('the site or the sources changed since the last audit: run the audit again before writing its report');
  const site = siteOfProject(project, where);
  return { model: buildReportModel(reportInputFor(site, audit.result, reportPeople(project.signOff, project.site.auditor))), result: audit.result };
}

/** The report as an unsigned PDF, with the project's sign-off. */
export async function projectReportPdf(project: Project, where: string, options: PdfOptions = {}): Promise<Buffer> {
  const { model, result } = projectReport(project, where);
  return writeReportPdf(model, result, options);
}

/** The report as a PDF signed with the auditor's .p12: the same bytes as the unsigned one, then the signature. */
export async function projectSignedReportPdf(project: Project, where: string, key: SigningKey, signingTime: Date, options: PdfOptions = {}): Promise<SignedReport> {
  return signReportPdf(await projectReportPdf(project, where, options), key, { signingTime });
}

/**
 * The report for the app's printable view: the model the PDF is written from, with the hash
 * of the audit result the PDF embeds, taken from the same evidence manifest the PDF prints.
 */
export function projectPrintableReport(project: Project, where: string): PrintableReport {
  const { model, result } = projectReport(project, where);
  return { model, auditJsonSha256: evidenceManifest(result, auditJsonText(result), model.cover.issuedAt).auditJson.sha256 };
}

/** The report as an .xlsx workbook: Summary, Coverage, Findings, Rules, Remediation, Evidence. */
export function projectReportXlsx(project: Project, where: string): Buffer {
  return writeReportXlsx(projectReport(project, where).model);
}

/** "Acme Corp - Dallas DC - 2026-11-24.pdf": a file name that says what the report is. */
export function reportFileName(project: Project, extension: 'pdf' | 'xlsx' = 'pdf'): string {
  const date = project.audit?.result.generatedAt.slice(0, 10) ?? '';
  const name = [project.site.customer, project.site.site, date].filter((part) => part.trim()).join(' - ');
  // eslint-disable-next-line no-control-regex
  return `${name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-') || 'wfos-audit-report'}.${extension}`;
}
