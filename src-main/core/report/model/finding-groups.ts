import type { Finding } from '../../engine/audit-result';

/** The kinds the contract calls over-permissive: the rule opens more than the matrix needs. */
export const OVER_PERMISSIVE_KINDS: ReadonlySet<string> = new Set(['any-any', 'any-service', 'broad-source', 'broad-destination', 'broad-ports', 'unjustified']);

export const COVERAGE_GAP_KIND = 'coverage-gap';

export type FindingGroup = 'coverage' | 'over-permissive' | 'hygiene';

/**
 * Which report section a finding belongs to. Kinds the engine adds later land in hygiene,
 * where every finding is still listed, rather than disappearing from the report.
 */
export function groupOf(finding: Pick<Finding, 'kind'>): FindingGroup {
  if (finding.kind === COVERAGE_GAP_KIND) return 'coverage';
  return OVER_PERMISSIVE_KINDS.has(finding.kind) ? 'over-permissive' : 'hygiene';
}
