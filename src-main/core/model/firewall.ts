import type { Diagnostic, ParseStats } from './diagnostics';
import type { ObjectTable } from './objects';
import type { RuleList } from './rules';
import type { SourceRef } from './source-ref';
import type { Interface, Route } from './topology';

/**
 * Address translation as written. It is recorded, not applied: ASA 8.3+ rules match real
 * (untranslated) addresses, and the report shows NAT next to the rules it concerns.
 */
export interface NatStatement {
  /** 'object' is NAT inside `object network`; 'twice' is a top-level manual NAT line. */
  kind: 'object' | 'twice' | 'legacy';
  realInterface?: string;
  mappedInterface?: string;
  /** The network object the statement belongs to (object NAT). */
  objectName?: string;
  /**
   * Names of the objects and groups the statement refers to, as written and in order: mapped
   * objects and pools, twice NAT's source, destination and service objects. `objectName` is
   * not repeated here. Empty for pre-8.3 NAT, which has no objects.
   */
  referencedObjects: string[];
  ref: SourceRef;
}

export interface TimeRange {
  name: string;
  /** The `absolute` / `periodic` lines as written. */
  entries: string[];
  ref: SourceRef;
}

/** What happens to traffic no rule list decides: the vendor's built-in policy. */
export interface FirewallBehaviour {
  sameSecurityTraffic: { interInterface: boolean; intraInterface: boolean };
  /**
   * Traffic entering an interface with no list applied (in either the interface or global
   * position): ASA allows it from a higher to a lower security level and drops the rest.
   */
  defaultAction: 'security-level' | 'permit' | 'deny';
  /** Reached the end of the applied lists without a match. */
  implicitAction: 'permit' | 'deny';
  /** Layer-2 firewall: interfaces bridge one subnet, so routes say little about placement. */
  transparent: boolean;
}

/** One parsed firewall source (a configuration file or a rule export). */
export interface Firewall {
  /** Registry id of the parser that produced it, e.g. "cisco-asa". */
  vendor: string;
  file: string;
  hostname?: string;
  version?: string;
  interfaces: Interface[];
  routes: Route[];
  objects: ObjectTable;
  ruleLists: RuleList[];
  nat: NatStatement[];
  timeRanges: TimeRange[];
  behaviour: FirewallBehaviour;
  diagnostics: Diagnostic[];
  stats: ParseStats;
}
