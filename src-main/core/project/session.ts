import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { PacketQuery } from '../engine/packet-query';
import { compareAudits } from './compare-audits';
import { ProjectError } from './project-error';
import { AuditJob, type AuditJobStatus } from './audit-job';
import { auditBlockers, auditInputsHash, auditProject, auditProjectSteps, queryProjectPacket, traceProjectRow } from './project-audit';
import { parseProjectBytes, readProjectFile, writeProjectFile } from './project-file';
import { PROJECT_FORMAT, PROJECT_VERSION, type Project, type ProjectSource, type SignOff, type SiteDraft, type StoredAudit, type ZoneDraft } from './project-schema';
import { parsedSourceOf, sourceFromFile } from './project-sources';
import { columnsRecordOf, sourceColumnsView, type ColumnsRequest } from './source-columns';
import { projectPrintableReport, projectReportPdf, projectReportXlsx, projectSignedReportPdf, reportFileName } from './project-report';
import { projectView } from './project-view';
import type { PullResult } from '../collect/pull';
import { sourceFromPull } from './pulled-source';
import { RuleExplorer } from './rule-explorer';
import type { RuleDetail, RuleDetailRequest, RulePage, RulePageRequest } from './rule-explorer-schema';
import { listProjectFiles, type ProjectsFolder } from './projects-dir';
import type { PrintableReport, SignedReport, SigningKey } from '../report/index';
import type { RecentAudits } from './recent-audits';
import { emptySiteDraft, siteDraftProblems } from './site-draft';
import { projectFromSiteFile } from './site-file-project';
import type {
  AuditComparisonView,
  PacketAnswerView,
  ProjectView,
  RecentList,
  RowTraceView,
  SaveResult,
  SiteUpdateResult,
  SourceColumnsResult,
  SourceColumnsView,
} from './view-schema';

export interface SessionOptions {
  projects: ProjectsFolder;
  recent: RecentAudits;
  app: { name: string; version: string };
  /** The demo site file (resources/demo/site.yaml). */
  demoSitePath: string;
  /** The report fonts, where the report module's default cannot find them (a bundled main process). */
  fontDirectory?: string | undefined;
  /** Fixed in tests. */
  now?: () => Date;
}

export interface AddSourceRequest {
  fileName: string;
  bytes: Uint8Array;
  vendor?: string;
  /** Re-import: the source this file replaces, whatever its name. */
  replaceId?: string;
}

/**
 * The project open in this window, held by the main process: the renderer edits it through
 * api.ts calls and never sees a path it did not choose inside the projects folder. One
 * project at a time, as in the desktop window; a failed open or save leaves it as it was.
 */
export class ProjectSession {
  private project: Project | undefined;
  private path: string | undefined;
  private demo = false;
  private dirty = false;
  /** Counts projects opened in this window, so that a pull started for one never lands in another. */
  private opened = 0;
  /** The rule explorer's index of the open project, rebuilt only when its sources or audit change. */
  private readonly ruleExplorer = new RuleExplorer();
  /** The audit running (or last run) as a job; see startAudit. */
  private auditJob: AuditJob | undefined;

  constructor(private readonly options: SessionOptions) {}

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private current(): Project {
    if (!this.project) throw new Error('no audit is open: start a new audit or open one');
    return this.project;
  }

  private where(): string {
    return this.path ? basename(this.path) : 'the new audit';
  }

  private changed(update: (project: Project) => Project): Project {
    this.project = { ...update(this.current()), updatedAt: this.now() };
    this.dirty = true;
    return this.project;
  }

  private open(project: Project, path: string | undefined, demo: boolean): ProjectView {
    this.project = project;
    this.path = path;
    this.demo = demo;
    this.opened += 1;
    // Nothing is lost yet: a new, demo or uploaded project has no change of the engineer's own.
    this.dirty = false;
    return this.view();
  }

  view(): ProjectView {
    return projectView({ project: this.current(), path: this.path, demo: this.demo, dirty: this.dirty });
  }

