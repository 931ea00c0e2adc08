import type { NatStatement } from '../../model/index';
import type { ConfigLine } from './lines';
import type { ReadState } from './raw-config';

function interfacePair(word: string | undefined): { realInterface?: string; mappedInterface?: string } | undefined {
  const match = word === undefined ? null : /^\(([^,()]+)(?:,([^,()]+))?\)$/.exec(word);
  if (!match) return undefined;
  return { ...(match[1] ? { realInterface: match[1] } : {}), ...(match[2] ? { mappedInterface: match[2] } : {}) };
}

/** ` nat (real,mapped) static|dynamic ...` inside `object network N`. */
export function readObjectNat(line: ConfigLine, objectName: string, { ctx, raw }: ReadState): void {
  const pair = interfacePair(line.tokens[1]);
  if (!pair) return ctx.notUnderstood(line, 'object NAT needs (real,mapped) interfaces');
  raw.nat.push({ kind: 'object', objectName, ...pair, ref: ctx.ref(line) });
  ctx.understood(line);
}

/**
 * Top-level `nat`. With `(real,mapped)` it is 8.3+ twice NAT and only recorded: ACLs match
 * real addresses. With a single `(inside)` it is pre-8.3 NAT, where ACLs on the outside match
 * mapped addresses, which this model does not translate; that gets a warning.
 */
export function readTopLevelNat(line: ConfigLine, state: ReadState): void {
  const pair = interfacePair(line.tokens[1]);
  if (!pair) return state.ctx.notUnderstood(line, 'nat needs (real,mapped) interfaces');
  const kind: NatStatement['kind'] = pair.mappedInterface === undefined ? 'legacy' : 'twice';
  if (kind === 'legacy') warnLegacy(line, state);
  state.raw.nat.push({ kind, ...pair, ref: state.ctx.ref(line) });
  state.ctx.understood(line);
}

/** Pre-8.3 `global (outside) 1 ...` and `static (inside,outside) ...`. */
export function readLegacyNat(line: ConfigLine, state: ReadState): void {
  const pair = interfacePair(line.tokens[1]);
  if (!pair) return state.ctx.notUnderstood(line);
  warnLegacy(line, state);
  state.raw.nat.push({ kind: 'legacy', ...pair, ref: state.ctx.ref(line) });
  state.ctx.understood(line);
}

function warnLegacy(line: ConfigLine, { ctx }: ReadState): void {
  ctx.report(
    line.number,
    'warning',
    'pre-8.3 NAT: access lists on this firewall may match translated (mapped) addresses, which the audit does not translate',
  );
}
