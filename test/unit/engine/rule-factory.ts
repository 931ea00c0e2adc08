import type { MatchBox, Rule } from '../../../src-main/core/model/index';

/** A rule as a parser would produce it, for engine tests that build lists by hand. */
export function makeRule(list: string, position: number, action: 'permit' | 'deny', match: MatchBox[], options: Partial<Rule> = {}): Rule {
  return {
    id: `${list}#${position}`,
    list,
    position,
    action,
    match,
    negated: { sources: false, destinations: false, services: false },
    enabled: true,
    logging: false,
    unresolved: [],
    notes: [],
    referencedObjects: [],
    ref: { file: 'test.cfg', line: position * 10, text: `${list} rule ${position}` },
    ...options,
  };
}
