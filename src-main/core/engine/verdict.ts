import type { Rule, SourceRef } from '../model/index';
import type { FlowSpace } from '../net/index';

/**
 * What decided a part of a flow: a rule of the configuration, or the firewall's built-in
 * behaviour (the implicit deny at the end of a list, security levels), which still points at
 * the line that set it up where there is one.
 */
export type Decider =
  | { kind: 'rule'; rule: Rule }
  | { kind: 'default'; id: string; action: 'permit' | 'deny'; text: string; ref?: SourceRef };

export interface Decision {
  decider: Decider;
  action: 'permit' | 'deny';
  space: FlowSpace;
}

/** The fate of a flow space at one firewall, each part with what decided it. */
export interface Outcome {
  permitted: FlowSpace;
  denied: FlowSpace;
  /** Depends on something the parser could not resolve (an FQDN object, an unknown port name). */
  unknown: FlowSpace;
  decisions: Decision[];
  unknownReasons: string[];
  /** Disabled (inactive) rules that would have matched part of the flow where they stand. */
  inactiveMatches: { rule: Rule; space: FlowSpace }[];
  /**
   * Permits on a recurring time-range that let part of the denied space through only at some
   * times (`when`: "while BUSINESS-HOURS is in force"): the flow runs around the clock, so the
   * rest of the time decides.
   */
  partTimePermits?: { rule: Rule; space: FlowSpace; when: string }[];
}

export function deciderId(decider: Decider): string {
  return decider.kind === 'rule' ? decider.rule.id : decider.id;
}

export function deciderRef(decider: Decider): SourceRef | undefined {
  return decider.kind === 'rule' ? decider.rule.ref : decider.ref;
}
