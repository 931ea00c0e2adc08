import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../../src-main/core/engine/audit-result';
import { auditProject, compareAudits, contentOf, findingKey, sha256Of, type Project } from '../../../src-main/core/project/index';
import { app, demoProject, fixedDemoConfig } from './helpers';

function audit(project: Project, at: string): AuditResult {
  return auditProject(project, 'demo', { toolVersion: app.version, now: new Date(at) }).result;
}

function withConfig(project: Project, bytes: Buffer): Project {
  const source = project.sources[0]!;
  return { ...project, sources: [{ ...source, content: contentOf(bytes), sha256: sha256Of(bytes), bytes: bytes.byteLength }] };
}

describe('re-audit comparison', () => {
  const before = demoProject();
  const first = audit(before, '2026-11-24T10:00:00Z');
  const second = audit(withConfig(before, fixedDemoConfig()), '2026-11-25T09:00:00Z');
  const comparison = compareAudits(first, second);

  it('marks the row the change fixed, and the rows still open', () => {
    expect(first.flows.find((flow) => flow.row === 27)!.status).toBe('partial');
    expect(comparison.rows.find((row) => row.row === 27)).toMatchObject({ before: 'partial', after: 'allowed', change: 'fixed' });
    // Rows 25 (blocked) and 40 (partial) were not touched by the change.
    expect(comparison.rows.find((row) => row.row === 25)).toMatchObject({ before: 'blocked', after: 'blocked', change: 'still-open' });
    expect(comparison.rows.find((row) => row.row === 40)).toMatchObject({ change: 'still-open' });
    expect(comparison.rows.find((row) => row.row === 1)).toMatchObject({ before: 'allowed', after: 'allowed', change: 'unchanged' });
    expect(comparison.counts).toEqual({ fixed: 1, 'newly-broken': 0, 'still-open': 2, unchanged: 37 });
    expect(comparison.previous.generatedAt).toBe('2026-11-24T10:00:00Z');
  });

  it('matches findings by what they are about, not by their numbers', () => {
    const kinds = (findings: Finding[]) => findings.map((finding) => `${finding.kind} ${finding.rule?.id ?? ''}`).sort();
    // The row 27 gap and the inactive line are gone.
    expect(kinds(comparison.findings.fixed)).toEqual(['coverage-gap servers_in#9', 'disabled servers_in#4']);
    expect(comparison.findings.new).toEqual([]);
    // The F-numbers of what stays open shifted (two findings before them went away): still matched.
    const unusedObject = comparison.findings.stillOpen.find((pair) => pair.current.kind === 'unused-object')!;
    expect(unusedObject.previous.id).not.toBe(unusedObject.current.id);
    expect(comparison.findings.stillOpen).toHaveLength(first.findings.length - 2);
  });

  it('reports a row the change broke, and the finding it brought', () => {
    const broken = Buffer.from(
      fixedDemoConfig()
        .toString('utf8')
        .replace('access-list voice_in extended permit tcp object SBCE-01 object WFOS-APP01 eq sip\n', ''),
    );
    const third = audit(withConfig(before, broken), '2026-11-26T09:00:00Z');
    const result = compareAudits(second, third);
    const newlyBroken = result.rows.filter((row) => row.change === 'newly-broken');
    expect(newlyBroken.length).toBeGreaterThan(0);
    expect(newlyBroken.every((row) => row.before === 'allowed' && (row.after === 'blocked' || row.after === 'partial'))).toBe(true);
    expect(result.findings.new.some((finding) => finding.kind === 'coverage-gap' && finding.rows?.some((row) => newlyBroken.some((item) => item.row === row)))).toBe(true);
  });

  it('pairs identical findings one by one, and keys a coverage gap by its row', () => {
    const finding = (id: string, rows?: number[]): Finding => ({
      id, kind: 'coverage-gap', severity: 'high', firewall: 'fw', title: 't', detail: 'd', remediation: 'r',
      rule: { id: 'in#9', line: 9, text: 'access-list in extended  deny ip any any' }, ...(rows && { rows }),
    });
    expect(findingKey(finding('F-1', [3]))).not.toBe(findingKey(finding('F-2', [4])));
    // Whitespace in the rule text does not make it another rule.
    expect(findingKey(finding('F-1', [3]))).toBe(findingKey({ ...finding('F-9', [3]), rule: { id: 'in#10', line: 10, text: 'access-list in extended deny ip any any' } }));

    const base = { ...first, findings: [finding('F-1', [3]), finding('F-2', [3])] };
    const result = compareAudits(base, { ...base, findings: [finding('F-7', [3])] });
    expect(result.findings.stillOpen).toHaveLength(1);
    expect(result.findings.fixed.map((item) => item.id)).toEqual(['F-2']);
  });

  it('counts a row the site no longer deploys as unchanged, not fixed', () => {
    const current = { ...first, flows: first.flows.map((flow) => (flow.row === 25 ? { ...flow, status: 'not-applicable' as const } : flow)) };
    expect(compareAudits(first, current).rows.find((row) => row.row === 25)!.change).toBe('unchanged');
  });
});
