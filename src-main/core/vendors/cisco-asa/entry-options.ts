import type { TokenCursor } from './cursor';
import { EntrySyntaxError, type ParsedEntry } from './entry-types';

const IDENTITY_WORDS = new Set(['user', 'user-group', 'object-group-user', 'object-group-security']);

/**
 * Identity (user, security group) conditions narrow the match beyond packets. FTD's `ifc NAME`
 * before an address names the interface the traffic enters (source side) or leaves by
 * (destination side): the global list then works as a zone-based policy, which rules say with
 * their zones.
 */
export function skipConditions(cursor: TokenCursor, entry: ParsedEntry, side: 'source' | 'destination'): void {
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
      const name = cursor.next();
      if (name === undefined) throw new EntrySyntaxError('ifc needs an interface name');
      if (side === 'source') entry.ingressInterfaces = [...(entry.ingressInterfaces ?? []), name];
      else entry.egressInterfaces = [...(entry.egressInterfaces ?? []), name];
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
    } else if (word === 'rule-id') {
      const id = cursor.next();
      if (id === undefined) throw new EntrySyntaxError('rule-id needs a number');
      entry.ruleId = id;
    } else if (word === 'event-log') {
      // FTD bookkeeping: which connection events the Firepower rule logs.
      cursor.next();
    } else {
      throw new EntrySyntaxError(`unexpected "${word}"`);
    }
  }
}
