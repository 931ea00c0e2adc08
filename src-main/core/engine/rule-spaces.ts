import type { Rule } from '../model/index';
import { ruleMatchSpace, ruleMayMatchSpace } from '../model/index';
import type { FlowSpace } from '../net/index';

interface RuleSpaces {
  certain: FlowSpace;
  /** Only when the rule has unresolved parts: what it might match beyond `certain`. */
  uncertain?: FlowSpace;
}

// A rule's sets are built once and reused by every row, trace and finding that walks it.
const cache = new WeakMap<Rule, RuleSpaces>();

export function spacesOfRule(rule: Rule): RuleSpaces {
  let spaces = cache.get(rule);
  if (!spaces) {
    const certain = ruleMatchSpace(rule);
    spaces = { certain };
    if (rule.unresolved.length > 0) {
      const uncertain = ruleMayMatchSpace(rule).subtract(certain);
      if (!uncertain.isEmpty()) spaces.uncertain = uncertain;
    }
    cache.set(rule, spaces);
  }
  return spaces;
}
