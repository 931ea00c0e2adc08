export * from './audit-result';
export { auditSteps, runAudit, type AuditOptions, type AuditProgress } from './audit';
export { loadSource, SourceError, type LoadedSource } from './load-sources';
export { requiredFlowOf, type RequiredFlow } from './required-flow';
export { auditedFirewall, crossingsOf, type AuditedFirewall } from './firewall-path';
export { evaluateCrossing } from './crossing';
export { evaluateRules } from './rule-chain';
