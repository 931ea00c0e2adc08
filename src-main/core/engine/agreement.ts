import { FlowSpace } from '../net/index';
import type { Outcome } from './verdict';

/** One of the ways a firewall may meet a flow: entering by one interface, at one time of day. */
export interface OutcomeCase {
  /** How the reason names it: "entering by outside", "while BUSINESS-HOURS is in force". */
  label: string;
  outcome: Outcome;
}

/**
 * One outcome from the outcomes of every case the flow may meet: permitted or denied where
 * all agree. Where they differ it is unknown when which case holds is not known (the ingress
 * interface), and denied when every case will hold in turn (the times of day: a flow that is
 * denied at some hours is not covered), with the permits that let it through only sometimes.
 * Each deciding rule is kept for the part it decided.
 */
export function agreedOutcome(cases: readonly OutcomeCase[], space: FlowSpace, explain: { why: string; deciders: string; advice?: string; disputed?: 'unknown' | 'denied' }): Outcome {
  const permitted = cases.reduce((agreed, { outcome }) => agreed.intersect(outcome.permitted), space);
  if (explain.disputed === 'denied') return deniedWhereDisputed(cases, space, permitted);
  const denied = cases.reduce((agreed, { outcome }) => agreed.intersect(outcome.denied), space);
  const unknown = space.subtract(permitted).subtract(denied);
  const decisions = certainDecisions(cases, permitted, denied);
  const unknownReasons = [...new Set(cases.flatMap(({ outcome }) => outcome.unknownReasons))];
  if (!unknown.isEmpty()) {
    const fates = cases.map(({ label, outcome }) => `${label}, ${fateOf(outcome, unknown)}`);
    unknownReasons.push(`${explain.why}, and ${explain.deciders} decide ${unknown.toString()} differently: ${fates.join('; ')}${explain.advice ? `; ${explain.advice}` : ''}`);
  }
  return { permitted, denied, unknown, decisions, unknownReasons, inactiveMatches: cases.flatMap(({ outcome }) => outcome.inactiveMatches) };
}

function deniedWhereDisputed(cases: readonly OutcomeCase[], space: FlowSpace, permitted: FlowSpace): Outcome {
  const unknown = cases.reduce((any, { outcome }) => any.union(outcome.unknown), FlowSpace.empty()).subtract(permitted);
  const denied = space.subtract(permitted).subtract(unknown);
  const partTimePermits = cases.flatMap(({ label, outcome }) =>
    outcome.decisions.flatMap((decision) => {
      const sometimes = decision.space.intersect(denied);
      return decision.decider.kind === 'rule' && decision.action === 'permit' && !sometimes.isEmpty() ? [{ rule: decision.decider.rule, space: sometimes, when: label }] : [];
    }),
  );
  return {
    permitted,
    denied,
    unknown,
    decisions: certainDecisions(cases, permitted, denied),
    unknownReasons: [...new Set(cases.flatMap(({ outcome }) => outcome.unknownReasons))],
    inactiveMatches: cases.flatMap(({ outcome }) => outcome.inactiveMatches),
    ...(partTimePermits.length > 0 && { partTimePermits }),
  };
}

/** Each case's decisions kept for the part that ends up decided their way. */
function certainDecisions(cases: readonly OutcomeCase[], permitted: FlowSpace, denied: FlowSpace): Outcome['decisions'] {
  return cases.flatMap(({ outcome }) =>
    outcome.decisions.flatMap((decision) => {
      const certain = decision.space.intersect(decision.action === 'permit' ? permitted : denied);
      return certain.isEmpty() ? [] : [{ ...decision, space: certain }];
    }),
  );
}

/** "443/tcp permitted, 80/tcp denied": what one case does with the disputed part. */
function fateOf(outcome: Outcome, disputed: FlowSpace): string {
  const parts = [
    [outcome.permitted, 'permitted'],
    [outcome.denied, 'denied'],
    [outcome.unknown, 'unknown'],
  ] as const;
  return parts
    .map(([space, fate]) => [space.intersect(disputed), fate] as const)
    .filter(([space]) => !space.isEmpty())
    .map(([space, fate]) => `${portsOf(space)} ${fate}`)
    .join(', ');
}

function portsOf(space: FlowSpace): string {
  return space
    .boxes()
    .map((box) => `${box.destinationPorts.toString()}/${box.protocols.toString()}`)
    .join(', ');
}
