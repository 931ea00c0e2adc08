import { describe, expect, it } from 'vitest';
import { auditProject, contentOf, sha256Of, sourceFromFile, type Project } from '../../../src-main/core/project/index';
import { RuleExplorer } from '../../../src-main/core/project/rule-explorer';
import { MAX_RULE_PAGE, rulePageRequestSchema, type RuleFilter } from '../../../src-main/core/project/rule-explorer-schema';
import { generateAsaConfig } from '../../bench/generate-asa';
import { app, demoProject, fixedDemoConfig, NOW } from './helpers';

function audited(project: Project): Project {
  return { ...project, audit: auditProject(project, 'demo', { toolVersion: app.version, now: new Date(NOW) }) };
}

const demo = audited(demoProject());
const DEMO_RULES = 18;

function pageOf(project: Project, filter: RuleFilter = {}, offset = 0, limit = 100) {
  return new RuleExplorer().page(project, { ...filter, offset, limit });
}

describe('rule explorer: the index', () => {
  it('lists every rule of the demo firewall list by list, in evaluation order, with its line and text', () => {
    const page = pageOf(demo);
    expect(page).toMatchObject({ total: DEMO_RULES, unfiltered: DEMO_RULES, offset: 0, stale: false });
    expect(page.firewalls).toEqual([{ sourceId: demo.sources[0]!.id, name: 'dal-dc-fw01', rules: DEMO_RULES }]);
    expect(page.rows.map((row) => row.index)).toEqual([...Array(DEMO_RULES).keys()]);
    expect(page.rows.map((row) => row.line)).toEqual([120, 122, 123, 125, 126, 128, 129, 131, 133, 134, 135, 136, 138, 139, 141, 142, 144, 145]);
    expect(page.rows[0]).toMatchObject({
      firewall: 'dal-dc-fw01',
      ruleId: 'inside_in#1',
      list: 'inside_in',
      text: 'access-list inside_in extended permit tcp object AGENTS object WFOS-WEB01 object-group WFOS-AGENT-WEB',
      action: 'permit',
      enabled: true,
    });
    expect(page.rows.find((row) => row.line === 129)).toMatchObject({ ruleId: 'servers_in#4', enabled: false });
  });

  it('attaches each finding to the rule it cites, and an unused object to no rule', () => {
    const rows = pageOf(demo).rows;
    const findingsAt = (line: number) => rows.find((row) => row.line === line)!.findings.map((finding) => `${finding.id} ${finding.kind} ${finding.severity}`);
    expect(findingsAt(123)).toEqual(['F-0001 any-any critical']);
    expect(findingsAt(144)).toEqual(['F-0002 unjustified critical']);
    expect(findingsAt(122)).toEqual(['F-0003 any-service high']);
    // Most severe first.
    expect(findingsAt(136)).toEqual(['F-0004 coverage-gap high', 'F-0006 coverage-gap medium']);
    expect(findingsAt(129)).toEqual(['F-0010 disabled info']);
    expect(findingsAt(138)).toEqual([]);
    const attached = rows.flatMap((row) => row.findings.map((finding) => finding.id));
    expect(attached).not.toContain('F-0009');
    expect(new Set(attached).size).toBe(demo.audit!.result.findings.length - 1);
  });

  it('says which matrix rows each rule decided, from the audit traces', () => {
    const rows = pageOf(demo).rows;
    // Row 27 (CTI Adapter → AES) is permitted in part by line 128 and denied in part by line 136.
    expect(rows.find((row) => row.line === 128)!.matrixRows).toContain(27);
    expect(rows.find((row) => row.line === 136)!.matrixRows).toEqual(expect.arrayContaining([25, 27]));
    expect(rows.find((row) => row.line === 126)!.matrixRows).toEqual([]);
  });
});

