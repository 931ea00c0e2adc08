import { describe, expect, it } from 'vitest';
import { reportPeople } from '../../../src-main/core/project/project-report';
import { projectSchema } from '../../../src-main/core/project/project-schema';

describe('the report sign-off from the Report screen', () => {
  it('passes what was typed, trimmed, and leaves blank fields to be written by hand', () => {
    const people = reportPeople({ auditor: { name: ' ', role: 'Field engineer' }, customer: { name: 'Jörg Müller', role: '' }, date: '2026-11-24', comments: 'All good. ' }, 'Zoë Łukasik');
    expect(people).toEqual({
      auditor: { name: 'Zoë Łukasik', role: 'Field engineer', date: '2026-11-24', comments: 'All good.' },
      customer: { name: 'Jörg Müller', date: '2026-11-24' },
    });
    expect(reportPeople(undefined, '')).toEqual({ auditor: {}, customer: {} });
  });

  it('is optional in the project file, so files written before it still open', () => {
    const older = {
      format: 'wfos-audit/project',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      savedBy: { name: 'WFOS Firewall Audit', version: '0.1.0' },
      site: { customer: 'Acme', site: 'Dallas', auditor: '', matrix: 'wfos-5.2.3', roles: [], notDeployed: [], ephemeralPorts: '' },
      sources: [],
    };
    expect(projectSchema.safeParse(older).success).toBe(true);
    expect(projectSchema.safeParse({ ...older, signOff: { auditor: { name: 'x', role: '' } } }).success).toBe(false);
  });
});
