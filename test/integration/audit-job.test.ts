import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, type ApiName, type ApiOutput } from '../../src-main/api';
import { dispatchApiCall } from '../../src-main/api-dispatch';
import { createApiHandlers } from '../../src-main/api-handlers';
import { auditProject, auditProjectSteps, type ProjectAuditProgress } from '../../src-main/core/project/project-audit';
import { app, demoConfig, demoProject, NOW, tempDir } from '../unit/project/helpers';

/** The handlers as a transport sees them: every call validated in, every answer held to its schema out. */
function workstation() {
  const root = tempDir('wfos-audit-job-');
  const handlers = createApiHandlers({ mode: 'serve', demoSitePath: join(root, 'none.yaml'), projectsDir: join(root, 'projects'), configDir: join(root, 'config') });
  return async <N extends ApiName>(name: N, input: unknown): Promise<ApiOutput<N>> => {
    const result = await dispatchApiCall(handlers, name, input);
    if (!result.ok) throw new Error(result.error);
    return api[name].output.parse(result.value) as ApiOutput<N>;
  };
}

type Call = ReturnType<typeof workstation>;

/** A new project with the demo site typed in and the demo firewall added, not audited yet. */
async function projectReadyToAudit(call: Call) {
  await call('projectNew', {});
  await call('siteUpdate', { site: demoProject().site });
  return call('sourceAdd', { fileName: 'dal-dc-fw01.txt', contentBase64: demoConfig().toString('base64') });
}

async function untilStopped(call: Call) {
  const seen: string[] = [];
  for (;;) {
    const status = await call('auditStatus', {});
    if (!status) throw new Error('no audit job');
    seen.push(status.message);
    if (status.state !== 'running') return { status, seen };
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('the audit as a job the window polls', () => {
  it('goes through reading, placing, every matrix row and the findings, then gives the same audit as a plain run', () => {
    const project = demoProject();
    const steps = auditProjectSteps(project, 'the demo', { toolVersion: app.version, now: new Date(NOW) });
    const progress: ProjectAuditProgress[] = [];
    let step = steps.next();
    while (!step.done) {
      progress.push(step.value);
      step = steps.next();
    }
    const rows = step.value.result.flows.length;
    expect(progress.map((item) => item.stage)).toEqual([
      ...project.sources.map(() => 'reading'),
      ...project.sources.map(() => 'preparing'),
      ...Array.from({ length: rows }, () => 'coverage'),
      ...project.sources.map(() => 'findings'),
    ]);
    expect(progress.filter((item) => item.stage === 'coverage').map((item) => item.done)).toEqual(Array.from({ length: rows }, (_, index) => index));
    expect(step.value).toEqual(auditProject(project, 'the demo', { toolVersion: app.version, now: new Date(NOW) }));
  });

  it('reports where it is while it runs and hands back the audited project', async () => {
    const call = workstation();
    await projectReadyToAudit(call);
    expect(await call('auditStatus', {})).toBeNull();

    const started = await call('auditStart', {});
    expect(started.state).toBe('running');
    const { status, seen } = await untilStopped(call);
    expect(status.state).toBe('done');
    expect(seen.some((message) => /^Checking matrix row \d+ of 40…$/.test(message))).toBe(true);
    expect(status.project!.audit!.result.summary.flows).toMatchObject({ allowed: 23, partial: 2, blocked: 1 });
    expect(status.project!.audit!.stale).toBe(false);

    // The project holds it: a plain run of the same inputs is the same audit, not a new comparison.
    const again = await call('auditRun', {});
    expect(again.audit!.result.flows).toEqual(status.project!.audit!.result.flows);
    expect(again.previousAudit ?? null).toBeNull();
  });

  it('stops when cancelled and keeps the project as it was', async () => {
    const call = workstation();
    const before = await projectReadyToAudit(call);
    await call('auditStart', {});
    const cancelling = await call('auditCancel', {});
    expect(cancelling!.state).toBe('running');
    const { status } = await untilStopped(call);
    expect(status.state).toBe('cancelled');
    expect(status.message).toBe('The audit was cancelled; the last audit stays as it was.');
    expect(status.project).toBeUndefined();
    const after = await call('projectCurrent', {});
    expect(after!.audit).toBeNull();
    expect(after!.sources).toEqual(before.sources);
  });

  it('refuses to start while the project cannot be audited, saying why', async () => {
    const call = workstation();
    await call('projectNew', {});
    await expect(call('auditStart', {})).rejects.toThrow(/the audit cannot run yet: .*assign at least one matrix role/);
  });

  it('keeps an audit only in the project it was started for', async () => {
    const call = workstation();
    await projectReadyToAudit(call);
    await call('auditStart', {});
    await call('projectNew', {});
    const { status } = await untilStopped(call);
    expect(status.state).toBe('failed');
    expect(status.error).toBe('another project was opened while this one was audited; its audit was not kept');
    expect((await call('projectCurrent', {}))!.audit).toBeNull();
  });
});
