export { IntervalSet, type ClosedInterval } from './interval-set';
export { PortSet, PortParseError, MAX_PORT } from './port-set';
export type { NumberRange } from './number-range-set';
export { AddressSet, AddressParseError, type IpFamily } from './address-set';
export {
  longestPrefixMatch,
  partitionByLongestPrefix,
  type Prefix,
  type PrefixEntry,
  type PrefixPart,
  type PrefixSpec,
} from './lpm';
export { ProtocolSet, ProtocolParseError, parseProtocol, TCP, UDP, ICMP, ICMP6 } from './protocol-set';
export { FlowSpace, type FlowBox, type FlowPacket } from './flow-space';
export { anyBoxesOverlap, boxesOverlap } from './flow-box';
