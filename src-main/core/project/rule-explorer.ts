import { describePlacement } from '../model/index';
import { auditInputsHash } from './project-audit';
import type { Project, ProjectSource } from './project-schema';
import type { RuleDetail, RuleDetailRequest, RuleFilter, RulePage, RulePageRequest } from './rule-explorer-schema';
import { buildRuleIndex, findRule, type IndexedRule, type RuleIndex } from './rule-index';
import { rowOf, pageOf, rulesOf, selectRules } from './rule-query';
import { contentText } from './source-content';
import type { LineMark } from './trace-excerpts';
import type { Excerpt } from './view-schema';

// Scrolling asks for page after page of the same filter; a few recent filters stay selected.
const KEPT_SELECTIONS = 8;
const DETAIL_CONTEXT_LINES = 6;

/** The index of one project state, with what was worked out from it on demand. */
interface IndexedState {
  sources: Project['sources'];
  audit: Project['audit'];
  index: RuleIndex;
  selections: Map<string, Uint32Array>;
  lineStarts: Map<string, Uint32Array>;
}

/**
 * The rule explorer over the open project: every rule of its firewalls with the findings of
 * the last audit, filtered and paged. The index is built once per audit and source set (the
 * session replaces those arrays on every change, so their identity is the cache key) and
 * the renderer only ever receives one page of it.
 */
export class RuleExplorer {
  private state: IndexedState | undefined;

  private indexed(project: Project): IndexedState {
    const state = this.state;
    if (state && state.sources === project.sources && state.audit === project.audit) return state;
    this.state = { sources: project.sources, audit: project.audit, index: buildRuleIndex(project), selections: new Map(), lineStarts: new Map() };
    return this.state;
  }

  private selection(state: IndexedState, filter: RuleFilter): Uint32Array {
    const key = JSON.stringify([filter.sourceId, filter.text?.trim().toLowerCase(), filter.action, filter.withFindings, filter.kind, filter.minSeverity, filter.order]);
    const kept = state.selections.get(key);
    if (kept) {
      // Most recently used last, so the oldest is the one to drop.
      state.selections.delete(key);
      state.selections.set(key, kept);
      return kept;
    }
    const selection = selectRules(state.index, filter);
    state.selections.set(key, selection);
    while (state.selections.size > KEPT_SELECTIONS) state.selections.delete(state.selections.keys().next().value!);
    return selection;
  }

  page(project: Project, request: RulePageRequest): RulePage {
    const state = this.indexed(project);
    const { offset, limit, ...filter } = request;
    const selection = this.selection(state, filter);
    return {
      offset,
      total: selection.length,
      unfiltered: rulesOf(state.index, filter.sourceId),
      rows: pageOf(state.index, selection, offset, limit),
      firewalls: state.index.sources.map((item) => ({ sourceId: item.source.id, name: item.source.name, rules: item.rules })),
      kinds: [...state.index.kinds],
      // Asked each time: editing the site makes the audit stale without touching the index.
      stale: project.audit !== undefined && project.audit.inputsHash !== auditInputsHash(project),
    };
  }

  /** One rule in full: its findings with detail and remediation, where its list applies, the configuration around it. */
  detail(project: Project, request: RuleDetailRequest): RuleDetail {
    const state = this.indexed(project);
    const item = findRule(state.index, request.sourceId, request.ruleId);
    if (!item) throw new Error(`rule ${request.ruleId} is no longer in that firewall's configuration`);
    const { index: _index, findings: _brief, ...row } = rowOf(item, 0);
    const { rule, list, source } = item;
    return {
      ...row,
      fileName: source.source.origin.fileName,
      ...(rule.name !== undefined && { name: rule.name }),
      ...(rule.comment !== undefined && { comment: rule.comment }),
      ...(rule.timeRange !== undefined && { timeRange: rule.timeRange }),
      appliedAt: list.appliedAt.map(describePlacement),
      notes: [...rule.notes, ...rule.unresolved.map((item) => item.reason)],
      findings: [...item.findings],
      excerpts: this.excerptsAround(state, item),
    };
  }

  /** The lines either side of the rule's own, read from the stored configuration without splitting all of it. */
  private excerptsAround(state: IndexedState, item: IndexedRule): Excerpt[] {
    const { source } = item.source;
    const line = item.rule.ref.line;
    const text = contentText(source.content);
    if (line === undefined || text === undefined) return [];
    const starts = this.lineStartsOf(state, source, text);
    if (line > starts.length) return [];
    const from = Math.max(1, line - DETAIL_CONTEXT_LINES);
    const to = Math.min(starts.length, line + DETAIL_CONTEXT_LINES);
    const end = to < starts.length ? starts[to]! : text.length;
    const mark: LineMark = item.rule.enabled ? item.rule.action : 'inactive';
    const lines = text
      .slice(starts[from - 1], end)
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .map((lineText, offset) => ({ number: from + offset, text: lineText, ...(from + offset === line && { mark }) }));
    return [{ lines }];
  }

  private lineStartsOf(state: IndexedState, source: ProjectSource, text: string): Uint32Array {
    const kept = state.lineStarts.get(source.id);
    if (kept) return kept;
    const starts = [0];
    for (let at = text.indexOf('\n'); at !== -1 && at + 1 < text.length; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    const array = Uint32Array.from(starts);
    state.lineStarts.set(source.id, array);
    return array;
  }
}
