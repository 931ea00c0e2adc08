import type { RuleFilter, RulePage, RulePageRequest, RuleRow } from '../../src-main/core/project/rule-explorer-schema';

export type RulePageFetch = (request: RulePageRequest) => Promise<RulePage>;

/** What the last answer said besides its rows: the counts and what the filters can offer. */
export type RulePageFacts = Omit<RulePage, 'rows' | 'offset'>;

export const RULE_PAGE_SIZE = 100;
// 40 pages of 100 rows: the window and a good way either side, never the whole firewall.
const KEPT_PAGES = 40;

/**
 * The rows of the rule explorer the renderer holds: pages asked for as the list scrolls to
 * them, kept for a while, and dropped when the filter changes. An answer to a filter that is
 * no longer the current one is ignored, however late it arrives.
 */
export class RulePageCache {
  private filter: RuleFilter = {};
  private generation = 0;
  private readonly pages = new Map<number, RuleRow[]>();
  private readonly pending = new Set<number>();
  facts: RulePageFacts | undefined;
  error: string | undefined;

  constructor(
    private readonly fetchPage: RulePageFetch,
    /** Called whenever rows, counts or the error change: the component's cue to redraw. */
    private readonly onChange: () => void,
    readonly pageSize = RULE_PAGE_SIZE,
    private readonly keptPages = KEPT_PAGES,
  ) {}

  /** A new filter (or the same one after a new audit): everything held so far is forgotten. */
  setFilter(filter: RuleFilter): void {
    this.filter = filter;
    this.generation += 1;
    this.pages.clear();
    this.pending.clear();
    this.facts = undefined;
    this.error = undefined;
    this.onChange();
  }

  /** The filter's rule count, once the first answer has come. */
  get total(): number | undefined {
    return this.facts?.total;
  }

  rowAt(index: number): RuleRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Asks for the pages of rows `first` to `last` (exclusive) that are neither held nor asked for. */
  ensure(first: number, last: number): void {
    // Nothing is asked before the first filter: the list may report its window before the explorer sets one.
    if (this.generation === 0) return;
    const total = this.total;
    const end = total === undefined ? Math.max(first + 1, last) : Math.min(total, last);
    for (let page = Math.floor(first / this.pageSize); page * this.pageSize < end; page++) {
      const held = this.pages.get(page);
      if (held) {
        // Recently seen pages are the last to be dropped.
        this.pages.delete(page);
        this.pages.set(page, held);
      } else if (!this.pending.has(page)) {
        void this.load(page);
      }
    }
  }

  private async load(page: number): Promise<void> {
    const generation = this.generation;
    this.pending.add(page);
    try {
      const answer = await this.fetchPage({ ...this.filter, offset: page * this.pageSize, limit: this.pageSize });
      if (generation !== this.generation) return;
      const { rows, offset: _offset, ...facts } = answer;
      this.facts = facts;
      this.pages.set(page, rows);
      this.pending.delete(page);
      while (this.pages.size > this.keptPages) this.pages.delete(this.pages.keys().next().value!);
      this.error = undefined;
    } catch (error) {
      if (generation !== this.generation) return;
      // The page stays marked as asked for: scrolling does not retry a call that fails, a new filter does.
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.onChange();
  }
}
