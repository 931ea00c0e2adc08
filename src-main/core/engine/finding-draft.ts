import type { Finding } from './audit-result';

/** A finding before the audit numbers it (ids follow severity order over the whole audit). */
export type FindingDraft = Omit<Finding, 'id'>;
