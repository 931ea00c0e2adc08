import { createWorkspace } from './bench-workspace';
import { ms } from './figures-table';
import { runPhase } from './phase-runner';

/** Smaller copies of the bench config, audited when the full one misses its target. */
const SCALES = [0.02, 0.05, 0.1];

export interface ScalePoint {
  scale: number;
  entries: number;
  /** runAudit alone; undefined when it did not finish or failed. */
  auditMs?: number;
  note?: string;
}

/**
 * How the audit's time grows with the number of entries: a missed target on the full config
 * says little on its own, a growth exponent says where to look (2 or more is a quadratic walk).
 */
export async function auditScaling(repoRoot: string, limitSeconds: number): Promise<ScalePoint[]> {
  const points: ScalePoint[] = [];
  for (const scale of SCALES) {
    const workspace = createWorkspace(repoRoot, scale);
    try {
      const outcome = await runPhase(repoRoot, { phase: 'audit', configPath: workspace.configPath, sitePath: workspace.sitePath, repeats: 1, limitSeconds });
      const entries = workspace.generated.counts.accessListEntries;
      if (outcome.timedOut) {
        points.push({ scale, entries, note: `stopped after ${limitSeconds} s` });
        break;
      }
      points.push(outcome.stagesMs?.runAudit !== undefined ? { scale, entries, auditMs: outcome.stagesMs.runAudit } : { scale, entries, note: outcome.error ?? 'no figure' });
    } finally {
      workspace.remove();
    }
  }
  return points;
}

export function formatScaling(points: readonly ScalePoint[]): string {
  const lines = points.map((point, index) => {
    const previous = points[index - 1];
    let growth = '';
    if (point.auditMs !== undefined && previous?.auditMs !== undefined) {
      const exponent = Math.log(point.auditMs / previous.auditMs) / Math.log(point.entries / previous.entries);
      growth = `  (time ∝ entries^${exponent.toFixed(2)} from the line above)`;
    }
    return `  ${String(point.entries).padStart(6)} entries: runAudit ${point.auditMs === undefined ? point.note ?? '?' : ms(point.auditMs)}${growth}`;
  });
  return ['Audit time against list length (same generator, smaller scale):', ...lines].join('\n');
}
