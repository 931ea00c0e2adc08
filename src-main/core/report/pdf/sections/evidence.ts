import { formatDateTime } from '../../model/dates';
import { describeProvenance } from '../../model/provenance';
import type { EvidenceSource, ReportModel } from '../../model/report-model';
import { AUDIT_ATTACHMENT, EVIDENCE_ATTACHMENT, type EvidenceManifest } from '../../evidence-manifest';
import { STYLES, type ReportCanvas } from '../canvas';
import { drawTable } from '../table';

/** Where every verdict comes from: each source with its hash and how it was obtained, the site's roles. */
export function drawEvidence(canvas: ReportCanvas, model: ReportModel, manifest: EvidenceManifest): void {
  canvas.heading('Evidence', 1);
  canvas.paragraph(
    `The configurations and rule exports this audit read, each with the SHA-256 of its bytes as read. The audit result itself is embedded in this PDF ` +
      `as ${AUDIT_ATTACHMENT}, and the hashes below as ${EVIDENCE_ATTACHMENT}; anyone holding the source files can check that they are the ones audited.`,
  );
  for (const source of model.evidence.sources) {
    canvas.heading(`Source ${source.name}`, 2, 90);
    canvas.keyValues([
      ['File', source.file],
      ['Vendor', source.vendor],
      ...(source.hostname || source.version ? [['Device', [source.hostname, source.version && `version ${source.version}`].filter(Boolean).join(', ')] as const] : []),
      ['Rules', String(source.rules)],
      ['Topology from', source.topology],
      ['Obtained', describeProvenance(source.obtained)],
      ['Diagnostics', diagnosticsText(source)],
    ]);
    canvas.keyValues([['SHA-256', source.sha256]], 120, STYLES.mono);
    for (const sample of source.diagnosticSamples) canvas.paragraph(`•  ${sample}`, STYLES.small, 120, 1);
    canvas.space(6);
  }

  canvas.heading('Audit result', 2, 60);
  canvas.keyValues([
    ['Embedded file', `${AUDIT_ATTACHMENT} (schema wfos-audit/1), generated ${formatDateTime(model.cover.auditGeneratedAt)}`],
    ['Evidence manifest', `${EVIDENCE_ATTACHMENT}: the hashes on this page, as data`],
  ]);
  canvas.keyValues([['SHA-256', manifest.auditJson.sha256]], 120, STYLES.mono);
  canvas.space(6);

  if (model.evidence.roles.length > 0) {
    canvas.heading('Site roles and addresses', 2, 60);
    canvas.paragraph('The addresses the site file gives for each deployed WFOS role: every verdict in this report is about traffic between these addresses.', STYLES.small);
    drawTable(canvas, [{ header: 'Role', share: 1 }, { header: 'Addresses', share: 2 }], model.evidence.roles.map((role) => [role.role, role.addresses]));
    if (model.evidence.notDeployed.length > 0) canvas.paragraph(`Not deployed at this site: ${model.evidence.notDeployed.join(', ')}.`, STYLES.small);
  }

  canvas.heading('Checking this report', 3, 40);
  canvas.paragraph(
    'wfos-audit verify REPORT.pdf checks the digital signature over the whole file, that the signature covers every byte but itself, and that the ' +
      'embedded hashes agree with the embedded audit result; with --evidence DIR it also hashes the source files in DIR and compares them.',
    STYLES.small,
  );
}

function diagnosticsText(source: EvidenceSource): string {
  if (source.diagnostics.length === 0) return 'none: every line was understood or deliberately ignored';
  return source.diagnostics.map((item) => `${item.count} ${item.severity}`).join(', ') + (source.diagnosticSamples.length > 0 ? '; the first:' : '');
}
