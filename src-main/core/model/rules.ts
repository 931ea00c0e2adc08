import type { FlowBox } from '../net/index';
import type { IcmpMatch } from './objects';
import type { SourceRef } from './source-ref';
import type { Uncertainty } from './uncertainty';

/** A FlowBox that may also be narrowed to one ICMP type, which FlowBox itself cannot say. */
export interface MatchBox extends FlowBox {
  icmp?: IcmpMatch;
}

export type RuleAction = 'permit' | 'deny';

export interface Rule {
  /** `<list>#<position>`, e.g. "outside_in#3": stable across runs and readable in reports. */
  id: string;
  list: string;
  /** 1-based among the list's rules (remarks do not count). */
  position: number;
  /**
   * 1-based position as the device numbers the list's lines, remarks included (ASA `show
   * access-list` line N); absent where the vendor has no such numbering. Remediation that
   * inserts by line number uses this, never `position`.
   */
  listLine?: number;
  action: RuleAction;
  /**
   * What the rule certainly matches: exactly what it matches when `unresolved` is empty. With
   * unresolved parts it is the part known for sure (empty when nothing is).
   */
  match: MatchBox[];
  /**
   * Only when `unresolved` is not empty: everything the rule might match, each unresolved part
   * taken as "anything". Flows in here but not in `match` get the answer "unknown".
   */
  mayMatch?: MatchBox[];
  /**
   * How the rule was written: `match` already has any negation applied, these only tell
   * remediation text which fields the customer negated.
   */
  negated: { sources: boolean; destinations: boolean; services: boolean };
  /** False for ASA `inactive` or a disabled policy: the rule is in the file but matches nothing. */
  enabled: boolean;
  logging: boolean;
  /** Remarks written above the rule (a rule export's comment column), joined with newlines. */
  comment?: string;
  /** The rule's own name where the source gives one (policy exports do; ASA lines do not). */
  name?: string;
  /**
   * Zones (or interfaces) the rule is written for, as the source names them: it filters only
   * traffic entering from one of `fromZones` and leaving by one of `toZones`. Absent means
   * any zone. ASA lists are placed on interfaces instead, so their rules have none, except
   * FTD entries that name interfaces with `ifc`.
   */
  fromZones?: string[];
  toZones?: string[];
  /**
   * A host firewall's rule for traffic reaching the host (`in`) or leaving it (`out`), as its
   * export says; absent means both ways, as every network firewall's rule.
   */
  direction?: 'in' | 'out';
  timeRange?: string;
  /** Why the match is not exact; empty when it is. */
  unresolved: Uncertainty[];
  /** Things worth knowing that do not change the match (time-range, source form quirks). */
  notes: string[];
  /** Names of objects and groups the rule refers to, as written. */
  referencedObjects: string[];
  ref: SourceRef;
}

export type PlacementKind = 'interface-in' | 'interface-out' | 'global' | 'zone-pair' | 'host';

/** Where a list filters traffic; a list with no placement filters nothing. */
export interface Placement {
  kind: PlacementKind;
  interface?: string;
  fromZone?: string;
  toZone?: string;
  ref?: SourceRef;
}

export interface RuleList {
  name: string;
  rules: Rule[];
  appliedAt: Placement[];
  /** Remarks after the last rule, kept so nothing the customer wrote is lost. */
  trailingComments: string[];
}
