import type { AddressSet, PortSet } from '../../net/index';
import type { RuleAction, ServiceSpec, Uncertainty } from '../../model/index';
import type { Bound } from '../../model/match-building';

/** An ACE the second pass has read, still as lower/upper bounds per part. */
export interface ParsedEntry {
  action: RuleAction;
  sources: Bound<AddressSet>;
  destinations: Bound<AddressSet>;
  services: Bound<ServiceSpec[]>;
  sourcePorts?: Bound<PortSet>;
  destinationPorts?: Bound<PortSet>;
  /** Conditions outside the packet (user identity, ingress interface): nothing is matched for certain. */
  conditional: boolean;
  logging: boolean;
  enabled: boolean;
  timeRange?: string;
  /** FTD `ifc NAME` before the source: only traffic entering by that interface. */
  ingressInterfaces?: string[];
  /** FTD `ifc NAME` before the destination: only traffic leaving by that interface. */
  egressInterfaces?: string[];
  /** FTD `rule-id N`: the Firepower rule the entry was compiled from. */
  ruleId?: string;
  referencedObjects: string[];
  unresolved: Uncertainty[];
  /** Errors (undefined names) and warnings for the line, without the line number. */
  problems: { severity: 'error' | 'warning' | 'info'; message: string }[];
}

/** The line cannot be read as an ACE at all. */
export class EntrySyntaxError extends Error {
  override name = 'EntrySyntaxError';
}
