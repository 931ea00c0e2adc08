import { describe, expect, it } from 'vitest';
import type { RulePage, RulePageRequest, RuleRow } from '../../../src-main/core/project/rule-explorer-schema';
import { EMPTY_RULE_FILTER, ruleCountText, ruleFilterOf, ruleWhere } from '../../../src-renderer/lib/rule-explorer-view';
import { movedSelection, scrollToShow, visibleRange } from '../../../src-renderer/lib/rule-list-window';
import { RulePageCache } from '../../../src-renderer/lib/rule-page-cache';

describe('the virtual list window', () => {
  it('puts the rows in view and a few either side in the DOM, never past the ends', () => {
    expect(visibleRange(0, 260, 26, 100_000, 8)).toEqual({ first: 0, last: 18 });
    expect(visibleRange(26 * 5_000, 260, 26, 100_000, 8)).toEqual({ first: 4_992, last: 5_018 });
    expect(visibleRange(26 * 99_990, 260, 26, 100_000, 8)).toEqual({ first: 99_982, last: 100_000 });
    expect(visibleRange(0, 260, 26, 3, 8)).toEqual({ first: 0, last: 3 });
    expect(visibleRange(500, 260, 26, 0, 8)).toEqual({ first: 0, last: 0 });
  });

  it('moves the selection by key, within the list', () => {
    expect(movedSelection('ArrowDown', 4, 10, 5)).toBe(5);
    expect(movedSelection('ArrowUp', 0, 10, 5)).toBe(0);
    expect(movedSelection('PageDown', 4, 10, 5)).toBe(8);
    expect(movedSelection('PageDown', 8, 10, 5)).toBe(9);
    expect(movedSelection('PageUp', 3, 10, 5)).toBe(0);
    expect(movedSelection('End', 0, 100_000, 20)).toBe(99_999);
    expect(movedSelection('Home', 500, 100_000, 20)).toBe(0);
    expect(movedSelection('ArrowDown', undefined, 10, 5)).toBe(0);
    expect(movedSelection('End', undefined, 10, 5)).toBe(9);
    expect(movedSelection('ArrowDown', undefined, 0, 5)).toBeUndefined();
  });

  it('scrolls as little as shows the selected row whole', () => {
    expect(scrollToShow(10, 0, 260, 26)).toBe(26);
    expect(scrollToShow(3, 0, 260, 26)).toBe(0);
    expect(scrollToShow(3, 200, 260, 26)).toBe(78);
  });
});

describe('the filter form', () => {
  it('leaves out what is left at "any"', () => {
    expect(ruleFilterOf(EMPTY_RULE_FILTER)).toEqual({ order: 'file' });
    expect(ruleFilterOf({ ...EMPTY_RULE_FILTER, text: '  voice ', action: 'deny', minSeverity: 'high', order: 'severity' })).toEqual({ text: 'voice', action: 'deny', minSeverity: 'high', order: 'severity' });
  });

  it('says the counts and where a rule is', () => {
    expect(ruleCountText(100_021, 100_021)).toBe('100,021 rules');
    expect(ruleCountText(4, 18)).toBe('4 of 18 rules');
    expect(ruleWhere({ line: 136 })).toBe('136');
    expect(ruleWhere({ sheet: 'Policies', row: 14 })).toBe('Policies!14');
  });
});

function fakeRow(index: number): RuleRow {
  return { index, sourceId: 's', firewall: 'fw', ruleId: `acl#${index + 1}`, list: 'acl', line: index + 10, text: `rule ${index}`, action: 'permit', enabled: true, matrixRows: [], findings: [] };
}

/** A main process that answers only when told, so answers can arrive late and out of order. */
function slowServer(total: number) {
  const waiting: { request: RulePageRequest; answer: () => void; fail: (error: Error) => void }[] = [];
  const fetch = (request: RulePageRequest) =>
    new Promise<RulePage>((resolve, reject) => {
      const rows = Array.from({ length: Math.max(0, Math.min(request.limit, total - request.offset)) }, (_, at) => fakeRow(request.offset + at));
      waiting.push({ request, answer: () => resolve({ offset: request.offset, total, unfiltered: total, rows, firewalls: [], kinds: [], stale: false }), fail: reject });
    });
  return { fetch, waiting };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the rule page cache', () => {
  it('asks for each page once, as the window reaches it, and holds what came back', async () => {
    const server = slowServer(100_000);
    let changes = 0;
    const cache = new RulePageCache(server.fetch, () => changes++, 100);
    cache.setFilter({ order: 'file' });
    cache.ensure(0, 1);
    cache.ensure(0, 40);
    expect(server.waiting.map((item) => [item.request.offset, item.request.limit])).toEqual([[0, 100]]);
    server.waiting[0]!.answer();
    await settle();
    expect(cache.total).toBe(100_000);
    expect(cache.rowAt(42)?.ruleId).toBe('acl#43');
    expect(cache.rowAt(142)).toBeUndefined();
    cache.ensure(90, 230);
    expect(server.waiting.slice(1).map((item) => item.request.offset)).toEqual([100, 200]);
    cache.ensure(99_990, 100_000);
    expect(server.waiting.at(-1)!.request).toMatchObject({ offset: 99_900, limit: 100 });
    expect(changes).toBeGreaterThan(1);
  });

  it('ignores an answer to a filter that is no longer the one shown', async () => {
    const server = slowServer(1_000);
    const cache = new RulePageCache(server.fetch, () => undefined, 100);
    cache.setFilter({ text: 'old' });
    cache.ensure(0, 1);
    cache.setFilter({ text: 'new' });
    cache.ensure(0, 1);
    expect(server.waiting.map((item) => item.request.text)).toEqual(['old', 'new']);
    server.waiting[0]!.answer();
    await settle();
    expect(cache.total).toBeUndefined();
    expect(cache.rowAt(0)).toBeUndefined();
    server.waiting[1]!.answer();
    await settle();
    expect(cache.total).toBe(1_000);
  });

  it('keeps a bounded number of pages, dropping the least recently seen', async () => {
    const server = slowServer(10_000);
    const cache = new RulePageCache(server.fetch, () => undefined, 100, 3);
    cache.setFilter({});
    for (const offset of [0, 1_000, 2_000]) cache.ensure(offset, offset + 1);
    server.waiting.forEach((item) => item.answer());
    await settle();
    cache.ensure(0, 1); // seen again: the page at 1,000 is now the oldest
    cache.ensure(5_000, 5_001);
    server.waiting.at(-1)!.answer();
    await settle();
    expect(cache.rowAt(0)).toBeDefined();
    expect(cache.rowAt(1_000)).toBeUndefined();
    expect(cache.rowAt(5_000)).toBeDefined();
  });

  it('says why a page failed and does not ask again until the filter changes', async () => {
    const server = slowServer(1_000);
    const cache = new RulePageCache(server.fetch, () => undefined, 100);
    cache.setFilter({});
    cache.ensure(0, 1);
    server.waiting[0]!.fail(new Error('no audit is open'));
    await settle();
    expect(cache.error).toBe('no audit is open');
    cache.ensure(0, 1);
    expect(server.waiting).toHaveLength(1);
    cache.setFilter({});
    cache.ensure(0, 1);
    expect(server.waiting).toHaveLength(2);
  });
});