  newProject(): ProjectView {
    const now = this.now();
    return this.open({ format: PROJECT_FORMAT, version: PROJECT_VERSION, createdAt: now, updatedAt: now, savedBy: this.options.app, site: emptySiteDraft(), sources: [] }, undefined, false);
  }

  /** The demo site as an unsaved project, audited, so the product shows what it does at once. */
  openDemo(): ProjectView {
    const project = projectFromSiteFile(this.options.demoSitePath, this.options.app, this.now());
    const audit = auditProject(project, 'the demo site', { toolVersion: this.options.app.version, now: new Date(project.createdAt) });
    return this.open({ ...project, audit }, undefined, true);
  }

  async openNamed(name: string): Promise<ProjectView> {
    const path = await this.options.projects.pathOf(name);
    const project = await readProjectFile(path);
    await this.options.recent.remember({ path, customer: project.site.customer, site: project.site.site, savedAt: project.updatedAt });
    return this.open(project, path, false);
  }

  /** A project file the renderer read from anywhere (file picker or drop): opened as an unsaved copy. */
  openUploaded(fileName: string, bytes: Uint8Array): ProjectView {
    return this.open(parseProjectBytes(bytes, basename(fileName)), undefined, false);
  }

  async save(request: { name?: string; overwrite?: boolean }): Promise<SaveResult> {
    const project = this.current();
    let path = this.path;
    if (request.name !== undefined) {
      path = await this.options.projects.pathOf(request.name);
      if (path !== this.path && existsSync(path) && !request.overwrite) {
        throw new ProjectError(basename(path), 'already exists in the projects folder: choose another name, or confirm replacing it');
      }
    }
    if (!path) throw new Error('give the audit a name to save it');
    const saved: Project = { ...project, updatedAt: this.now(), savedBy: this.options.app };
    await writeProjectFile(path, saved);
    this.project = saved;
    this.path = path;
    this.demo = false;
    this.dirty = false;
    await this.options.recent.remember({ path, customer: saved.site.customer, site: saved.site.site, savedAt: saved.updatedAt });
    return { file: { name: basename(path), path }, updatedAt: saved.updatedAt };
  }

  async recent(): Promise<RecentList> {
    const { projects } = this.options;
    const recent = await Promise.all(
      (await this.options.recent.list()).map(async (entry) => {
        const inFolder = await projects.contains(entry.path);
        const exists = existsSync(entry.path);
        const why = !inFolder ? `not in the projects folder ${projects.directory}` : !exists ? 'the file is no longer there' : undefined;
        return { ...entry, name: basename(entry.path), available: inFolder && exists, ...(why && { why }) };
      }),
    );
    return { directory: await projects.root(), recent, files: await listProjectFiles(projects) };
  }

  updateSite(site: SiteDraft): SiteUpdateResult {
    const project = this.changed((current) => ({ ...current, site }));
    return {
      problems: siteDraftProblems(site),
      dirty: true,
      auditStale: project.audit !== undefined && project.audit.inputsHash !== auditInputsHash(project),
      auditBlockers: auditBlockers(project),
    };
  }

  /** Adds a file as a source; a file for a firewall already in the project (same name) replaces it. */
  addSource(request: AddSourceRequest): ProjectView {
    const { source } = sourceFromFile(request.fileName, request.bytes, { ...(request.vendor !== undefined && { vendor: request.vendor }), now: this.now() });
    this.placeSource(source, request.replaceId);
    return this.view();
  }