describe('rule explorer: paging', () => {
  it('answers the last rows at the end, and none past it', () => {
    const end = pageOf(demo, {}, 15, 10);
    expect(end.rows.map((row) => [row.index, row.line])).toEqual([[15, 142], [16, 144], [17, 145]]);
    expect(end.total).toBe(DEMO_RULES);
    const past = pageOf(demo, {}, DEMO_RULES, 10);
    expect(past).toMatchObject({ total: DEMO_RULES, offset: DEMO_RULES, rows: [] });
    expect(pageOf(demo, {}, 5000, 10).rows).toEqual([]);
  });

  it('refuses a page larger than the limit at the edge', () => {
    expect(rulePageRequestSchema.safeParse({ offset: 0, limit: MAX_RULE_PAGE }).success).toBe(true);
    expect(rulePageRequestSchema.safeParse({ offset: 0, limit: MAX_RULE_PAGE + 1 }).success).toBe(false);
    expect(rulePageRequestSchema.safeParse({ offset: -1, limit: 10 }).success).toBe(false);
    expect(rulePageRequestSchema.safeParse({ offset: 0, limit: 10, everything: true }).success).toBe(false);
  });

  it('pages a generated firewall of thousands of rules to its last access-list line', () => {
    const generated = generateAsaConfig(0.05);
    const { source } = sourceFromFile('dal-dc-fw02.txt', Buffer.from(generated.text), { now: NOW });
    const project = { ...demo, sources: [...demo.sources, source] };
    const explorer = new RuleExplorer();
    const first = explorer.page(project, { sourceId: source.id, offset: 0, limit: MAX_RULE_PAGE });
    expect(first.total).toBe(generated.counts.accessListEntries);
    expect(first.rows).toHaveLength(MAX_RULE_PAGE);
    expect(first.stale).toBe(true);
    const last = explorer.page(project, { sourceId: source.id, offset: first.total - 3, limit: MAX_RULE_PAGE });
    expect(last.rows).toHaveLength(3);
    const lines = generated.text.split('\n');
    const lastEntry = lines.findLastIndex((line) => line.startsWith('access-list ') && !line.includes(' remark ')) + 1;
    expect(last.rows.at(-1)).toMatchObject({ index: first.total - 1, line: lastEntry, text: lines[lastEntry - 1], firewall: 'dal-dc-fw02' });
    // Both firewalls together: the demo's rules first, then the generated ones.
    expect(explorer.page(project, { offset: 0, limit: 1 })).toMatchObject({ total: DEMO_RULES + first.total, rows: [{ firewall: 'dal-dc-fw01' }] });
  });
});

describe('rule explorer: filters and order', () => {
  const lines = (filter: RuleFilter) => pageOf(demo, filter).rows.map((row) => row.line);

  it('searches the rule text and list name, whatever the case', () => {
    expect(lines({ text: 'VOICE_IN' })).toEqual([138, 139, 141, 142]);
    expect(lines({ text: '  eq 1433 ' })).toEqual([125, 126]);
    expect(pageOf(demo, { text: 'outside_in' }).unfiltered).toBe(DEMO_RULES);
  });

  it('narrows by action, by findings, by kind and by severity', () => {
    expect(lines({ action: 'deny' })).toEqual([136, 142, 145]);
    expect(lines({ withFindings: true })).toEqual([122, 123, 126, 129, 134, 136, 142, 144]);
    expect(lines({ kind: 'coverage-gap' })).toEqual([136, 142]);
    expect(lines({ minSeverity: 'high' })).toEqual([122, 123, 136, 144]);
    // Kind and severity ask about the same finding: line 136's high finding is a coverage gap, line 122's is not.
    expect(lines({ kind: 'coverage-gap', minSeverity: 'high' })).toEqual([136]);
    expect(lines({ action: 'deny', kind: 'coverage-gap', text: 'voice' })).toEqual([142]);
    expect(pageOf(demo).kinds).toEqual(['any-any', 'any-service', 'coverage-gap', 'disabled', 'shadowed', 'unjustified']);
  });

  it('answers an empty page with a total of none when nothing matches', () => {
    expect(pageOf(demo, { text: 'no such rule anywhere' })).toMatchObject({ total: 0, unfiltered: DEMO_RULES, rows: [] });
    expect(pageOf(demo, { sourceId: 'not-a-source' })).toMatchObject({ total: 0, unfiltered: 0, rows: [] });
  });

  it('orders by the most severe finding, then as in the file', () => {
    const ordered = pageOf(demo, { order: 'severity' }).rows;
    expect(ordered.slice(0, 6).map((row) => row.line)).toEqual([123, 144, 122, 136, 134, 142]);
    expect(ordered.map((row) => row.index)).toEqual([...Array(DEMO_RULES).keys()]);
    expect(ordered.at(-1)!.findings).toEqual([]);
  });
});

