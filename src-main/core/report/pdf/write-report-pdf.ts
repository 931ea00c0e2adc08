import PDFDocument from 'pdfkit';
import type { AuditResult } from '../../engine/audit-result';
import { AUDIT_ATTACHMENT, auditJsonText, EVIDENCE_ATTACHMENT, evidenceManifest } from '../evidence-manifest';
import type { ReportModel } from '../model/report-model';
import { ReportCanvas } from './canvas';
import { drawContents, drawPageFrames } from './page-frame';
import { loadReportFonts } from './report-fonts';
import { drawCover } from './sections/cover';
import { drawCoverage } from './sections/coverage';
import { drawDiagramSection } from './sections/diagram';
import { drawEvidence } from './sections/evidence';
import { drawGaps, drawHygiene, drawOverPermissive } from './sections/findings';
import { drawRemediation } from './sections/remediation';
import { drawSignOff } from './sections/sign-off';
import { drawSummary } from './sections/summary';
import { Typesetter } from './typesetter';

export interface PdfOptions {
  /** Where DejaVu and Droid Sans Fallback are; the repository's resources/fonts by default. */
  fontDirectory?: string;
}

const CONTENTS_PAGE = 1;

/**
 * The report as an unsigned PDF. Deterministic: the document's dates are the report's issue
 * date, pdfkit derives the file ID from those dates and the other info fields (no random
 * part unless the PDF is encrypted, which it is not), the attachments carry the same dates,
 * and fonts are subset in a fixed order. So one model and one audit give the same bytes from
 * the app and the command line, and a signature can be checked against a re-rendering.
 */
export async function writeReportPdf(model: ReportModel, audit: AuditResult, options: PdfOptions = {}): Promise<Buffer> {
  const fonts = loadReportFonts(options.fontDirectory);
  const issued = new Date(model.cover.issuedAt);
  const tool = `${model.cover.tool.name} ${model.cover.tool.version}`;
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    margin: 0,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `${model.cover.title}: ${model.cover.customer}, ${model.cover.site}`,
      Author: model.cover.auditor || tool,
      Subject: `${model.cover.matrixTitle} compliance of the firewalls at ${model.cover.site}`,
      Keywords: `WFOS, firewall audit, ${model.cover.matrixId}`,
      Creator: tool,
      Producer: `${tool} (PDFKit)`,
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const bytes = collect(doc);
  for (const font of [...Object.values(fonts.faces), fonts.fallback]) doc.registerFont(font.name, font.bytes);

  const canvas = new ReportCanvas(doc, new Typesetter(doc, fonts));
  const auditJson = auditJsonText(audit);
  const manifest = evidenceManifest(audit, auditJson, model.cover.issuedAt);

  canvas.newPage('portrait');
  drawCover(canvas, model);
  canvas.newPage('portrait');
  canvas.newPage('portrait');
  drawSummary(canvas, model);
  drawDiagramSection(canvas, model);
  drawCoverage(canvas, model);
  drawGaps(canvas, model);
  drawOverPermissive(canvas, model);
  drawHygiene(canvas, model);
  drawRemediation(canvas, model);
  drawEvidence(canvas, model, manifest);
  drawSignOff(canvas, model);
  drawContents(canvas, CONTENTS_PAGE);
  drawPageFrames(canvas, model);

  const attach = (name: string, text: string, description: string) =>
    doc.file(Buffer.from(text, 'utf8'), { name, type: 'application/json', description, creationDate: issued, modifiedDate: issued });
  attach(AUDIT_ATTACHMENT, auditJson, 'The audit result (wfos-audit/1) this report shows');
  attach(EVIDENCE_ATTACHMENT, JSON.stringify(manifest, null, 2) + '\n', 'SHA-256 of every source and of audit.json');
  doc.end();
  return bytes;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
