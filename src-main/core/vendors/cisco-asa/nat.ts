import type { NatStatement } from '../../model/index';
import type { ConfigLine } from './lines';
import type { ReadState } from './raw-config';

function interfacePair(word: string | undefined): { realInterface?: string; mappedInterface?: string } | undefined {
  const match = word === undefined ? null : /^\(([^,()]+)(?:,([^,()]+))?\)$/.exec(word);
  if (!match) return undefined;
  return { ...(match[1] ? { realInterface: match[1] } : {}), ...(match[2] ? { mappedInterface: match[2] } : {}) };
}

/**
 * Words of an 8.3+ NAT statement that are never object names: section and line placement,
 * translation types and the options that may follow them.
 */
const NAT_KEYWORDS = new Set([
  'after-auto', 'after-object', 'line', 'source', 'destination', 'static', 'dynamic', 'any', 'interface', 'ipv6',
  'net-to-net', 'dns', 'unidirectional', 'no-proxy-arp', 'route-lookup', 'inactive',
  'round-robin', 'extended', 'flat', 'include-reserve', 'block-allocation',
]);

const INLINE_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*)(?:\/\d{1,3})?$/i;

/**
 * The object and group names an 8.3+ NAT statement refers to, read from the words after
 * `(real,mapped)`: object NAT `static|dynamic MAPPED [interface] [service tcp|udp|sctp P P]`,
 * twice NAT `source static|dynamic REAL MAPPED [destination static MAPPED REAL] [service S1 S2]`,
 * `pat-pool POOL`. Inline addresses, port values and keywords are skipped; the description,
 * free text, ends the statement.
 */
export function natReferences(words: readonly string[]): string[] {
  const names: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const lower = word.toLowerCase();
    if (lower === 'description') break;
    if (lower === 'service') {
      const protocol = words[index + 1]?.toLowerCase();
      // Object NAT names a protocol and two ports; twice NAT names two service objects.
      if (protocol === 'tcp' || protocol === 'udp' || protocol === 'sctp') index += 3;
      continue;
    }
    if (lower === 'pat-pool' && words[index + 1] !== undefined) {
      names.push(words[++index]!);
      continue;
    }
    if (NAT_KEYWORDS.has(lower) || /^\d+$/.test(word) || INLINE_ADDRESS.test(word)) continue;
    names.push(word);
  }
  return [...new Set(names)];
}

/** 8.3+ NAT may leave out `(real,mapped)`, which then means any interface. */
const NAT_STARTS = new Set(['static', 'dynamic', 'source', 'after-auto', 'after-object', 'line']);

/** ` nat [(real,mapped)] static|dynamic ...` inside `object network N`. */
export function readObjectNat(line: ConfigLine, objectName: string, { ctx, raw }: ReadState): void {
  const written = interfacePair(line.tokens[1]);
  const pair = written ?? (NAT_STARTS.has(line.tokens[1]?.toLowerCase() ?? '') ? {} : undefined);
  if (!pair) return ctx.notUnderstood(line, 'object NAT needs (real,mapped) interfaces');
  const referencedObjects = natReferences(line.tokens.slice(written ? 2 : 1));
  raw.nat.push({ kind: 'object', objectName, ...pair, referencedObjects, ref: ctx.ref(line) });
  ctx.understood(line);
}

/**
 * Top-level `nat`. With `(real,mapped)`, or with no interfaces before `source`, it is 8.3+
 * twice NAT and only recorded: ACLs match real addresses. With a single `(inside)` it is
 * pre-8.3 NAT, where ACLs on the outside match mapped addresses, which this model does not
 * translate; that gets a warning.
 */
export function readTopLevelNat(line: ConfigLine, state: ReadState): void {
  const written = interfacePair(line.tokens[1]);
  const first = line.tokens[1]?.toLowerCase() ?? '';
  const pair = written ?? (line.tokens.includes('source') && (NAT_STARTS.has(first) || /^\d+$/.test(first)) ? {} : undefined);
  if (!pair) return state.ctx.notUnderstood(line, 'nat needs (real,mapped) interfaces');
  const kind: NatStatement['kind'] = written && pair.mappedInterface === undefined ? 'legacy' : 'twice';
  if (kind === 'legacy') warnLegacy(line, state);
  // Pre-8.3 NAT names access lists and addresses, never objects.
  const referencedObjects = kind === 'twice' ? natReferences(line.tokens.slice(written ? 2 : 1)) : [];
  state.raw.nat.push({ kind, ...pair, referencedObjects, ref: state.ctx.ref(line) });
  state.ctx.understood(line);
}

/** Pre-8.3 `global (outside) 1 ...` and `static (inside,outside) ...`. */
export function readLegacyNat(line: ConfigLine, state: ReadState): void {
  const pair = interfacePair(line.tokens[1]);
  if (!pair) return state.ctx.notUnderstood(line);
  warnLegacy(line, state);
  state.raw.nat.push({ kind: 'legacy', ...pair, referencedObjects: [], ref: state.ctx.ref(line) });
  state.ctx.understood(line);
}

function warnLegacy(line: ConfigLine, { ctx }: ReadState): void {
  ctx.report(
    line.number,
    'warning',
    'pre-8.3 NAT: access lists on this firewall may match translated (mapped) addresses, which the audit does not translate',
  );
}