  /** A new source, or the one it replaces: `replaceId`'s, else the firewall of the same name (keeping its name and zones). */
  private placeSource(source: ProjectSource, replaceId: string | undefined): ProjectSource {
    let placed = source;
    this.changed((project) => {
      const replaced = project.sources.find((item) => (replaceId !== undefined ? item.id === replaceId : item.name.toLowerCase() === source.name.toLowerCase()));
      if (replaceId !== undefined && !replaced) throw new Error('the source to re-import is no longer in the project');
      if (!replaced) {
        placed = uniquelyNamed(source, project.sources);
        return { ...project, sources: [...project.sources, placed] };
      }
      // A re-import keeps what the engineer said about the firewall: its name and zones.
      placed = { ...source, id: replaced.id, name: replaced.name, zones: replaced.zones, ...(replaced.columns !== undefined && { columns: replaced.columns }) };
      return { ...project, sources: project.sources.map((item) => (item.id === replaced.id ? placed : item)) };
    });
    return placed;
  }

  // ---- SSH pull: configurations pulled by the app's pull jobs ----

  /** Which project is open: a pull remembers it when it starts and adds its sources only to that one. */
  projectStamp(): number {
    this.current();
    return this.opened;
  }

  /** A complete capture as a source of the project the pull was started for; re-pulling replaces like re-importing. */
  addPulledSource(result: PullResult, options: { stamp: number; replaceId?: string }): ProjectSource {
    if (!this.project || options.stamp !== this.opened) throw new Error('the audit this pull was started from is no longer open: the configuration was not added');
    return this.placeSource(sourceFromPull(result, this.now()), options.replaceId);
  }

  updateSource(request: { id: string; name?: string; zones?: ZoneDraft[] }): ProjectView {
    this.changed((project) => {
      const source = this.source(request.id);
      const name = request.name?.trim();
      if (name !== undefined) {
        if (!name) throw new Error('a firewall needs a name: findings and the report use it');
        if (project.sources.some((item) => item.id !== source.id && item.name.toLowerCase() === name.toLowerCase())) throw new Error(`another source is already named ${name}`);
      }
      const next = { ...source, ...(name !== undefined && { name }), ...(request.zones !== undefined && { zones: request.zones }) };
      return { ...project, sources: project.sources.map((item) => (item.id === source.id ? next : item)) };
    });
    return this.view();
  }

  private source(id: string): ProjectSource {
    const source = this.current().sources.find((item) => item.id === id);
    if (!source) throw new Error('that source is no longer in the project');
    return source;
  }

  /** A rule export's columns as read: per rules sheet the mapping and its first rows, the counts, the first diagnostics. */
  sourceColumns(id: string): SourceColumnsView {
    return sourceColumnsView(this.source(id));
  }

  /**
   * Gives a rule export's columns explicitly (null: back to detection), reads it again with
   * them and stores them in the project. A mapping the file cannot be read with is refused
   * and nothing changes. One mapping per source, for one sheet: the site file's `columns:`.
   */
  setSourceColumns(request: { id: string; mapping: ColumnsRequest | null }): SourceColumnsResult {
    const source = this.source(request.id);
    const columns = request.mapping === null ? undefined : columnsRecordOf(source, request.mapping);
    const { columns: _previous, ...rest } = source;
    const next: ProjectSource = { ...rest, ...(columns !== undefined && { columns }) };
    if (JSON.stringify(columns ?? null) !== JSON.stringify(source.columns ?? null)) {
      // Read before storing: a mapping the reader refuses leaves the project as it was.
      parsedSourceOf(next);
      this.changed((project) => ({ ...project, sources: project.sources.map((item) => (item.id === next.id ? next : item)) }));
    }
    return { project: this.view(), columns: sourceColumnsView(next) };
  }

  removeSource(id: string): ProjectView {
    this.changed((project) => ({ ...project, sources: project.sources.filter((item) => item.id !== id) }));
    return this.view();
  }

  /**
   * Audits the project. The audit it replaces becomes the previous one, for the comparison,
   * unless nothing it depends on changed since (running twice compares nothing with itself).
   */
  runAudit(): ProjectView {
    this.storeAudit(auditProject(this.current(), this.where(), this.auditOptions()));
    return this.view();
  }

  private auditOptions() {
    return { toolVersion: this.options.app.version, now: new Date(this.now()) };
  }

