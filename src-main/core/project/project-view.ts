import type { ParsedSource } from '../engine/load-sources';
import { zonesNamedByRules } from '../engine/rule-zones';
import type { Project, ProjectSource } from './project-schema';
import { auditBlockers, auditInputsHash } from './project-audit';
import { parsedSourceOf, zoneProblems } from './project-sources';
import { columnSummary } from './source-columns';
import { siteDraftProblems } from './site-draft';
import type { ProjectView, SourceView } from './view-schema';

const DIAGNOSTICS_SHOWN = 200;
const ZONES_SHOWN = 50;
const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export interface ProjectState {
  project: Project;
  /** Where it is saved, if it is. */
  path: string | undefined;
  demo: boolean;
  dirty: boolean;
}

function readSource(source: ProjectSource): ParsedSource | Error {
  try {
    return parsedSourceOf(source);
  } catch (error) {
    return error as Error;
  }
}

/** A source as the Sources screen lists it: what was read, how much, and what was not understood. */
export function sourceView(source: ProjectSource): SourceView {
  const parsed = readSource(source);
  const base = { id: source.id, name: source.name, vendor: source.vendor, origin: source.origin, sha256: source.sha256, bytes: source.bytes, zones: source.zones, zoneProblems: zoneProblems(source) };
  if (parsed instanceof Error) {
    const columns = columnSummary(source, undefined);
    return {
      ...base,
      readBy: source.vendor,
      counts: { interfaces: 0, ruleLists: 0, rules: 0, objects: 0, lines: 0, understood: 0, ignored: 0, notUnderstood: 0 },
      diagnostics: [{ line: 0, severity: 'error', message: `cannot be read: ${parsed.message}` }],
      diagnosticCount: 1,
      hasTopology: false,
      zonesInRules: [],
      ...(columns !== undefined && { columns }),
    };
  }
  const { firewall } = parsed;
  const columns = columnSummary(source, parsed);
  const diagnostics = [...firewall.diagnostics].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || a.line - b.line);
  return {
    ...base,
    readBy: parsed.readBy,
    ...(firewall.hostname !== undefined && { hostname: firewall.hostname }),
    ...(firewall.version !== undefined && { version: firewall.version }),
    counts: {
      interfaces: firewall.interfaces.filter((item) => item.name !== undefined).length,
      ruleLists: firewall.ruleLists.length,
      rules: firewall.ruleLists.reduce((sum, list) => sum + list.rules.length, 0),
      objects: firewall.objects.networks.length + firewall.objects.services.length,
      lines: firewall.stats.lines,
      understood: firewall.stats.understood,
      ignored: firewall.stats.ignored,
      notUnderstood: firewall.stats.notUnderstood,
    },
    diagnostics: diagnostics.slice(0, DIAGNOSTICS_SHOWN).map(({ line, severity, message }) => ({ line, severity, message })),
    diagnosticCount: diagnostics.length,
    hasTopology: firewall.interfaces.some((item) => item.addresses.length > 0) || firewall.routes.length > 0,
    zonesInRules: zonesNamedByRules(firewall).slice(0, ZONES_SHOWN),
    ...(columns !== undefined && { columns }),
  };
}

export function projectView(state: ProjectState): ProjectView {
  const { project } = state;
  return {
    file: state.path ? { name: state.path.split(/[/\\]/).pop() ?? state.path, path: state.path } : null,
    demo: state.demo,
    dirty: state.dirty,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    site: project.site,
    problems: siteDraftProblems(project.site),
    sources: project.sources.map(sourceView),
    audit: project.audit ? { result: project.audit.result, stale: project.audit.inputsHash !== auditInputsHash(project) } : null,
    previousAudit: project.previousAudit ? { generatedAt: project.previousAudit.result.generatedAt } : null,
    auditBlockers: auditBlockers(project),
    signOff: project.signOff ?? null,
  };
}
