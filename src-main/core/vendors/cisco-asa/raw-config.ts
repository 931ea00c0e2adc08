import type { AddressSet } from '../../net/index';
import type {
  Interface,
  NatStatement,
  Route,
  ServiceObjectKind,
  ServiceSpec,
  TextSourceRef,
  TimeRange,
  Uncertainty,
} from '../../model/index';
import type { ParseContext } from './context';
import type { ConfigLine } from './lines';

/** A name another definition refers to, with the line to blame if it does not exist. */
export interface MemberRef {
  name: string;
  line: ConfigLine;
  /**
   * A `name` alias written in place of an address (`network-object host REC01`): listed as a
   * member, its address already in the group's literal set. Not looked up again, since an
   * object may share the alias's title and stand for other addresses.
   */
  alias?: boolean;
}

/** A network object, group or `name` alias before nested members are flattened. */
export interface RawNetworkDef {
  name: string;
  kind: 'object' | 'group' | 'name';
  /** For a `name` alias: the address it stands for. */
  address?: string;
  ref: TextSourceRef;
  description?: string;
  literal: AddressSet;
  members: MemberRef[];
  unresolved: Uncertainty[];
}

export interface RawServiceDef {
  name: string;
  kind: ServiceObjectKind;
  isGroup: boolean;
  ref: TextSourceRef;
  description?: string;
  specs: ServiceSpec[];
  members: MemberRef[];
  unresolved: Uncertainty[];
  /** A port group's protocol as its first line says it: tcp, udp or tcp-udp. */
  portType?: string;
  /**
   * An ICMP-type group's `icmp-object` words as written. Its specs number them for ICMP; after
   * `icmp6` a name means the ICMPv6 type of that name and a number has no agreed meaning.
   */
  icmpTypeWords?: string[];
}

export interface RawAccessGroup {
  list: string;
  line: ConfigLine;
  kind: 'interface-in' | 'interface-out' | 'global';
  interface?: string;
}

/**
 * What the first pass reads. Object references and access-list entries are only resolved in
 * the second pass, when every definition is known: an ACE's meaning depends on what kind of
 * object each name is.
 */
export interface RawConfig {
  hostname?: string;
  version?: string;
  /** FTD numbers its releases 6.x/7.x but runs a 9.x LINA underneath. */
  product: 'asa' | 'pix' | 'ftd';
  interfaces: Interface[];
  routes: Route[];
  names: Map<string, RawNetworkDef>;
  networks: Map<string, RawNetworkDef>;
  services: Map<string, RawServiceDef>;
  accessListLines: ConfigLine[];
  accessGroups: RawAccessGroup[];
  /** Bridge-group numbers of member interfaces, by hardware name (`bridge-group N` under an interface). */
  bridgeGroups: Map<string, string>;
  nat: NatStatement[];
  timeRanges: TimeRange[];
  sameSecurity: { interInterface: boolean; intraInterface: boolean };
  transparent: boolean;
}

export function emptyRawConfig(): RawConfig {
  return {
    product: 'asa',
    interfaces: [],
    routes: [],
    names: new Map(),
    networks: new Map(),
    services: new Map(),
    accessListLines: [],
    accessGroups: [],
    bridgeGroups: new Map(),
    nat: [],
    timeRanges: [],
    sameSecurity: { interInterface: false, intraInterface: false },
    transparent: false,
  };
}

/** What every first-pass handler writes into. */
export interface ReadState {
  ctx: ParseContext;
  raw: RawConfig;
}
