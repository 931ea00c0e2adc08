import type { TokenCursor } from './cursor';
import { EntrySyntaxError, type ParsedEntry } from './entry-types';

const IDENTITY_WORDS = new Set(['user', 'user-group', 'object-group-user', 'object-group-security']);

/** Identity (user, security group) and FTD interface conditions narrow the match beyond packets. */
export function skipConditions(cursor: TokenCursor, entry: ParsedEntry): void {
  for (;;) {
    const word = cursor.peekKeyword();
    if (word !== undefined && IDENTITY_WORDS.has(word)) {
      cursor.next();
      const name = cursor.next() ?? '';
      entry.conditional = true;
      entry.unresolved.push({ kind: 'identity', name, reason: `matches only traffic of ${word} ${name}, which is not modelled` });
    } else if (word === 'security-group') {
      cursor.next();
      const form = cursor.next() ?? '';
      const value = cursor.next() ?? '';
      entry.conditional = true;
      entry.unresolved.push({ kind: 'identity', name: value, reason: `matches only security group ${form} ${value}, which is not modelled` });
    } else if (word === 'ifc') {
      cursor.next();
      const name = cursor.next() ?? '';
      entry.conditional = true;
      entry.unresolved.push({ kind: 'unsupported', name, reason: `matches only traffic on interface ${name} (ifc), which is not modelled` });
    } else {
      return;
    }
  }
}

/** `log [level] [interval N] | log disable|default`, `time-range T`, `inactive`, FTD's `rule-id` and `event-log`. */
export function readOptions(cursor: TokenCursor, entry: ParsedEntry): void {
  while (!cursor.done()) {
    const word = cursor.next()?.toLowerCase();
    if (word === 'log') {
      entry.logging = true;
      if (cursor.accept('disable')) entry.logging = false;
      else if (!cursor.accept('default')) {
        if (/^\d$|^(emergencies|alerts|critical|errors|warnings|notifications|informational|debugging)$/.test(cursor.peekKeyword() ?? '')) cursor.next();
        if (cursor.accept('interval')) cursor.next();
      }
    } else if (word === 'time-range') {
      const name = cursor.next();
      if (name === undefined) throw new EntrySyntaxError('time-range needs a name');
      entry.timeRange = name;
    } else if (word === 'inactive') {
      entry.enabled = false;
    } else if (word === 'rule-id' || word === 'event-log') {
      // FTD bookkeeping: which Firepower rule the ACE came from and what it logs.
      cursor.next();
    } else {
      throw new EntrySyntaxError(`unexpected "${word}"`);
    }
  }
}
