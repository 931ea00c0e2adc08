import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSource, runAudit, type AuditResult } from '../../../src-main/core/engine/index';
import { buildReportModel, PASS_CRITERION, reportInputFor, type ReportModel } from '../../../src-main/core/report/index';
import { loadSiteFile, type Site } from '../../../src-main/core/site/index';

const demoSite = fileURLToPath(new URL('../../../resources/demo/site.yaml', import.meta.url));
const modelDir = fileURLToPath(new URL('../../../src-main/core/report/model/', import.meta.url));
let site: Site;
let audit: AuditResult;
let model: ReportModel;

beforeAll(() => {
  site = loadSiteFile(demoSite);
  audit = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
  model = buildReportModel(reportInputFor(site, audit, { customer: { name: 'Müller', role: 'IT security' } }));
});

describe('the report model of the demo audit', () => {
  it('fails the stated criterion and says which rows and findings break it', () => {
    expect(model.verdict).toEqual({
      passed: false,
      criterion: PASS_CRITERION,
      statement: 'FAIL: the audited firewalls do not meet the criterion.',
      reasons: ['2 matrix rows partial (row 27, row 40)', '1 matrix row blocked (row 25)', '2 critical findings (F-0001, F-0002)', '2 high findings (F-0003, F-0004)'],
    });
  });

  it('passes an audit where every row is allowed or not applicable and nothing is worse than medium', () => {
    const clean: AuditResult = {
      ...audit,
      flows: audit.flows.map((flow) => (flow.status === 'partial' || flow.status === 'blocked' ? { ...flow, status: 'allowed' } : flow)),
      findings: audit.findings.filter((finding) => finding.severity !== 'critical' && finding.severity !== 'high'),
    };
    expect(buildReportModel({ audit: clean, matrix: site.matrix }).verdict).toMatchObject({ passed: true, reasons: [] });
    const undecided: AuditResult = { ...clean, flows: clean.flows.map((flow) => (flow.row === 1 ? { ...flow, status: 'unknown' } : flow)) };
    expect(buildReportModel({ audit: undecided, matrix: site.matrix }).verdict.reasons).toEqual(['1 matrix row unknown (row 1)']);
  });

  it('takes the cover from the audit, the matrix and the site', () => {
    expect(model.cover).toMatchObject({
      customer: 'Acme Corp',
      site: 'Dallas DC contact center',
      matrixId: 'wfos-5.2.3',
      matrixRows: 40,
      matrixSource: 'Avaya Port Matrix: Avaya Workforce Optimization Select 5.2.3, Issue 1.0, 2019-09-04, Table 1. Ports for WFOS',
      auditor: 'Demo Auditor',
      issuedAt: '2026-11-24T10:00:00Z',
      tool: { name: 'wfos-audit', version: '0.0.0-test' },
    });
    expect(model.signOff.customer).toMatchObject({ title: 'Customer representative', name: 'Müller', role: 'IT security', organisation: 'Acme Corp', date: '' });
    expect(model.evidence.roles[0]).toEqual({ role: 'Recorder', addresses: '10.10.20.11' });
    expect(model.evidence.sources[0]).toMatchObject({ vendor: 'Cisco ASA / FTD (LINA)', obtained: { method: 'import' }, sha256: audit.sources[0]!.sha256 });
  });

  it('lists every matrix row with each firewall\'s verdict and the deciding lines', () => {
    expect(model.coverage.map((row) => row.row)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    const aes = model.coverage.find((row) => row.row === 27)!;
    expect(aes.verdicts).toEqual([
      {
        firewall: 'dal-dc-fw01',
        status: 'partial',
        crossing: 'servers → avaya',
        permittedBy: [{ id: 'servers_in#3', where: 'line 128', text: 'access-list servers_in extended permit tcp object WFOS-APP01 object AES-01 object-group AES-TSAPI' }],
        deniedBy: [{ id: 'servers_in#9', where: 'line 136', text: 'access-list servers_in extended deny ip any any log' }],
        missing: ['1050-1065/tcp from 10.10.20.11 to 10.40.0.10'],
        unknown: [],
      },
    ]);
  });

  it('puts each finding in one section: gaps, over-permissive, hygiene', () => {
    expect(model.gaps.map((gap) => [gap.row, gap.findings.map((finding) => finding.id)])).toEqual([[25, ['F-0004']], [27, ['F-0006']], [40, ['F-0007']]]);
    expect(model.overPermissive.map((finding) => finding.id)).toEqual(['F-0001', 'F-0002', 'F-0003', 'F-0005']);
    // inside_in#1 and #2 are not called redundant: the rules that would take over are to be removed.
    expect(model.hygiene.map((finding) => finding.kind)).toEqual(['shadowed', 'unused-object', 'disabled']);
    const grouped = [...model.gaps.flatMap((gap) => gap.findings), ...model.overPermissive, ...model.hygiene].map((finding) => finding.id).sort();
    expect(grouped).toEqual(model.findings.map((finding) => finding.id));
  });

  it('orders each firewall\'s remediation bottom-up within a list, and flags steps that change the same rule', () => {
    const [plan] = model.remediation;
    expect(plan).toMatchObject({ firewall: 'dal-dc-fw01', vendor: 'cisco-asa', syntax: 'Cisco ASA / FTD (LINA)' });
    expect(plan!.steps.map((step) => `${step.list ?? '-'} ${step.rule?.where}`)).toEqual([
      'inside_in line 123', 'inside_in line 122',
      'servers_in line 136', 'servers_in line 136', 'servers_in line 134', 'servers_in line 129', 'servers_in line 126',
      'voice_in line 142', 'outside_in line 144', '- line 96',
    ]);
    expect(plan!.steps.filter((step) => step.conflictsWith.length > 0)).toEqual([]);
    // Two findings that change one rule are flagged on both: here a second finding on inside_in#2.
    const second = { ...audit.findings.find((finding) => finding.rule?.id === 'inside_in#2')!, id: 'F-0099', kind: 'redundant', severity: 'low' as const, remediation: 'Remove inside_in#2.' };
    const twice = buildReportModel(reportInputFor(site, { ...audit, findings: [...audit.findings, second] }, { customer: { name: 'Müller', role: 'IT security' } }));
    const conflicts = Object.fromEntries(twice.remediation[0]!.steps.filter((step) => step.conflictsWith.length > 0).map((step) => [step.findingId, step.conflictsWith]));
    expect(conflicts).toEqual({ 'F-0003': ['F-0099'], 'F-0099': ['F-0003'] });
    expect(plan!.steps.find((step) => step.findingId === 'F-0004')!.text).toBe(audit.findings.find((finding) => finding.id === 'F-0004')!.remediation);
  });

  it('draws every matrix row once, split into internal and boundary flows', () => {
    const { internal, boundary, nodes } = model.diagram;
    expect([...internal, ...boundary].map((edge) => edge.row).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(internal.map((edge) => edge.row)).toContain(1);
    expect(boundary.find((edge) => edge.row === 25)).toMatchObject({ from: 'SysAdmin', to: 'NMS Server', status: 'blocked', ports: '161/udp' });
    expect(nodes.find((node) => node.id === 'Speech Middleware')).toMatchObject({ kind: 'component', deployed: false });
    expect(nodes.find((node) => node.id === 'Browser')).toMatchObject({ kind: 'client', deployed: true, addresses: '10.30.0.0/16' });
  });

  it('samples a source\'s diagnostics worst first, those about the whole source before those about a line', () => {
    const source = audit.sources[0]!;
    const noisy: AuditResult = {
      ...audit,
      sources: [{ ...source, diagnostics: [
        { line: 12, severity: 'info', message: 'dynamic routing is not modelled' },
        { line: 40, severity: 'warning', message: 'time-range T is not defined' },
        { line: 0, severity: 'warning', message: 'rules of fw are written for zones (dmz)' },
        { line: 7, severity: 'error', message: 'access-list needs a name' },
      ] }],
    };
    expect(buildReportModel({ audit: noisy, matrix: site.matrix }).evidence.sources[0]!.diagnosticSamples).toEqual([
      'line 7 error: access-list needs a name',
      'source-wide warning: rules of fw are written for zones (dmz)',
      'line 40 warning: time-range T is not defined',
      'line 12 info: dynamic routing is not modelled',
    ]);
  });

  it('is the same for the same input, and JSON-safe for the renderer', () => {
    const again = buildReportModel(reportInputFor(site, audit, { customer: { name: 'Müller', role: 'IT security' } }));
    expect(again).toEqual(model);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('keeps the model files free of Node imports, so the renderer can use them', () => {
    for (const file of readdirSync(modelDir)) {
      const source = readFileSync(join(modelDir, file), 'utf8');
      expect(source, file).not.toMatch(/from '(node:|fs|path|crypto|zlib|pdfkit|xlsx|node-forge)/);
      for (const [, target] of source.matchAll(/from '(\.\.?\/[^']+)'/g)) expect(target, `${file} imports ${target}`).toMatch(/^\.\/|^\.\.\/\.\.\/(engine\/audit-result|matrix\/schema)$/);
    }
  });
});
