import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/core/engine/audit-result';
import { loadEmbeddedMatrix } from '../../../src-main/core/matrix/index';
import { flowsByComponent, sortFindings } from '../../../src-renderer/lib/audit-view-model';
import { groupRowsByComponent } from '../../../src-renderer/lib/matrix-view-model';
import { isRequiredProblem, namesRole, notDeployedChoices, problemFor, roleSuggestions } from '../../../src-renderer/lib/site-form';
import { auditProject } from '../../../src-main/core/project/index';
import { app, demoProject } from '../project/helpers';

const finding = (id: string, severity: Finding['severity'], firewall: string, kind: string, line?: number): Finding => ({
  id, severity, firewall, kind, title: id, detail: '', remediation: '', ...(line !== undefined && { rule: { id: `r${line}`, line, text: '' } }),
});

describe('results helpers', () => {
  const findings = [finding('F-0003', 'medium', 'b', 'shadowed', 12), finding('F-0001', 'critical', 'b', 'any-any', 40), finding('F-0002', 'high', 'a', 'any-any', 90), finding('F-0004', 'info', 'a', 'unused-object')];

  it('sorts findings by severity, firewall, kind or line, severity breaking ties', () => {
    expect(sortFindings(findings, 'severity').map((item) => item.id)).toEqual(['F-0001', 'F-0002', 'F-0003', 'F-0004']);
    expect(sortFindings(findings, 'firewall').map((item) => item.id)).toEqual(['F-0002', 'F-0004', 'F-0001', 'F-0003']);
    expect(sortFindings(findings, 'kind').map((item) => item.id)).toEqual(['F-0001', 'F-0002', 'F-0003', 'F-0004']);
    expect(sortFindings(findings, 'line').map((item) => item.id)).toEqual(['F-0002', 'F-0004', 'F-0003', 'F-0001']);
  });

  it('groups the coverage by WFOS component, most urgent first within each', () => {
    const project = demoProject();
    const result = auditProject(project, 'demo', { toolVersion: app.version }).result;
    const groups = flowsByComponent(result.flows, groupRowsByComponent(loadEmbeddedMatrix()));
    expect(groups.flatMap((group) => group.flows)).toHaveLength(40);
    const cti = groups.find((group) => group.flows.some((flow) => flow.row === 27))!;
    expect(cti.flows[0]!.status).not.toBe('allowed');
  });
});

describe('site form helpers', () => {
  const matrix = loadEmbeddedMatrix();

  it('offers canonical names and aliases, never the group', () => {
    const names = roleSuggestions(matrix);
    expect(names).toContain('Media Manager');
    expect(names).toContain('MediaManager');
    expect(names).not.toContain('All Components');
  });

  it('matches a typed role as the main process does: case and spaces ignored, aliases too', () => {
    const aes = matrix.roles.find((role) => role.name === 'AES Server')!;
    expect(namesRole('aes  server', aes)).toBe(true);
    expect(namesRole('Application Enablement Services', aes)).toBe(true);
    expect(namesRole('AES Adapter', aes)).toBe(false);
  });

  it('lists integrations first among what can be marked not deployed', () => {
    expect(notDeployedChoices(matrix)[0]!.label).toMatch(/Integrations/);
    expect(notDeployedChoices(matrix).flatMap((group) => group.roles).some((role) => role.kind === 'group')).toBe(false);
  });

  it('finds a field\'s problem and tells the required ones apart', () => {
    const problems = [{ field: 'customer', message: 'required: the report names the customer' }, { field: 'roles.0.addresses', message: 'bad' }];
    expect(problemFor(problems, 'roles.0.addresses')).toBe('bad');
    expect(isRequiredProblem(problemFor(problems, 'customer'))).toBe(true);
    expect(isRequiredProblem(problemFor(problems, 'roles.0.addresses'))).toBe(false);
  });
});
