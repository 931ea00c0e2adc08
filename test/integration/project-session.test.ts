import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, type ApiName, type ApiOutput } from '../../src-main/api';
import { dispatchApiCall } from '../../src-main/api-dispatch';
import { createApiHandlers } from '../../src-main/api-handlers';
import { createAuditorCertificate, verifyReport } from '../../src-main/core/report/index';
import { demoConfig, demoSite, fixedDemoConfig, tempDir } from '../unit/project/helpers';

/** The handlers as a transport sees them: every call validated in, every answer held to its schema out. */
function workstation(dirs: { projects: string; config: string }) {
  const handlers = createApiHandlers({ mode: 'serve', demoSitePath: demoSite, projectsDir: dirs.projects, configDir: dirs.config });
  return async <N extends ApiName>(name: N, input: unknown): Promise<ApiOutput<N>> => {
    const result = await dispatchApiCall(handlers, name, input);
    if (!result.ok) throw new Error(result.error);
    return api[name].output.parse(result.value) as ApiOutput<N>;
  };
}

const base64 = (bytes: Buffer) => bytes.toString('base64');

describe('an audit project through the API, as the workstation drives it', () => {
  it('new audit → site → source → audit → trace → query → save → reopen → re-import → comparison', async () => {
    const root = tempDir('wfos-session-');
    const dirs = { projects: join(root, 'projects'), config: join(root, 'config') };
    const call = workstation(dirs);

    const fresh = await call('projectNew', {});
    expect(fresh).toMatchObject({ file: null, dirty: false, sources: [], audit: null });
    expect(fresh.auditBlockers.length).toBeGreaterThan(0);

    const demo = (await call('projectOpenDemo', {})).site;
    const typo = await call('siteUpdate', { site: { ...demo, roles: demo.roles.map((row) => (row.role === 'AES Server' ? { ...row, addresses: '10.40.0.300' } : row)) } });
    const aesRow = demo.roles.findIndex((row) => row.role === 'AES Server');
    expect(typo.problems).toEqual([{ field: `roles.${aesRow}.addresses`, message: '"10.40.0.300" is not an IPv4 or IPv6 address' }]);

    await call('projectNew', {});
    const site = await call('siteUpdate', { site: demo });
    expect(site.problems).toEqual([]);
    expect(site.auditBlockers).toEqual(['add at least one firewall configuration or rule export']);

    const withSource = await call('sourceAdd', { fileName: 'dal-dc-fw01.txt', contentBase64: base64(demoConfig()) });
    expect(withSource.sources).toHaveLength(1);
    expect(withSource.sources[0]).toMatchObject({ name: 'dal-dc-fw01', vendor: 'cisco-asa', readBy: 'Cisco ASA / FTD (LINA)', hasTopology: true });
    expect(withSource.sources[0]!.counts.rules).toBeGreaterThan(10);

    const audited = await call('auditRun', {});
    expect(withSource.sources[0]!.counts.rules).toBe(audited.audit!.result.sources[0]!.rules);
    expect(audited.audit!.stale).toBe(false);
    expect(audited.audit!.result.summary.flows).toMatchObject({ allowed: 23, partial: 2, blocked: 1 });

    const trace = await call('ruleTrace', { row: 27 });
    const marked = trace.firewalls[0]!.excerpts.flatMap((excerpt) => excerpt.lines).filter((line) => line.mark);
    expect(marked.map((line) => line.number)).toEqual([128, 129, 136]);

    const answer = await call('packetQuery', { source: '10.30.1.5', destination: '10.10.20.12', service: 'tcp/8443' });
    expect(answer).toMatchObject({ verdict: 'allowed', firewalls: [{ firewall: 'dal-dc-fw01', decidedBy: [{ id: 'inside_in#1', line: 120 }] }] });

    const saved = await call('projectSave', { name: 'Acme Dallas' });
    expect(saved.file.name).toBe('Acme Dallas.wfosaudit');
    const onDisk = readFileSync(saved.file.path);

    // The app restarts: a new main process, the same folders.
    const again = workstation(dirs);
    expect(await again('projectCurrent', {})).toBeNull();
    const recent = await again('projectRecent', {});
    expect(recent.recent[0]).toMatchObject({ name: 'Acme Dallas.wfosaudit', customer: 'Acme Corp', available: true });
    expect(recent.files.map((file) => file.name)).toEqual(['Acme Dallas.wfosaudit']);
    const reopened = await again('projectOpen', { name: recent.recent[0]!.name });
    expect(reopened).toMatchObject({ dirty: false, file: { name: 'Acme Dallas.wfosaudit' } });
    expect(reopened.audit!.result).toEqual(audited.audit!.result);
    expect(readFileSync(saved.file.path).equals(onDisk)).toBe(true);

    // The customer fixes the firewall; the engineer re-imports its configuration and audits again.
    const reimported = await again('sourceAdd', { fileName: 'dal-dc-fw01.txt', contentBase64: base64(fixedDemoConfig()) });
    expect(reimported.sources).toHaveLength(1);
    expect(reimported.audit!.stale).toBe(true);
    const reaudited = await again('auditRun', {});
    expect(reaudited.previousAudit).not.toBeNull();
    const comparison = (await again('auditCompare', {}))!;
    expect(comparison.rows.find((row) => row.row === 27)).toMatchObject({ before: 'partial', after: 'allowed', change: 'fixed' });
    expect(comparison.counts.fixed).toBe(1);

    // Auditing again with nothing changed keeps the comparison with the audit before the fix.
    await again('auditRun', {});
    expect((await again('auditCompare', {}))!.counts.fixed).toBe(1);
  });

  it('opens and saves only inside the projects folder, and a failed open changes nothing', async () => {
    const root = tempDir('wfos-session-');
    const call = workstation({ projects: join(root, 'projects'), config: join(root, 'config') });
    await call('projectOpenDemo', {});
    await expect(call('projectOpen', { name: '../config/recent-audits.json' })).rejects.toThrow(/cannot contain/);
    await expect(call('projectSave', { name: '/tmp/elsewhere' })).rejects.toThrow(/cannot contain/);
    await expect(call('projectSave', {})).rejects.toThrow(/give the audit a name/);

    const saved = await call('projectSave', { name: 'demo copy' });
    await call('projectNew', {});
    await expect(call('projectSave', { name: 'demo copy' })).rejects.toThrow(/already exists in the projects folder/);

    const corrupt = join(root, 'projects', 'broken.wfosaudit');
    writeFileSync(corrupt, '{"format": "wfos-audit/project", "version": 1, "site": {');
    await expect(call('projectOpen', { name: 'broken' })).rejects.toThrow(/broken\.wfosaudit: is cut short \(truncated\)/);
    expect(readFileSync(corrupt, 'utf8')).toBe('{"format": "wfos-audit/project", "version": 1, "site": {');
    // The audit that was open is still open.
    expect((await call('projectCurrent', {}))!.sources).toEqual([]);
    await call('projectSave', { name: 'demo copy', overwrite: true });
    expect((await call('projectRecent', {})).recent[0]!.path).toBe(saved.file.path);
  });

  it('refuses a file it cannot read as a source, saying what and which file', async () => {
    const root = tempDir('wfos-session-');
    const call = workstation({ projects: join(root, 'projects'), config: join(root, 'config') });
    await call('projectNew', {});
    await expect(call('sourceAdd', { fileName: 'notes.txt', contentBase64: base64(Buffer.from('hello\nthis is not a firewall\n')) })).rejects.toThrow(/notes\.txt: cannot tell which firewall this file is from/);
    await expect(call('sourceAdd', { fileName: 'x.txt', contentBase64: 'not base64!' })).rejects.toThrow(/sourceAdd: invalid request at contentBase64/);
    expect((await call('projectCurrent', {}))!.sources).toEqual([]);
  });

  it('reads a rule export as a source', async () => {
    const root = tempDir('wfos-session-');
    const call = workstation({ projects: join(root, 'projects'), config: join(root, 'config') });
    await call('projectNew', {});
    const file = join(__dirname, '..', 'fixtures', 'spreadsheets', 'files', 'fortigate-policy.csv');
    const view = await call('sourceAdd', { fileName: 'fortigate-policy.csv', contentBase64: base64(readFileSync(file)) });
    expect(view.sources[0]).toMatchObject({ vendor: 'spreadsheet', readBy: 'rule export (spreadsheet)', hasTopology: false, zonesInRules: ['servers', 'avaya', 'agents', 'mgmt'] });
    const zoned = await call('sourceUpdate', { id: view.sources[0]!.id, zones: [{ zone: 'servers', addresses: '10.10.20.0/24' }, { zone: 'agents', addresses: '10.30.0.0/16, 10.31.0.0/16' }, { zone: 'bad', addresses: '10.1' }] });
    expect(zoned.sources[0]!.zoneProblems).toEqual([{ field: `sources.${view.sources[0]!.id}.zones.2.addresses`, message: expect.stringContaining('10.1') }]);
  });

  it('keeps the sign-off in the project, and writes the report signed and as a workbook', async () => {
    const root = tempDir('wfos-session-');
    const call = workstation({ projects: join(root, 'projects'), config: join(root, 'config') });
    const demo = await call('projectOpenDemo', {});
    expect(demo.signOff).toBeNull();
    const signOff = { auditor: { name: 'Zoë Łukasik', role: 'Field engineer' }, customer: { name: 'Jörg Müller', role: 'Network manager' }, date: '2026-11-24', comments: 'Rows 27 and 31 to be fixed by the customer.' };
    const signedOff = await call('signOffUpdate', { signOff });
    expect(signedOff).toMatchObject({ signOff, dirty: true, audit: { stale: false } });
    await call('projectSave', { name: 'signed' });
    expect((await call('projectOpen', { name: 'signed' })).signOff).toEqual(signOff);

    const passphrase = 'correct horse battery';
    const { p12 } = createAuditorCertificate({ name: 'Zoë Łukasik', email: 'zoe@example.com', bits: 2048 }, passphrase);
    const key = { certificateFileName: 'zoe.p12', certificateBase64: base64(p12) };
    await expect(call('reportSignedPdf', { ...key, passphrase: 'not the passphrase' })).rejects.toThrow('zoe.p12: wrong passphrase (the .p12 could not be decrypted with it)');
    await expect(call('reportSignedPdf', { ...key, certificateBase64: base64(Buffer.alloc(70 * 1024)), passphrase })).rejects.toThrow(/invalid request at certificateBase64: larger than the 64 KiB/);

    const signed = await call('reportSignedPdf', { ...key, passphrase });
    expect(signed).toMatchObject({ fileName: expect.stringMatching(/ - signed\.pdf$/), signer: expect.stringContaining('Zoë Łukasik'), selfSigned: true });
    const pdf = Buffer.from(signed.contentBase64, 'base64');
    expect(pdf.includes('adbe.pkcs7.detached')).toBe(true);
    const verification = verifyReport(pdf, signed.fileName);
    expect(verification.outcome, verification.conclusion).toBe('valid');
    expect(verification.lines.join('\n')).toContain('Zoë Łukasik');

    const xlsx = await call('reportXlsx', {});
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
