import { MAX_PORT, PortSet } from '../../net/index';
import type { TokenCursor } from './cursor';
import { lookupPort, type Transport } from './named-ports';

const OPERATORS = new Set(['eq', 'neq', 'lt', 'gt', 'range']);

export function isPortOperator(word: string | undefined): boolean {
  return word !== undefined && OPERATORS.has(word.toLowerCase());
}

export type PortOperatorResult = { ports: PortSet; warnings: string[] } | { error: string };

/**
 * Reads `eq P`, `neq P`, `lt P`, `gt P` or `range A B` at the cursor. `neq` is two ranges and
 * `lt`/`gt` are strict, as on the ASA.
 */
export function readPortOperator(cursor: TokenCursor, transports: readonly Transport[]): PortOperatorResult {
  const operator = cursor.next()?.toLowerCase();
  const warnings: string[] = [];
  const port = (): number | string => {
    const word = cursor.next();
    if (word === undefined) return `"${operator}" needs a port`;
    const found = lookupPort(word, transports);
    if ('error' in found) return found.error;
    if (found.warning) warnings.push(found.warning);
    return found.port;
  };
  const first = port();
  if (typeof first === 'string') return { error: first };
  switch (operator) {
    case 'eq':
      return { ports: PortSet.of(first), warnings };
    case 'neq':
      return { ports: PortSet.all().subtract(PortSet.of(first)), warnings };
    case 'lt':
      return { ports: first === 0 ? PortSet.empty() : PortSet.of(0, first - 1), warnings };
    case 'gt':
      return { ports: first === MAX_PORT ? PortSet.empty() : PortSet.of(first + 1, MAX_PORT), warnings };
    case 'range': {
      const last = port();
      if (typeof last === 'string') return { error: last };
      if (last < first) return { error: `range ${first} ${last} is backwards` };
      return { ports: PortSet.of(first, last), warnings };
    }
    default:
      return { error: `"${operator ?? ''}" is not a port operator` };
  }
}
