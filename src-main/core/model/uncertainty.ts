/**
 * Why a match (or an object's address set) is not known exactly. The engine answers
 * "unknown" wherever one of these touches a flow instead of guessing.
 */
export interface Uncertainty {
  kind: UncertaintyKind;
  /** The object, port or construct the reason is about, when there is one. */
  name?: string;
  reason: string;
}

export type UncertaintyKind =
  | 'fqdn'
  | 'undefined-reference'
  | 'reference-cycle'
  | 'unknown-port'
  | 'unknown-protocol'
  | 'interface-address'
  | 'identity'
  | 'icmp-type'
  /** A rule written for zones, met by a flow whose zones are not known. */
  | 'zone'
  | 'unsupported';
