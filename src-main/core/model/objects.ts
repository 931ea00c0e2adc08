import type { AddressSet, PortSet, ProtocolSet } from '../net/index';
import type { SourceRef } from './source-ref';
import type { Uncertainty } from './uncertainty';

/**
 * A named address object or group, already flattened: `addresses` is what a rule naming it
 * matches. `members` keeps the names it was built from so hygiene checks (unused objects) and
 * remediation can speak the customer's vocabulary.
 */
export interface NetworkObject {
  name: string;
  /** 'name' is the ASA `name A NAME` alias, which rules can use like a host. */
  kind: 'object' | 'group' | 'name';
  addresses: AddressSet;
  /** Names of the objects and groups it refers to, in the order written. */
  members: string[];
  /** Parts that could not be turned into addresses (FQDNs, undefined members, cycles). */
  unresolved: Uncertainty[];
  description?: string;
  ref: SourceRef;
}

export interface IcmpMatch {
  type: number;
  code?: number;
}

/** One protocol with its ports: the unit service objects are made of. */
export interface ServiceSpec {
  protocols: ProtocolSet;
  sourcePorts: PortSet;
  destinationPorts: PortSet;
  /** Only ICMP of this type (and code); FlowBox cannot express it, so rules carry an uncertainty. */
  icmp?: IcmpMatch;
}

export type ServiceObjectKind =
  /** Protocols with ports, usable where a rule names its protocol. */
  | 'service'
  /** Ports only (ASA `object-group service N tcp`): used after an address as source or destination ports. */
  | 'port'
  | 'protocol'
  | 'icmp-type';

export interface ServiceObject {
  name: string;
  kind: ServiceObjectKind;
  /** Defined with `object service` (single) or as a group. */
  isGroup: boolean;
  /** For 'port' objects the ports sit in destinationPorts; a rule using them as source ports moves them. */
  services: ServiceSpec[];
  members: string[];
  unresolved: Uncertainty[];
  description?: string;
  ref: SourceRef;
}

export interface ObjectTable {
  networks: NetworkObject[];
  services: ServiceObject[];
}
