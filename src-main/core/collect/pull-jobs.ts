import { randomUUID } from 'node:crypto';
import { PullJob, type PullJobDevice, type PullJobOptions } from './pull-job';
import type { PullJobView } from './pull-job-schema';

/** Pulls running at once from one window: each is already several devices at a time. */
export const MAX_RUNNING_JOBS = 4;
/** Finished pulls kept so that their outcome can still be read. */
const FINISHED_KEPT = 8;

/**
 * The app's SSH pulls, by id: the window starts one, polls its status, answers host-key
 * questions and may cancel it. There is no push channel between the processes, so a pull is
 * a job the main process runs on its own and the window asks about.
 */
export class PullJobs {
  private readonly jobs = new Map<string, PullJob>();

  constructor(private readonly options: PullJobOptions) {}

  start(devices: readonly PullJobDevice[]): PullJobView {
    if (devices.length === 0) throw new Error('add at least one device to pull');
    const running = [...this.jobs.values()].filter((job) => job.isRunning).length;
    if (running >= MAX_RUNNING_JOBS) throw new Error(`${running} pulls are already running: wait for one to finish, or cancel one`);
    const job = new PullJob(randomUUID(), devices, this.options);
    this.jobs.set(job.id, job);
    void job.finished.then(() => this.forgetOldFinished());
    return job.view();
  }

  status(id: string): PullJobView {
    return this.job(id).view();
  }

  /** The newest pull, running or not: what a reloaded window picks up again. */
  latest(): PullJobView | null {
    return [...this.jobs.values()].at(-1)?.view() ?? null;
  }

  answerHostKey(id: string, device: number, answer: 'accept' | 'refuse'): PullJobView {
    const job = this.job(id);
    job.answer(device, answer);
    return job.view();
  }

  /** Cancels the whole pull, or only `device` (its index) when given. */
  cancel(id: string, device?: number): PullJobView {
    const job = this.job(id);
    if (device === undefined) job.cancel();
    else job.cancelDevice(device);
    return job.view();
  }

  /** Resolves once the pull has ended (tests, and shutting down). */
  finished(id: string): Promise<PullJobView> {
    const job = this.job(id);
    return job.finished.then(() => job.view());
  }

  private job(id: string): PullJob {
    const job = this.jobs.get(id);
    if (!job) throw new Error('that pull is no longer known (the app was restarted, or it ended long ago)');
    return job;
  }

  private forgetOldFinished(): void {
    const finished = [...this.jobs.values()].filter((job) => !job.isRunning);
    for (const job of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.jobs.delete(job.id);
  }
}
