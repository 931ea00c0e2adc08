import { SEVERITIES, type AuditResult, type Finding, type Severity } from '../engine/audit-result';
import type { Rule, RuleList } from '../model/index';
import type { Project, ProjectSource } from './project-schema';
import { parsedSourceOf } from './project-sources';

/** A firewall of the index: the project source its rules come from. */
export interface IndexedSource {
  source: ProjectSource;
  /** Where this source's rules start in the index, and how many there are. */
  first: number;
  rules: number;
  /** Its rules by id, made on the first look-up: hashing 100,000 ids up front would slow the first page. */
  byRuleId?: Map<string, IndexedRule>;
}

/** One rule as the explorer lists it: the model's rule and what the last audit said about it. */
export interface IndexedRule {
  /** Position in the index, in file order: the tie-breaker of every ordering. */
  position: number;
  source: IndexedSource;
  list: RuleList;
  rule: Rule;
  /** Most severe first. */
  findings: readonly Finding[];
  /** Rank of the most severe finding (0 critical … 4 info), NO_FINDING without any. */
  worst: number;
  /** Matrix rows whose verdict at this firewall this rule decided, ascending. */
  matrixRows: readonly number[];
}

export interface RuleIndex {
  /** Source by source, list by list, each list in evaluation order. */
  rules: readonly IndexedRule[];
  sources: readonly IndexedSource[];
  /** Kinds of the findings attached to a rule, alphabetical: what the kind filter offers. */
  kinds: readonly string[];
}

export const NO_FINDING = SEVERITIES.length;
const NONE: readonly never[] = [];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

function bySeverity(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id);
}

/** A rule by its firewall (project source) and its id. */
export function findRule(index: RuleIndex, sourceId: string, ruleId: string): IndexedRule | undefined {
  const source = index.sources.find((item) => item.source.id === sourceId);
  if (!source) return undefined;
  source.byRuleId ??= new Map(index.rules.slice(source.first, source.first + source.rules).map((item) => [item.rule.id, item]));
  return source.byRuleId.get(ruleId);
}

type Place = { line?: number | undefined; sheet?: string | undefined; row?: number | undefined };

/**
 * What the audit says about rules, by firewall and rule id. A citation must also name the
 * rule's place in the file, so an object named like a rule (unused-object findings cite
 * objects) never lands on one. Looking a rule up builds no string: 100,000 rules stay cheap.
 */
class RuleCitations<T> {
  private readonly byFirewall = new Map<string, Map<string, { place: Place; items: T[] }[]>>();

  add(firewall: string, reference: Place & { id: string }, item: T): void {
    let byId = this.byFirewall.get(firewall);
    if (!byId) this.byFirewall.set(firewall, (byId = new Map()));
    let entries = byId.get(reference.id);
    if (!entries) byId.set(reference.id, (entries = []));
    const entry = entries.find((candidate) => samePlace(candidate.place, reference));
    if (entry) entry.items.push(item);
    else entries.push({ place: reference, items: [item] });
  }

  /** The citations of one firewall, looked up by rule. */
  of(firewall: string): (rule: Rule) => T[] | undefined {
    const byId = this.byFirewall.get(firewall);
    if (!byId) return () => undefined;
    return (rule) => byId.get(rule.id)?.find((entry) => samePlace(entry.place, rule.ref))?.items;
  }
}

function samePlace(a: Place, b: Place): boolean {
  return a.line === b.line && a.sheet === b.sheet && a.row === b.row;
}

function findingsByRule(result: AuditResult | undefined): RuleCitations<Finding> {
  const citations = new RuleCitations<Finding>();
  for (const finding of result?.findings ?? []) if (finding.rule) citations.add(finding.firewall, finding.rule, finding);
  return citations;
}

/** Which matrix rows each rule decided, read off the audit's per-firewall traces: no new analysis. */
function matrixRowsByRule(result: AuditResult | undefined): RuleCitations<number> {
  const citations = new RuleCitations<number>();
  for (const flow of result?.flows ?? []) {
    for (const path of flow.paths) {
      for (const reference of [...path.permittedBy, ...path.deniedBy]) citations.add(path.firewall, reference, flow.row);
    }
  }
  return citations;
}

/**
 * Every rule of the project's firewalls with the findings and matrix rows the last audit
 * attached to it. Built once per audit and source set; the filters then only read it.
 */
export function buildRuleIndex(project: Pick<Project, 'sources' | 'audit'>): RuleIndex {
  const result = project.audit?.result;
  const findings = findingsByRule(result);
  const matrixRows = matrixRowsByRule(result);
  const rules: IndexedRule[] = [];
  const sources: IndexedSource[] = [];
  const kinds = new Set<string>();
  for (const source of project.sources) {
    const indexed: IndexedSource = { source, first: rules.length, rules: 0 };
    sources.push(indexed);
    const findingsOf = findings.of(source.name);
    const matrixRowsOf = matrixRows.of(source.name);
    for (const list of parsedSourceOf(source).firewall.ruleLists) {
      for (const rule of list.rules) {
        const attached = findingsOf(rule)?.sort(bySeverity) ?? NONE;
        for (const finding of attached) kinds.add(finding.kind);
        const rows = matrixRowsOf(rule);
        const item: IndexedRule = {
          position: rules.length,
          source: indexed,
          list,
          rule,
          findings: attached,
          worst: attached[0] ? severityRank(attached[0].severity) : NO_FINDING,
          matrixRows: rows ? [...new Set(rows)].sort((a, b) => a - b) : NONE,
        };
        rules.push(item);
        indexed.rules += 1;
      }
    }
  }
  return { rules, sources, kinds: [...kinds].sort() };
}
