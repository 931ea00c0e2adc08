import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentAudits } from '../../../src-main/core/project/index';
import { tempDir } from './helpers';

const entry = (n: number) => ({ path: `/projects/site-${n}.wfosaudit`, customer: `Customer ${n}`, site: `Site ${n}`, savedAt: `2026-11-${String(n).padStart(2, '0')}T10:00:00.000Z` });

describe('recent audits', () => {
  it('lists the last saved first, each once, and at most a dozen', async () => {
    const recent = new RecentAudits(join(tempDir(), 'config', 'recent-audits.json'));
    expect(await recent.list()).toEqual([]);
    for (let n = 1; n <= MAX_RECENT + 3; n++) await recent.remember(entry(n));
    await recent.remember(entry(14));
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toEqual(entry(14));
    expect(list.filter((item) => item.path === entry(14).path)).toHaveLength(1);
    await recent.forget(entry(14).path);
    expect((await recent.list())[0]).toEqual(entry(15));
  });

  it('reads a damaged list as empty and replaces it on the next save', async () => {
    const file = join(tempDir(), 'recent-audits.json');
    writeFileSync(file, '{"format": "wfos-audit/recent", "entries": [ {"path": ');
    const recent = new RecentAudits(file);
    expect(await recent.list()).toEqual([]);
    await recent.remember(entry(1));
    expect(await recent.list()).toEqual([entry(1)]);
  });
});
