import { basename } from 'node:path';
import { evidencePathFor } from '../collect/evidence';
import type { Site } from '../site/index';
import { auditContext } from './audit-context';
import { FLOW_STATUSES, SEVERITIES, type AuditResult, type Finding, type FlowStatus, type Severity, type SourceSummary } from './audit-result';
import { coverageOfRow } from './coverage';
import { coverageGapFindings } from './coverage-gaps';
import type { FindingDraft } from './finding-draft';
import { auditedFirewall } from './firewall-path';
import { hygieneFindings } from './hygiene';
import type { LoadedSource } from './load-sources';
import { overPermissiveFindings } from './over-permissive';

export interface AuditOptions {
  toolVersion: string;
  /** Fixed in tests so output is reproducible. */
  now?: Date;
}

/** Runs the whole audit of a site against its parsed sources. */
export function runAudit(site: Site, sources: readonly LoadedSource[], options: AuditOptions): AuditResult {
  const now = options.now ?? new Date();
  const firewalls = sources.map((source) => auditedFirewall(source.entry, source.firewall, now));
  const context = auditContext(site, firewalls);
  const coverage = context.flows.map((flow) => coverageOfRow(flow, site, firewalls));

  const drafts: FindingDraft[] = [
    ...coverage.flatMap((row) => coverageGapFindings(row, site.ephemeralPorts)),
    ...firewalls.flatMap((audited) => {
      const placed = audited.firewall.ruleLists.filter((list) => list.appliedAt.length > 0 || audited.topology.basis === 'none');
      return [
        ...overPermissiveFindings(context, audited.entry.name, placed.flatMap((list) => list.rules)),
        ...hygieneFindings(context, audited.entry.name, audited.firewall, audited.outOfTime),
      ];
    }),
  ];
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

function summarise(source: LoadedSource, topology: string): SourceSummary {
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
    ...(source.pulled && { pulled: { ...source.pulled, evidence: evidencePathFor(file) } }),
    topology,
    diagnostics: firewall.diagnostics.map(({ line, severity, message }) => ({ line, severity, message })),
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
