import { join } from 'node:path';
import { api, type ApiName, type ApiOutput } from '../../src-main/api';
import type { PullJobView } from '../../src-main/core/collect/pull-job-schema';
import { dispatchApiCall } from '../../src-main/api-dispatch';
import { createApiHandlers, type HandlerOptions } from '../../src-main/api-handlers';
import { demoSite, tempDir } from '../unit/project/helpers';

export type WorkstationCall = <N extends ApiName>(name: N, input: unknown) => Promise<ApiOutput<N>>;

/**
 * The API handlers as a transport sees them: every call validated in, every answer held to its
 * schema out, in folders of their own (projects, settings).
 */
export function apiWorkstation(options: Partial<HandlerOptions> = {}): { call: WorkstationCall; dirs: { projects: string; config: string } } {
  const root = tempDir('wfos-api-');
  const dirs = { projects: join(root, 'projects'), config: join(root, 'config') };
  const handlers = createApiHandlers({ mode: 'serve', demoSitePath: demoSite, projectsDir: dirs.projects, configDir: dirs.config, ...options });
  const call: WorkstationCall = async (name, input) => {
    const result = await dispatchApiCall(handlers, name, input);
    if (!result.ok) throw new Error(result.error);
    return api[name].output.parse(result.value) as ApiOutput<typeof name>;
  };
  return { call, dirs };
}

/** A new audit with the demo site's roles typed in and no source yet. */
export async function newProjectWithDemoSite(call: WorkstationCall): Promise<void> {
  const { site } = await call('projectOpenDemo', {});
  await call('projectNew', {});
  await call('siteUpdate', { site });
}

/** Polls an SSH pull as the window does, giving `answer` to each host key question, until it ends; every view seen is kept in `seen`. */
export async function pollPullToEnd(call: WorkstationCall, job: PullJobView, answer: 'accept' | 'refuse' = 'accept', seen: PullJobView[] = []): Promise<PullJobView> {
  for (let view = job; ; view = await call('sshPullStatus', { jobId: job.id })) {
    seen.push(view);
    if (!view.running) return view;
    const asking = view.devices.find((device) => device.question);
    if (asking) seen.push(await call('sshHostKeyAnswer', { jobId: job.id, device: asking.index, answer }));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