describe('rule explorer: one rule in full', () => {
  const explorer = new RuleExplorer();
  const sourceId = demo.sources[0]!.id;

  it('gives the findings with remediation, where the list applies and the configuration around the line', () => {
    const detail = explorer.detail(demo, { sourceId, ruleId: 'servers_in#9' });
    expect(detail).toMatchObject({ line: 136, action: 'deny', appliedAt: ['in on servers'], fileName: 'dal-dc-fw01.txt', matrixRows: expect.arrayContaining([25, 27]) });
    expect(detail.findings.map((finding) => finding.id)).toEqual(['F-0004', 'F-0006']);
    expect(detail.findings[0]!.remediation).not.toBe('');
    const shown = detail.excerpts.flatMap((excerpt) => excerpt.lines);
    expect(shown[0]!.number).toBe(130);
    expect(shown.at(-1)!.number).toBe(142);
    expect(shown.filter((line) => line.mark)).toEqual([{ number: 136, text: 'access-list servers_in extended deny ip any any log', mark: 'deny' }]);
  });

  it('marks an inactive rule as inactive', () => {
    const detail = explorer.detail(demo, { sourceId, ruleId: 'servers_in#4' });
    expect(detail.excerpts[0]!.lines.find((line) => line.mark)).toMatchObject({ number: 129, mark: 'inactive' });
  });

  it('says when the rule is not there', () => {
    expect(() => explorer.detail(demo, { sourceId, ruleId: 'servers_in#99' })).toThrow(/servers_in#99 is no longer/);
  });
});

describe('rule explorer: the index follows the audit', () => {
  it('shows the findings of a new audit once it has run, and calls an audit of other sources stale', () => {
    const explorer = new RuleExplorer();
    const inactiveLine = (project: Project) => explorer.page(project, { text: 'AES-TSAPI-LEGACY', offset: 0, limit: 10 });
    expect(inactiveLine(demo).rows[0]!.findings.map((finding) => finding.kind)).toEqual(['disabled']);

    const bytes = fixedDemoConfig();
    const fixedSources = [{ ...demo.sources[0]!, content: contentOf(bytes), sha256: sha256Of(bytes), bytes: bytes.byteLength }];
    const edited: Project = { ...demo, sources: fixedSources };
    // The old audit's findings, on the edited configuration: stale.
    expect(inactiveLine(edited)).toMatchObject({ stale: true });
    const reaudited = audited(edited);
    const page = inactiveLine(reaudited);
    expect(page.stale).toBe(false);
    expect(page.rows[0]).toMatchObject({ enabled: true, findings: [] });
    // A site edited since the audit keeps the sources, and the index, but makes the findings stale.
    expect(inactiveLine({ ...reaudited, site: { ...reaudited.site, ephemeralPorts: '49152-65535' } }).stale).toBe(true);
  });

  it('lists the rules without findings before any audit', () => {
    const page = pageOf(demoProject(), { withFindings: true });
    expect(page).toMatchObject({ total: 0, unfiltered: DEMO_RULES, kinds: [], stale: false });
  });
});
