import { formatDate, formatDateTime } from '../model/dates';
import { describeProvenance } from '../model/provenance';
import type { EvidenceSource, FindingEntry, GapEntry, RemediationStep, ReportModel, SignOffParty } from '../model/report-model';
import { citation } from '../model/rule-line';

/** The report's sentences built from the model, shared by every medium that prints it. */

/** The cover's facts, label and value, in the order the cover lists them. */
export function coverFacts(model: ReportModel): [string, string][] {
  const { cover } = model;
  const firewalls = model.evidence.sources.map((source) => source.name);
  return [
    ['Customer', cover.customer],
    ['Site', cover.site],
    ['Port matrix', `${cover.matrixTitle} (${cover.matrixId}), ${cover.matrixRows} rows`],
    ['Matrix source', cover.matrixSource],
    ['Firewalls audited', firewalls.length > 0 ? firewalls.join(', ') : 'none'],
    ['Auditor', cover.auditor || '(not named)'],
    ['Report date', formatDate(cover.issuedAt)],
    ['Audit run', formatDateTime(cover.auditGeneratedAt)],
    ['Tool', `${cover.tool.name} ${cover.tool.version}`],
  ];
}

/** A source's facts under Evidence; its SHA-256 is printed after them, in a monospaced face. */
export function evidenceFacts(source: EvidenceSource): [string, string][] {
  return [
    ['File', source.file],
    ['Vendor', source.vendor],
    ...(source.hostname || source.version ? [['Device', [source.hostname, source.version && `version ${source.version}`].filter(Boolean).join(', ')] as [string, string]] : []),
    ['Rules', String(source.rules)],
    ['Topology from', source.topology],
    ['Obtained', describeProvenance(source.obtained)],
    ['Diagnostics', diagnosticsText(source)],
  ];
}

function diagnosticsText(source: EvidenceSource): string {
  if (source.diagnostics.length === 0) return 'none: every line was understood or deliberately ignored';
  return source.diagnostics.map((item) => `${item.count} ${item.severity}`).join(', ') + (source.diagnosticSamples.length > 0 ? '; the first:' : '');
}

export function diagnosticCounts(source: EvidenceSource): string {
  return source.diagnostics.map((item) => `${item.count} ${item.severity}`).join(', ') || 'none';
}

export function gapHeading(gap: GapEntry): string {
  return `Row ${gap.row}: ${gap.flow}`;
}

export function gapStatement(gap: GapEntry): string {
  return `${gap.status === 'blocked' ? 'Blocked' : 'Partly blocked'}: ${gap.reason}.`;
}

/** A coverage gap's finding as its gap lists it: which, how bad, where, and what is missing. */
export function gapFindingLine(finding: FindingEntry): string {
  return `${finding.id} (${finding.severity}) on ${finding.firewall}: ${finding.detail}`;
}

export function findingHeading(finding: FindingEntry): string {
  return `${finding.id}: ${finding.title}`;
}

/** "high · any-service · dal-dc-fw01 · serves matrix rows 3, 4": the band under a finding's heading. */
export function findingTag(finding: FindingEntry): string {
  return `${finding.severity} · ${finding.kind} · ${finding.firewall}${finding.rows.length > 0 ? ` · serves matrix rows ${finding.rows.join(', ')}` : ''}`;
}

export function remediationPlanHeading(plan: { firewall: string; syntax: string }): string {
  return `${plan.firewall} (${plan.syntax})`;
}

export function ruleListHeading(list: string | undefined): string {
  return list ? `Rule list ${list}` : 'Objects and other changes';
}

export function stepTitle(step: RemediationStep, index: number): string {
  return `Step ${index + 1}. ${step.findingId} (${step.severity}, ${step.kind}): ${step.title}`;
}

/** What a step says before its commands: the rule it concerns, and other steps on that rule. */
export function stepNotes(step: RemediationStep): string[] {
  return [
    ...(step.rule ? [`Concerns ${citation(step.rule)}.`] : []),
    ...(step.conflictsWith.length > 0 ? [`${step.conflictsWith.join(', ')} also change${step.conflictsWith.length === 1 ? 's' : ''} this rule: apply one of them.`] : []),
  ];
}

/** A remediation plan's steps under the rule list each one changes, in the plan's order. */
export function stepsByList(steps: readonly RemediationStep[]): { heading: string; steps: { step: RemediationStep; index: number }[] }[] {
  const groups: { heading: string; steps: { step: RemediationStep; index: number }[] }[] = [];
  let list: string | undefined;
  steps.forEach((step, index) => {
    if (step.list !== list || index === 0) {
      list = step.list;
      groups.push({ heading: ruleListHeading(list), steps: [] });
    }
    groups[groups.length - 1]!.steps.push({ step, index });
  });
  return groups;
}

/**
 * The engine's remediation text split as the report prints it: its opening sentence ("Insert
 * before servers_in#9:") as prose, the commands after it as code; a text without commands is
 * prose alone, and commands without an opening sentence are code alone.
 */
export function remediationParts(text: string): { prose?: string; code?: string } {
  const [first, ...rest] = text.split('\n');
  const commands = rest.join('\n');
  if (first!.trim().endsWith(':') && commands.trim() !== '') return { prose: first!, code: commands };
  if (rest.length === 0) return { prose: text };
  return { code: text };
}

/** A sign-off party's printed fields, each on a line to write on when it is blank. */
export function signOffFields(party: SignOffParty): [string, string][] {
  return [
    ['Name', party.name],
    ['Role', party.role],
    ['Organisation', party.organisation],
    ['Date', party.date],
  ];
}
