import { buildReportModel, reportInputFor, writeReportPdf, type PdfOptions } from '../report/index';
import { auditInputsHash, siteOfProject } from './project-audit';
import type { Project } from './project-schema';

/**
 * The report of the project's last audit as an unsigned PDF, built by the report module exactly
 * as the command line builds it. Refused while the audit is stale: a report must describe the
 * configurations and site it names.
 */
export async function projectReportPdf(project: Project, where: string, people: { customer?: string }, options: PdfOptions = {}): Promise<Buffer> {
  const audit = project.audit;
  if (!audit) throw new Error('run the audit first: there is nothing to report yet');
  if (audit.inputsHash !== auditInputsHash(project)) throw new Error('the site or the sources changed since the last audit: run the audit again before writing its report');
  const site = siteOfProject(project, where);
  const model = buildReportModel(reportInputFor(site, audit.result, people.customer ? { customer: { name: people.customer } } : {}));
  return writeReportPdf(model, audit.result, options);
}

/** "Acme Corp - Dallas DC - 2026-11-24.pdf": a file name that says what the report is. */
export function reportFileName(project: Project): string {
  const date = project.audit?.result.generatedAt.slice(0, 10) ?? '';
  const name = [project.site.customer, project.site.site, date].filter((part) => part.trim()).join(' - ');
  // eslint-disable-next-line no-control-regex
  return `${name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-') || 'wfos-audit-report'}.pdf`;
}