  private storeAudit(audit: StoredAudit): void {
    this.changed((project) => {
      const previous = project.audit && project.audit.inputsHash !== audit.inputsHash ? project.audit : project.previousAudit;
      return { ...project, audit, ...(previous && { previousAudit: previous }) };
    });
  }

  // ---- Audit as a job: progress and cancel while a large configuration is audited ----

  /**
   * Starts auditing the project as it stands now; while one runs, its status is answered
   * instead of starting a second. The result is stored only in the project it was started for.
   */
  startAudit(): AuditJobStatus {
    if (this.auditJob?.status().state === 'running') return this.auditJob.status();
    const project = this.current();
    const blockers = auditBlockers(project);
    if (blockers.length > 0) throw new Error(`the audit cannot run yet: ${blockers.join('; ')}`);
    const stamp = this.projectStamp();
    this.auditJob = new AuditJob(auditProjectSteps(project, this.where(), this.auditOptions()), (audit) => {
      if (this.opened !== stamp) throw new Error('another project was opened while this one was audited; its audit was not kept');
      this.storeAudit(audit);
    });
    return this.auditJob.status();
  }

  /** The last audit job's status; null when none ran in this window. */
  auditStatus(): AuditJobStatus | null {
    return this.auditJob?.status() ?? null;
  }

  cancelAudit(): AuditJobStatus | null {
    return this.auditJob?.cancel() ?? null;
  }

  traceRow(row: number): RowTraceView {
    return traceProjectRow(this.current(), row, this.where());
  }

  query(query: PacketQuery): PacketAnswerView {
    return queryProjectPacket(this.current(), query);
  }

  /** The report's sign-off as typed on the Report screen: kept in the project, not an audit input. */
  updateSignOff(signOff: SignOff): ProjectView {
    this.changed((project) => ({ ...project, signOff }));
    return this.view();
  }

  private pdfOptions() {
    return this.options.fontDirectory ? { fontDirectory: this.options.fontDirectory } : {};
  }

  async reportPdf(): Promise<{ fileName: string; pdf: Buffer }> {
    const project = this.current();
    return { fileName: reportFileName(project), pdf: await projectReportPdf(project, this.where(), this.pdfOptions()) };
  }

  /** The report signed with the auditor's .p12; the key is used for this call only and never kept. */
  async reportSignedPdf(key: SigningKey): Promise<{ fileName: string; signed: SignedReport }> {
    const project = this.current();
    return { fileName: reportFileName(project), signed: await projectSignedReportPdf(project, this.where(), key, new Date(this.now()), this.pdfOptions()) };
  }

  reportXlsx(): { fileName: string; xlsx: Buffer } {
    const project = this.current();
    return { fileName: reportFileName(project, 'xlsx'), xlsx: projectReportXlsx(project, this.where()) };
  }

  // ---- Printable report: the model the PDF is written from, for the app's printout and diagram ----

  printableReport(): PrintableReport {
    return projectPrintableReport(this.current(), this.where());
  }

  compare(): AuditComparisonView | null {
    const { audit, previousAudit } = this.current();
    return audit && previousAudit ? compareAudits(previousAudit.result, audit.result) : null;
  }

  // ---- Rule explorer: one page of the project's rules with the last audit's findings ----

  rulePage(request: RulePageRequest): RulePage {
    return this.ruleExplorer.page(this.current(), request);
  }

  ruleDetail(request: RuleDetailRequest): RuleDetail {
    return this.ruleExplorer.detail(this.current(), request);
  }
}

/** A second firewall with the same hostname from another file keeps both, told apart by file. */
function uniquelyNamed(source: ProjectSource, others: readonly ProjectSource[]): ProjectSource {
  const taken = new Set(others.map((item) => item.name.toLowerCase()));
  if (!taken.has(source.name.toLowerCase())) return source;
  for (let index = 2; ; index++) {
    const name = `${source.name}-${index}`;
    if (!taken.has(name.toLowerCase())) return { ...source, name };
  }
}
