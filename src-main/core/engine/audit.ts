import { basename } from 'node:path';
import { evidencePathFor } from '../collect/evidence';
import type { Site } from '../site/index';
import { auditContext } from './audit-context';
import { FLOW_STATUSES, SEVERITIES, type AuditResult, type Finding, type FlowStatus, type Severity, type SourceSummary } from './audit-result';
import { coverageOfRow, type RowCoverage } from './coverage';
import { coverageGapFindings } from './coverage-gaps';
import type { FindingDraft } from './finding-draft';
import { auditedFirewall, type AuditedFirewall } from './firewall-path';
import { hygieneFindings, takersOfRedundant } from './hygiene';
import type { LoadedSource } from './load-sources';
import { overPermissiveFindings } from './over-permissive';
import type { Topology } from './topology';
import { zoneWarnings } from './zone-warnings';

export interface AuditOptions {
  toolVersion: string;
  /** Fixed in tests so output is reproducible. */
  now?: Date;
}

/** Where a running audit is: the stage, and how many of its firewalls or matrix rows are done. */
export interface AuditProgress {
  stage: 'preparing' | 'coverage' | 'findings';
  done: number;
  total: number;
}

/** Runs the whole audit of a site against its parsed sources. */
export function runAudit(site: Site, sources: readonly LoadedSource[], options: AuditOptions): AuditResult {
  return runToEnd(auditSteps(site, sources, options));
}

/** Drives a stepwise piece of work to its end without pausing, and answers its result. */
export function runToEnd<R>(steps: Generator<unknown, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The audit as steps: it yields its progress before each firewall is prepared, each matrix row
 * and each firewall's findings, so a caller that awaits between steps can show progress and
 * stop it. Driven to the end without pauses it is `runAudit`.
 */
export function* auditSteps(site: Site, sources: readonly LoadedSource[], options: AuditOptions): Generator<AuditProgress, AuditResult> {
  const now = options.now ?? new Date();
  const firewalls: AuditedFirewall[] = [];
  for (const source of sources) {
    yield { stage: 'preparing', done: firewalls.length, total: sources.length };
    firewalls.push(auditedFirewall(source.entry, source.firewall, now));
  }
  const context = auditContext(site, firewalls);
  const coverage: RowCoverage[] = [];
  for (const flow of context.flows) {
    yield { stage: 'coverage', done: coverage.length, total: context.flows.length };
    coverage.push(coverageOfRow(flow, site, firewalls));
  }

  const drafts: FindingDraft[] = coverage.flatMap((row) => coverageGapFindings(row, site.ephemeralPorts));
  for (const [index, audited] of firewalls.entries()) {
    yield { stage: 'findings', done: index, total: firewalls.length };
    const hygiene = hygieneFindings(context, audited.entry.name, audited.firewall, audited.outOfTime);
    const shadowed = new Set(hygiene.flatMap((finding) => (finding.kind === 'shadowed' && finding.rule ? [finding.rule.id] : [])));
    const overPermissive = overPermissiveFindings(context, audited, shadowed);
    // A rule no row needs is to be removed: what only it would take over is not redundant.
    const toRemove = new Set(overPermissive.flatMap((finding) => (finding.rows === undefined && finding.rule ? [finding.rule.id] : [])));
    const kept = hygiene.filter((finding) => finding.kind !== 'redundant' || !takersOfRedundant(finding).some((id) => toRemove.has(id)));
    // Appended one by one: a spread into push() fails past about a hundred thousand findings.
    for (const finding of overPermissive) drafts.push(finding);
    for (const finding of kept) drafts.push(finding);
  }
  const findings = numberFindings(drafts, firewalls.map((audited) => audited.entry.name));
  const flows = coverage.map((row) => row.result);

  return {
    schema: 'wfos-audit/1',
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tool: { name: 'wfos-audit', version: options.toolVersion },
    site: { site: site.site, customer: site.customer, ...(site.auditor !== undefined && { auditor: site.auditor }) },
    matrix: { id: site.matrix.id, title: site.matrix.title, rows: site.matrix.rows.length },
    sources: sources.map((source, index) => summarise(source, firewalls[index]!.topology.basis)),
    flows,
    findings,
    summary: {
      flows: countBy<FlowStatus>(flows.map((flow) => flow.status), FLOW_STATUSES),
      findings: countBy<Severity>(findings.map((finding) => finding.severity), SEVERITIES),
    },
  };
}

function summarise(source: LoadedSource, topology: Topology['basis']): SourceSummary {
  const { firewall, entry } = source;
  const file = entry.fileAsWritten ?? basename(entry.file ?? '');
  return {
    name: entry.name,
    vendor: firewall.vendor,
    file,
    sha256: source.sha256,
    rules: firewall.ruleLists.reduce((sum, list) => sum + list.rules.length, 0),
    ...(firewall.hostname !== undefined && { hostname: firewall.hostname }),
    ...(firewall.version !== undefined && { version: firewall.version }),
    ...(source.pulled && { pulled: { evidence: evidencePathFor(file), ...source.pulled } }),
    topology,
    diagnostics: [...firewall.diagnostics, ...zoneWarnings(firewall, entry, topology)].map(({ line, severity, message }) => ({ line, severity, message })),
  };
}

/** Most severe first, then by firewall in site order, then by line: F-0001 is the first to fix. */
function numberFindings(drafts: FindingDraft[], firewallOrder: string[]): Finding[] {
  const rank = (draft: FindingDraft) => [SEVERITIES.indexOf(draft.severity), firewallOrder.indexOf(draft.firewall), draft.rule?.line ?? draft.rule?.row ?? 0, draft.rows?.[0] ?? 0];
  return drafts
    .map((draft) => ({ draft, key: rank(draft) }))
    .sort((a, b) => a.key.reduce((order, value, index) => order || value - b.key[index]!, 0))
    .map(({ draft }, index) => ({ id: `F-${String(index + 1).padStart(4, '0')}`, ...draft }));
}

function countBy<K extends string>(values: K[], keys: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}
