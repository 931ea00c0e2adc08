import type { ApiOutput } from '../../src-main/api';
import type { Matrix } from '../../src-main/core/matrix/schema';
import { mergeRoleList, sameRoleIn, type ImportedRoleList } from '../../src-main/core/project/role-list-merge';
import type { SignOff, ZoneDraft } from '../../src-main/core/project/project-schema';
import type { AuditComparisonView, ProjectView, RecentList, SourceColumnsView } from '../../src-main/core/project/view-schema';
import { callApi } from './api-client';
import type { ColumnDraft } from './columns-view-model';
import { readFileBase64 } from './file-contents';

/** How often the window asks a running audit where it is. */
const AUDIT_POLL_MS = 150;

export type Screen = 'start' | 'site' | 'sources' | 'results' | 'report' | 'matrix';
export type SiteDraft = ProjectView['site'];

/** A file that could not be added, kept so the engineer can retry it read as a named vendor. */
export interface FailedSource {
  file: File;
  error: string;
  replaceId?: string;
}

const SITE_CHECK_DELAY_MS = 150;
const AUTOSAVE_DELAY_MS = 1200;

/**
 * The workstation's state: the open project as the main process last described it, which
 * screen is showing, and what is in progress. Every change goes through api.ts; this module
 * keeps the renderer's copy in step and saves a saved project automatically after changes.
 */
export class Workspace {
  screen = $state<Screen>('start');
  project = $state.raw<ProjectView | null>(null);
  comparison = $state.raw<AuditComparisonView | null>(null);
  matrix = $state.raw<Matrix | null>(null);
  recent = $state.raw<RecentList | null>(null);
  /** What is running, for the status line ("Auditing…"); null when idle. */
  busy = $state<string | null>(null);
  /** Stops the running audit, while one runs. */
  cancelAudit = $state<(() => void) | null>(null);
  error = $state<string | null>(null);
  failedSources = $state.raw<FailedSource[]>([]);
  /** Sources the last drop or pick added or replaced: their cards open what was read (a rule export's columns). */
  justAdded = $state.raw<readonly string[]>([]);
  saveState = $state<'idle' | 'saving' | 'failed'>('idle');
  saveDialogOpen = $state(false);
  /** The project the main process still holds after a page reload, offered on the start screen. */
  resumable = $state.raw<ProjectView | null>(null);

  private siteTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingSite: SiteDraft | undefined;
  private siteCheck: Promise<void> = Promise.resolve();
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  private signOffStored: Promise<void> = Promise.resolve();

  /**
   * Loads what the window needs. On the first run (no project open, no recent audit, no
   * project file yet) the demo site opens audited, so the product shows what it does at once;
   * the Start screen is one click away.
   */
  async start(): Promise<void> {
    let firstRun = false;
    await this.attempt(undefined, async () => {
      const [matrix, current] = await Promise.all([callApi('getMatrix', {}), callApi('projectCurrent', {})]);
      this.matrix = matrix;
      this.resumable = current;
      await this.refreshRecent();
      firstRun = current === null && this.recent?.recent.length === 0 && this.recent.files.length === 0;
    });
    if (firstRun) await this.openDemo();
  }

  go(screen: Screen): void {
    this.screen = screen;
    this.error = null;
  }

  async refreshRecent(): Promise<void> {
    this.recent = await callApi('projectRecent', {});
  }

  /** Runs one piece of work, showing it as busy and any failure as the error line. */
  private async attempt<T>(label: string | undefined, work: () => Promise<T>): Promise<T | undefined> {
    if (label) this.busy = label;
    this.error = null;
    try {
      return await work();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return undefined;
    } finally {
      if (label) this.busy = null;
    }
  }

  private discardOk(): boolean {
    const project = this.project;
    if (!project || !project.dirty || project.demo) return true;
    return confirm('The open audit has changes that are not saved. Discard them?');
  }

  private async show(view: ProjectView | undefined, screen: Screen): Promise<void> {
    if (!view) return;
    clearTimeout(this.autosaveTimer);
    this.project = view;
    this.resumable = null;
    this.failedSources = [];
    this.comparison = null;
    this.screen = screen;
    await this.loadComparison();
  }

  resume(): Promise<void> {
    return this.show(this.resumable ?? undefined, this.resumable?.audit ? 'results' : 'site');
  }

  async newAudit(): Promise<void> {
    if (!this.discardOk()) return;
    await this.show(await this.attempt('Starting a new audit…', () => callApi('projectNew', {})), 'site');
  }

