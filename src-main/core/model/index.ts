export type { SourceRef, TextSourceRef, SheetSourceRef } from './source-ref';
export { describeRef, isSheetRef, placeInFile } from './source-ref';
export type { Diagnostic, DiagnosticSeverity, ParseStats } from './diagnostics';
export { emptyStats } from './diagnostics';
export type { Uncertainty, UncertaintyKind } from './uncertainty';
export type { Interface, Route } from './topology';
export { NULL_ROUTE_INTERFACE } from './topology';
export type { NetworkObject, ServiceObject, ServiceObjectKind, ServiceSpec, IcmpMatch, ObjectTable } from './objects';
export type { Rule, RuleAction, RuleList, MatchBox, Placement, PlacementKind } from './rules';
export type { Firewall, FirewallBehaviour, NatStatement, TimeRange } from './firewall';
export {
  ruleListByName,
  networkObjectByName,
  serviceObjectByName,
  ruleById,
  ruleMatchSpace,
  ruleMayMatchSpace,
  referencedObjectNames,
} from './lookup';
export { firewallToJson, type FirewallJson, type Jsonified } from './to-json';
export { describePlacement } from './placement-text';
