import type { Rule } from '../model/index';
import type { FlowSpace } from '../net/index';
import { asaPermitLines, asaTightenedRule } from '../vendors/cisco-asa/remediation';

/**
 * Remediation in the syntax of the firewall it is for; sources without a writer get a
 * vendor-neutral statement of the same sets.
 */
export function tightenedRuleText(vendor: string, rule: Rule, needed: FlowSpace): string {
  if (vendor === 'cisco-asa') return asaTightenedRule(rule, needed);
  return neutralPermits(needed);
}

/**
 * Rules that add exactly the missing space, placed before `beforeRule` when one blocks it: at
 * its line as the firewall numbers the list (remarks included), not at its rule position.
 * Without that number they go to the end of the list.
 */
export function missingPermitText(vendor: string, list: string | undefined, beforeRule: Rule | undefined, missing: FlowSpace, label: string): string {
  if (vendor === 'cisco-asa' && list) {
    return asaPermitLines(list, missing, { ...(beforeRule?.listLine !== undefined && { line: beforeRule.listLine }), groupPrefix: label }).join('\n');
  }
  return neutralPermits(missing);
}

function neutralPermits(space: FlowSpace): string {
  return space
    .boxes()
    .map((box) => `permit ${box.protocols.toString()} from ${box.sources.toString()} to ${box.destinations.toString()} ports ${box.destinationPorts.toString()}`)
    .join('\n');
}