  async openDemo(): Promise<void> {
    if (!this.discardOk()) return;
    await this.show(await this.attempt('Auditing the demo site…', () => callApi('projectOpenDemo', {})), 'results');
  }

  async open(name: string): Promise<void> {
    if (!this.discardOk()) return;
    const view = await this.attempt(`Opening ${name}…`, () => callApi('projectOpen', { name }));
    await this.show(view, view?.audit ? 'results' : 'site');
  }

  async importProject(file: File): Promise<void> {
    if (!this.discardOk()) return;
    const view = await this.attempt(`Opening ${file.name}…`, async () => callApi('projectImport', { fileName: file.name, contentBase64: await readFileBase64(file) }));
    await this.show(view, view?.audit ? 'results' : 'site');
  }

  /** Keeps what was typed, and asks the main process what is wrong with it a moment later. */
  editSite(site: SiteDraft): void {
    if (!this.project) return;
    this.project = { ...this.project, site, dirty: true };
    this.pendingSite = site;
    clearTimeout(this.siteTimer);
    this.siteTimer = setTimeout(() => void this.flushSite(), SITE_CHECK_DELAY_MS);
  }

  /**
   * Reads the customer's server list and merges it into the Site screen (the list's addresses
   * replace a role's typed ones); answers what was read, or undefined when the file was refused.
   */
  async importRoleList(file: File): Promise<ImportedRoleList | undefined> {
    const matrix = this.matrix;
    if (!this.project || !matrix) return undefined;
    await this.flushSite();
    const imported = await this.attempt(`Reading ${file.name}…`, async () => callApi('siteImportRoles', { fileName: file.name, contentBase64: await readFileBase64(file) }));
    if (imported && this.project) this.editSite(mergeRoleList(this.project.site, imported, sameRoleIn(matrix)));
    return imported;
  }

  /** Sends the last typed site, if any is waiting; everything that reads the project waits for it. */
  async flushSite(): Promise<void> {
    clearTimeout(this.siteTimer);
    const site = this.pendingSite;
    this.pendingSite = undefined;
    if (site) {
      this.siteCheck = this.siteCheck.then(async () => {
        const result = await this.attempt(undefined, () => callApi('siteUpdate', { site }));
        if (!result || !this.project) return;
        const audit = this.project.audit ? { ...this.project.audit, stale: result.auditStale } : null;
        this.project = { ...this.project, problems: result.problems, auditBlockers: result.auditBlockers, dirty: true, audit };
        this.scheduleAutosave();
      });
    }
    await this.siteCheck;
  }

  /** Stores the report's sign-off as typed, in the order typed; resolves once it is stored. */
  editSignOff(signOff: SignOff): Promise<void> {
    if (this.project && JSON.stringify(signOff) !== JSON.stringify(this.project.signOff)) {
      this.project = { ...this.project, signOff, dirty: true };
      this.signOffStored = this.signOffStored.then(async () => {
        if (await this.attempt(undefined, () => callApi('signOffUpdate', { signOff }))) this.scheduleAutosave();
      });
    }
    return this.signOffStored;
  }

  /** The report and a save wait for the sign-off typed before them. */
  flushSignOff(): Promise<void> {
    return this.signOffStored;
  }

  async addSources(files: readonly File[], options: { vendor?: string; replaceId?: string } = {}): Promise<void> {
    await this.flushSite();
    const failed: FailedSource[] = this.failedSources.filter((item) => !files.includes(item.file));
    const version = (source: { id: string; sha256: string }) => `${source.id}\u0000${source.sha256}`;
    const before = this.project?.sources.map(version) ?? [];
    for (const file of files) {
      this.busy = `Reading ${file.name}…`;
      try {
        const contentBase64 = await readFileBase64(file);
        const view = await callApi('sourceAdd', { fileName: file.name, contentBase64, ...options });
        // Set before the project, so the new card opens what was read as it first appears.
        this.justAdded = view.sources.filter((source) => !before.includes(version(source))).map((source) => source.id);
        this.project = view;
      } catch (error) {
        failed.push({ file, error: error instanceof Error ? error.message : String(error), ...(options.replaceId && { replaceId: options.replaceId }) });
      }
    }
    this.busy = null;
    this.failedSources = failed;
    this.scheduleAutosave();
  }

