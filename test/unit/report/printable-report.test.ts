import { describe, expect, it } from 'vitest';
import { auditProject } from '../../../src-main/core/project/index';
import { projectPrintableReport, projectReportPdf } from '../../../src-main/core/project/project-report';
import { printableReportSchema } from '../../../src-main/core/report/model/printable-report';
import { evidenceManifestSchema, EVIDENCE_ATTACHMENT } from '../../../src-main/core/report/evidence-manifest';
import { embeddedFiles } from '../../../src-main/core/report/sign/embedded-files';
import { app, demoProject } from '../project/helpers';

const project = (() => {
  const unaudited = demoProject();
  const signOff = { auditor: { name: 'Zoë Łukasik', role: 'Field engineer' }, customer: { name: 'Jörg Müller', role: '' }, date: '2026-11-24', comments: '' };
  return { ...unaudited, signOff, audit: auditProject(unaudited, 'demo', { toolVersion: app.version, now: new Date('2026-11-24T10:00:00Z') }) };
})();

describe('the printable report the app prints', () => {
  it('is the model the PDF is written from, with the audit.json hash the PDF embeds', async () => {
    const printable = projectPrintableReport(project, 'demo');
    const pdf = await projectReportPdf(project, 'demo');
    const manifest = evidenceManifestSchema.parse(JSON.parse(embeddedFiles(pdf).get(EVIDENCE_ATTACHMENT)!.toString('utf8')));
    expect(printable.auditJsonSha256).toBe(manifest.auditJson.sha256);
    expect(printable.model.evidence.sources.map((source) => source.sha256)).toEqual(manifest.sources.map((source) => source.sha256));
    expect(printable.model.signOff.customer.name).toBe('Jörg Müller');
    expect(printable.model.remediation.flatMap((plan) => plan.steps.map((step) => step.text)).join('\n')).toContain('access-list servers_in line 13 extended permit udp host 10.10.20.12 host 10.50.0.20 eq 161');
  });

  it('crosses the bridge whole: its schema keeps every field, and JSON keeps every value', () => {
    const printable = projectPrintableReport(project, 'demo');
    // zod drops keys a schema does not name: a field added to the model but not to its schema would vanish here.
    expect(printableReportSchema.parse(printable)).toEqual(printable);
    expect(JSON.parse(JSON.stringify(printable))).toEqual(printable);
  });

  it('is refused for a stale audit, as the PDF is', () => {
    const stale = { ...project, site: { ...project.site, customer: 'Another customer' } };
    expect(() => projectPrintableReport(stale, 'demo')).toThrow(/changed since the last audit/);
  });
});
