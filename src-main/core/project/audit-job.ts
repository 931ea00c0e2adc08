import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ProjectAuditProgress } from './project-audit';
import type { StoredAudit } from './project-schema';

const CANCELLED = 'The audit was cancelled; the last audit stays as it was.';

export type AuditJobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface AuditJobStatus {
  state: AuditJobState;
  /** Where the audit is, in words for the status line. */
  message: string;
  /** The last step reached; absent before the first. */
  progress?: ProjectAuditProgress;
  /** What went wrong, when the state is failed. */
  error?: string;
}

/**
 * An audit run in steps on the main process's own thread. Between steps it lets the event loop
 * turn, so the window's other calls (its progress polls, a cancel) are answered while a large
 * configuration is audited; a cancel takes effect at the next step and stores nothing.
 */
export class AuditJob {
  private current: AuditJobStatus = { state: 'running', message: describeAuditProgress(undefined) };
  private cancelRequested = false;
  /** Settles when the job has stopped, whichever way; never rejects. */
  readonly finished: Promise<void>;

  constructor(steps: Generator<ProjectAuditProgress, StoredAudit>, store: (audit: StoredAudit) => void) {
    this.finished = this.run(steps, store);
  }

  status(): AuditJobStatus {
    return { ...this.current };
  }

  /** Asks the job to stop; answers the status as it then stands. */
  cancel(): AuditJobStatus {
    if (this.current.state === 'running') this.cancelRequested = true;
    return this.status();
  }

  private async run(steps: Generator<ProjectAuditProgress, StoredAudit>, store: (audit: StoredAudit) => void): Promise<void> {
    try {
      for (;;) {
        // Let calls that arrived during the last step be answered before the next one.
        await nextTurn();
        if (this.cancelRequested) {
          steps.return(undefined as never);
          this.current = { ...this.current, state: 'cancelled', message: CANCELLED };
          return;
        }
        const step = steps.next();
        if (step.done) {
          // A cancel that arrived during the last step is still honoured: nothing is stored.
          await nextTurn();
          if (this.cancelRequested) {
            this.current = { ...this.current, state: 'cancelled', message: CANCELLED };
            return;
          }
          store(step.value);
          this.current = { ...this.current, state: 'done', message: 'The audit is done.' };
          return;
        }
        this.current = { state: 'running', progress: step.value, message: describeAuditProgress(step.value) };
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.current = { ...this.current, state: 'failed', message, error: message };
    }
  }
}

/** The status in words, for the window's status line ("Reading dal-dc-fw01 (1 of 2)…"). */
function describeAuditProgress(progress: ProjectAuditProgress | undefined): string {
  if (!progress) return 'Starting the audit…';
  switch (progress.stage) {
    case 'reading':
      return `Reading ${progress.source} (${progress.done + 1} of ${progress.total})…`;
    case 'preparing':
      return `Placing firewall ${progress.done + 1} of ${progress.total} on the paths between the roles…`;
    case 'coverage':
      return `Checking matrix row ${progress.done + 1} of ${progress.total}…`;
    case 'findings':
      return `Looking for over-permissive, shadowed and redundant rules: firewall ${progress.done + 1} of ${progress.total}…`;
  }
}
