import { describe, expect, it } from 'vitest';
import { emptySiteDraft, siteDraftProblems, siteFromDraft, type SiteDraft } from '../../../src-main/core/project/index';
import { loadSiteFile } from '../../../src-main/core/site/index';
import { demoProject, demoSite } from './helpers';

const draft = (changes: Partial<SiteDraft>): SiteDraft => ({ ...emptySiteDraft(), customer: 'Acme Corp', site: 'Dallas DC', ...changes });
const problemsOf = (site: SiteDraft) => Object.fromEntries(siteDraftProblems(site).map((problem) => [problem.field, problem.message]));

describe('the Site screen as typed', () => {
  it('says what is wrong with an address, next to its row, as the engineer types', () => {
    const problems = problemsOf(draft({ roles: [{ role: 'Recorder', addresses: '10.10.20.11' }, { role: 'Web', addresses: '10.10.20.12, 10.10.20.300' }] }));
    expect(problems).toEqual({ 'roles.1.addresses': '"10.10.20.300" is not an IPv4 or IPv6 address' });
  });

  it('refuses a host written with a prefix length, as the site file does', () => {
    const problems = problemsOf(draft({ roles: [{ role: 'Recorder', addresses: '10.10.20.11/24' }, { role: 'Browser', addresses: '10.30.0.0/16' }] }));
    expect(problems).toEqual({ 'roles.0.addresses': '"10.10.20.11/24" has host bits set: write 10.10.20.11 for the one host, or 10.10.20.0/24 for the whole subnet' });
  });

  it('reads roles by name or alias, case and spaces ignored, and says which roles a typo may mean', () => {
    expect(problemsOf(draft({ roles: [{ role: 'mediamanager', addresses: '10.10.20.11' }, { role: 'SBC/IPOffice', addresses: '10.20.1.20' }] }))).toEqual({});
    expect(problemsOf(draft({ roles: [{ role: 'Recordr', addresses: '10.10.20.11' }] }))['roles.0.role']).toMatch(/"Recordr" is not a role of the Avaya WFOS 5\.2\.3 port matrix/);
    expect(problemsOf(draft({ roles: [{ role: 'Record', addresses: '10.10.20.11' }] }))['roles.0.role']).toMatch(/did you mean "Recorder"/);
  });

  it('refuses the same role twice, the group role, and a role also marked not deployed', () => {
    const problems = problemsOf(
      draft({
        roles: [
          { role: 'Media Manager', addresses: '10.10.20.11' },
          { role: 'MediaManager', addresses: '10.10.20.12' },
          { role: 'All Components', addresses: '10.10.20.0/24' },
          { role: 'Analytics', addresses: '10.10.20.60' },
        ],
        notDeployed: ['Analytics', 'Mainframe'],
      }),
    );
    expect(problems['roles.1.role']).toMatch(/Media Manager is already assigned on row 1/);
    expect(problems['roles.2.role']).toMatch(/stands for every deployed WFOS server component/);
    expect(problems['roles.3.role']).toMatch(/Analytics is marked as not deployed/);
    expect(problems['notDeployed.1']).toMatch(/"Mainframe" is not a role/);
  });

  it('asks for the customer and site, for addresses a role has none of, and for a role addresses have none of', () => {
    const problems = problemsOf({ ...emptySiteDraft(), roles: [{ role: 'Recorder', addresses: '' }, { role: '', addresses: '10.1.1.1' }, { role: '', addresses: '' }] });
    expect(Object.keys(problems).sort()).toEqual(['customer', 'roles.0.addresses', 'roles.1.role', 'site']);
  });

  it('checks the ephemeral port range', () => {
    expect(problemsOf(draft({ ephemeralPorts: '49152-65536' })).ephemeralPorts).toMatch(/65536/);
    expect(problemsOf(draft({ ephemeralPorts: '49152-65535' }))).toEqual({});
  });

  it('gives the same site as the site file it was made from', () => {
    const project = demoProject();
    const fromDraft = siteFromDraft(project.site, [], 'demo');
    const fromFile = loadSiteFile(demoSite);
    expect([...fromDraft.roles.keys()]).toEqual([...fromFile.roles.keys()]);
    for (const [name, role] of fromFile.roles) expect(fromDraft.roles.get(name)!.addresses.equals(role.addresses)).toBe(true);
    expect(fromDraft.notDeployed).toEqual(fromFile.notDeployed);
    expect(fromDraft.ephemeralPorts.toString()).toBe(fromFile.ephemeralPorts.toString());
    expect(fromDraft).toMatchObject({ customer: 'Acme Corp', site: 'Dallas DC contact center', auditor: 'Demo Auditor' });
  });

  it('will not build a site that still has problems', () => {
    expect(() => siteFromDraft(draft({ roles: [{ role: 'Web', addresses: 'web01' }] }), [], 'x')).toThrow(/the site is not complete \(1 problem; first: role row 1 addresses: "web01"/);
  });
});
