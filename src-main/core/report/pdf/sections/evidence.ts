import { formatDateTime } from '../../model/dates';
import type { ReportModel } from '../../model/report-model';
import { AUDIT_ATTACHMENT, EVIDENCE_ATTACHMENT, type EvidenceManifest } from '../../evidence-manifest';
import { evidenceFacts } from '../../text/report-phrases';
import { EVIDENCE_TITLES, SECTION_INTROS, SECTION_TITLES } from '../../text/section-texts';
import { STYLES, type ReportCanvas } from '../canvas';
import { drawTable } from '../table';

/** Where every verdict comes from: each source with its hash and how it was obtained, the site's roles. */
export function drawEvidence(canvas: ReportCanvas, model: ReportModel, manifest: EvidenceManifest): void {
  canvas.heading(SECTION_TITLES.evidence, 1);
  canvas.paragraph(
    `The configurations and rule exports this audit read, each with the SHA-256 of its bytes as read. The audit result itself is embedded in this PDF ` +
      `as ${AUDIT_ATTACHMENT}, and the hashes below as ${EVIDENCE_ATTACHMENT}; anyone holding the source files can check that they are the ones audited.`,
  );
  for (const source of model.evidence.sources) {
    canvas.heading(`Source ${source.name}`, 2, 90);
    canvas.keyValues(evidenceFacts(source));
    canvas.keyValues([['SHA-256', source.sha256]], 120, STYLES.mono);
    for (const sample of source.diagnosticSamples) canvas.paragraph(`•  ${sample}`, STYLES.small, 120, 1);
    canvas.space(6);
  }

  canvas.heading(EVIDENCE_TITLES.auditResult, 2, 60);
  canvas.keyValues([
    ['Embedded file', `${AUDIT_ATTACHMENT} (schema wfos-audit/1), generated ${formatDateTime(model.cover.auditGeneratedAt)}`],
    ['Evidence manifest', `${EVIDENCE_ATTACHMENT}: the hashes on this page, as data`],
  ]);
  canvas.keyValues([['SHA-256', manifest.auditJson.sha256]], 120, STYLES.mono);
  canvas.space(6);

  if (model.evidence.roles.length > 0) {
    canvas.heading(EVIDENCE_TITLES.roles, 2, 60);
    canvas.paragraph(SECTION_INTROS.roles, STYLES.small);
    drawTable(canvas, [{ header: 'Role', share: 1 }, { header: 'Addresses', share: 2 }], model.evidence.roles.map((role) => [role.role, role.addresses]));
    if (model.evidence.notDeployed.length > 0) canvas.paragraph(`Not deployed at this site: ${model.evidence.notDeployed.join(', ')}.`, STYLES.small);
  }

  canvas.heading(EVIDENCE_TITLES.checking, 3, 40);
  canvas.paragraph(SECTION_INTROS.checking, STYLES.small);
}