  /** A rule export's columns as read; a failure is the caller's to show beside the panel. */
  sourceColumns(id: string): Promise<SourceColumnsView> {
    return callApi('sourceColumns', { id });
  }

  /** Reads a rule export again with the columns given for one sheet (null: as detected) and keeps them in the project. */
  async setSourceColumns(id: string, mapping: { sheet: string; columns: ColumnDraft } | null): Promise<SourceColumnsView> {
    this.busy = 'Reading the rule export again…';
    try {
      const result = await callApi('sourceSetColumns', { id, mapping });
      this.project = result.project;
      this.scheduleAutosave();
      return result.columns;
    } finally {
      this.busy = null;
    }
  }

  dismissFailed(file: File): void {
    this.failedSources = this.failedSources.filter((item) => item.file !== file);
  }

  async updateSource(id: string, changes: { name?: string; zones?: ZoneDraft[] }): Promise<void> {
    const view = await this.attempt(undefined, () => callApi('sourceUpdate', { id, ...changes }));
    if (view) {
      this.project = view;
      this.scheduleAutosave();
    }
  }

  async removeSource(id: string): Promise<void> {
    const view = await this.attempt(undefined, () => callApi('sourceRemove', { id }));
    if (view) {
      this.project = view;
      this.scheduleAutosave();
    }
  }

  /**
   * Runs the audit as a job in the main process, showing where it is in the status line with a
   * way to cancel it; a cancelled or failed audit leaves the last one as it was.
   */
  async runAudit(): Promise<void> {
    await this.flushSite();
    const view = await this.attempt('Starting the audit…', async () => {
      let status: ApiOutput<'auditStatus'> = await callApi('auditStart', {});
      this.cancelAudit = () => void callApi('auditCancel', {}).catch(() => undefined);
      while (status?.state === 'running') {
        this.busy = status.message;
        await new Promise((resolve) => setTimeout(resolve, AUDIT_POLL_MS));
        status = await callApi('auditStatus', {});
      }
      if (status?.state === 'failed' || status?.state === 'cancelled') throw new Error(status.message);
      if (!status?.project) throw new Error('the audit stopped without a result');
      return status.project;
    }).finally(() => (this.cancelAudit = null));
    if (!view) return;
    this.project = view;
    this.screen = 'results';
    await this.loadComparison();
    this.scheduleAutosave();
  }

  private async loadComparison(): Promise<void> {
    this.comparison = this.project?.previousAudit ? ((await this.attempt(undefined, () => callApi('auditCompare', {}))) ?? null) : null;
  }

  /** Saves to the project's file; without one, asks for a name first. */
  async save(request: { name?: string; overwrite?: boolean } = {}): Promise<boolean> {
    if (!this.project) return false;
    if (!this.project.file && request.name === undefined) {
      this.saveDialogOpen = true;
      return false;
    }
    await this.flushSite();
    await this.flushSignOff();
    clearTimeout(this.autosaveTimer);
    this.saveState = 'saving';
    try {
      const saved = await callApi('projectSave', request);
      if (this.project) this.project = { ...this.project, file: saved.file, updatedAt: saved.updatedAt, dirty: false, demo: false };
      this.saveState = 'idle';
      this.saveDialogOpen = false;
      void this.refreshRecent();
      return true;
    } catch (error) {
      this.saveState = 'failed';
      throw error;
    }
  }

  /** A saved project saves itself shortly after each change; a new one waits for its name. */
  private scheduleAutosave(): void {
    clearTimeout(this.autosaveTimer);
    if (!this.project?.file) return;
    this.autosaveTimer = setTimeout(() => {
      this.save().catch((error: unknown) => (this.error = `Autosave failed: ${error instanceof Error ? error.message : String(error)}`));
    }, AUTOSAVE_DELAY_MS);
  }

  async home(): Promise<void> {
    await this.flushSite();
    await this.flushSignOff();
    this.screen = 'start';
    await this.attempt(undefined, () => this.refreshRecent());
  }

  // ---- SSH pull ----

  /**
   * The main process added sources on its own (an SSH pull finished a device): show the project
   * as it now is, open what was read on the new cards, and save it like any other change.
   */
  async sourcesPulled(ids: readonly string[]): Promise<void> {
    const view = await this.attempt(undefined, () => callApi('projectCurrent', {}));
    if (!view) return;
    this.justAdded = ids;
    this.project = view;
    this.scheduleAutosave();
  }
}

export const workspace = new Workspace();
