import { createHash } from 'node:crypto';
import type { AuditResult } from '../engine/audit-result';
import { auditSteps, runToEnd, type AuditOptions, type AuditProgress } from '../engine/audit';
import { auditedFirewall, type AuditedFirewall } from '../engine/firewall-path';
import type { LoadedSource } from '../engine/load-sources';
import { answerPacketQuery, type PacketQuery } from '../engine/packet-query';
import { outcomeOfTrace, traceRow, type FirewallTrace, type TracedCrossing } from '../engine/rule-trace';
import { PortSet } from '../net/index';
import type { Site } from '../site/index';
import type { Project, ProjectSource, StoredAudit } from './project-schema';
import { parsedSourceOf, siteFirewallOf, zoneProblems } from './project-sources';
import { siteDraftProblems, siteFromDraft } from './site-draft';
import { contentText } from './source-content';
import { excerptsAround, lineMarks } from './trace-excerpts';
import type { Excerpt, FirewallTraceView, PacketAnswerView, RowTraceView } from './view-schema';

const DEFAULT_EPHEMERAL = PortSet.parse('1024-65535');

/** A hash of everything an audit depends on: a result whose hash differs is stale. */
export function auditInputsHash(project: Pick<Project, 'site' | 'sources'>): string {
  const inputs = {
    site: project.site,
    sources: project.sources.map((source) => ({ name: source.name, vendor: source.vendor, sha256: source.sha256, zones: source.zones, columns: source.columns ?? null })),
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/** Why an audit cannot run yet, in words for the button's hint; empty when it can. */
export function auditBlockers(project: Project): string[] {
  const blockers: string[] = [];
  const problems = siteDraftProblems(project.site);
  if (problems.length > 0) blockers.push(`the Site screen has ${problems.length} problem${problems.length > 1 ? 's' : ''} to fix`);
  if (!project.site.roles.some((row) => row.role.trim() && row.addresses.trim())) blockers.push('assign at least one matrix role to its addresses');
  if (project.sources.length === 0) blockers.push('add at least one firewall configuration or rule export');
  const zoneIssues = project.sources.flatMap(zoneProblems);
  if (zoneIssues.length > 0) blockers.push(`the Sources screen has ${zoneIssues.length} zone problem${zoneIssues.length > 1 ? 's' : ''} to fix`);
  return blockers;
}

function firewallsOf(project: Project): { sources: ProjectSource[]; audited: AuditedFirewall[]; loaded: LoadedSource[] } {
  const loaded = project.sources.map(loadedSourceOf);
  return { sources: project.sources, loaded, audited: loaded.map((item) => auditedFirewall(item.entry, item.firewall)) };
}

/** A project source parsed (once: the parse is cached) and ready for the engine. */
function loadedSourceOf(source: ProjectSource): LoadedSource {
  const pulled = pulledOrigin(source);
  return { entry: siteFirewallOf(source), firewall: parsedSourceOf(source).firewall, sha256: source.sha256, ...(pulled && { pulled }) };
}

/**
 * How a source the app pulled over SSH was obtained, for the audit result and the report: the
 * project holds its evidence (host, user, the host key that vouched for the device, when, and
 * the SHA-256 checked when the project is opened).
 */
function pulledOrigin(source: ProjectSource): LoadedSource['pulled'] {
  const { origin } = source;
  if (origin.kind !== 'ssh') return undefined;
  return {
    host: origin.host,
    port: origin.port,
    ...(origin.username !== undefined && { username: origin.username }),
    hostKey: origin.fingerprint,
    hostKeyTrust: "checked against the app's known_hosts when pulled",
    capturedAt: origin.capturedAt,
    evidence: 'the audit project (the source and its SHA-256)',
  };
}

/** The validated site of a project, its firewalls included. */
export function siteOfProject(project: Project, where: string): Site {
  return siteFromDraft(project.site, project.sources.map(siteFirewallOf), where);
}

/** Where a project's audit is: reading its sources, then the engine's own stages. */
export type ProjectAuditProgress = { stage: 'reading'; done: number; total: number; source: string } | AuditProgress;

/** Runs the engine on the project's site and sources; the caller stores the result. */
export function auditProject(project: Project, where: string, options: AuditOptions): StoredAudit {
  return runToEnd(auditProjectSteps(project, where, options));
}

/**
 * The project's audit as steps (see auditSteps): each source read is a step too, since parsing
 * a large configuration is the longest part of an audit run.
 */
export function* auditProjectSteps(project: Project, where: string, options: AuditOptions): Generator<ProjectAuditProgress, StoredAudit> {
  const blockers = auditBlockers(project);
  if (blockers.length > 0) throw new Error(`the audit cannot run yet: ${blockers.join('; ')}`);
  const site = siteOfProject(project, where);
  const loaded: LoadedSource[] = [];
  for (const source of project.sources) {
    yield { stage: 'reading', done: loaded.length, total: project.sources.length, source: source.name };
    loaded.push(loadedSourceOf(source));
  }
  const result: AuditResult = yield* auditSteps(site, loaded, options);
  return { result, inputsHash: auditInputsHash(project) };
}

function excerptsOf(source: ProjectSource | undefined, trace: { crossings: readonly Pick<TracedCrossing, 'decisions' | 'inactive'>[] }): Excerpt[] {
  const text = source ? contentText(source.content) : undefined;
  if (text === undefined) return [];
  const decided = trace.crossings.flatMap((crossing) => [
    ...crossing.decisions.map((decision) => ({ rule: decision.rule, mark: decision.action })),
    ...crossing.inactive.map((item) => ({ rule: item.rule, mark: 'inactive' as const })),
  ]);
  return excerptsAround(text, lineMarks(decided));
}

function withoutOutcome(trace: FirewallTrace) {
  return trace.crossings.map(({ outcome: _outcome, ...crossing }) => crossing);
}

/**
 * The decisions behind one matrix row at every firewall it crosses, with the configuration
 * around each deciding line so the renderer can show and highlight them.
 */
export function traceProjectRow(project: Project, row: number, where: string): RowTraceView {
  const site = siteOfProject(project, where);
  const matrixRow = site.matrix.rows.find((item) => item.row === row);
  if (!matrixRow) throw new Error(`row ${row} is not a row of the ${site.matrix.title} (1-${site.matrix.rows.length})`);
  const { sources, audited } = firewallsOf(project);
  const trace = traceRow(matrixRow, site, audited);
  if (!trace.applicable) return { row, applicable: false, reason: trace.reason, firewalls: [] };
  return {
    row,
    applicable: true,
    firewalls: trace.firewalls.map((firewall): FirewallTraceView => {
      const source = sources.find((item) => item.name === firewall.firewall);
      const { permitted, denied, unknown } = outcomeOfTrace(firewall);
      const status = !unknown.isEmpty() ? 'unknown' : denied.isEmpty() ? 'allowed' : permitted.isEmpty() ? 'blocked' : 'partial';
      return { firewall: firewall.firewall, fileName: source?.origin.fileName ?? '', status, crossings: withoutOutcome(firewall), excerpts: excerptsOf(source, firewall) };
    }),
  };
}

/** "Can this address reach that one on this port?" against the project's firewalls. */
export function queryProjectPacket(project: Project, query: PacketQuery): PacketAnswerView {
  if (project.sources.length === 0) throw new Error('add a firewall configuration first: there is nothing to ask');
  const { sources, audited } = firewallsOf(project);
  let ephemeral = DEFAULT_EPHEMERAL;
  try {
    if (project.site.ephemeralPorts.trim()) ephemeral = PortSet.parse(project.site.ephemeralPorts);
  } catch {
    // The Site screen shows that problem; the question is still worth answering with the default range.
  }
  const answer = answerPacketQuery(query, audited, ephemeral);
  return {
    ...answer,
    firewalls: answer.firewalls.map((firewall) => ({
      ...firewall,
      excerpts: excerptsOf(sources.find((item) => item.name === firewall.firewall), firewall),
    })),
  };
}
