import { ProtocolSet, TCP, UDP } from '../../net/index';
import type { ServiceSpec } from '../../model/index';
import { PORTED_PROTOCOLS, specOf } from '../../model/match-building';
import type { TokenCursor } from './cursor';
import type { Transport } from './named-ports';
import { isPortOperator, readPortOperator } from './port-operators';
import { isIcmp, lookupIcmpType, lookupProtocol } from './protocols';

export type ServiceResult =
  | { spec: ServiceSpec; warnings: string[] }
  | { error: string; kind: 'unknown-port' | 'unknown-protocol' | 'unsupported' };


/** Protocol word to a set: `ip` is every protocol, `tcp-udp` both transports. */
export function protocolSetOf(word: string): ProtocolSet | undefined {
  // Sets are immutable: one per word spares building (and later intersecting) a new one per line.
  let known = PROTOCOL_SETS.get(word);
  if (known === undefined && !PROTOCOL_SETS.has(word)) {
    known = readProtocolSet(word);
    if (PROTOCOL_SETS.size < 4096) PROTOCOL_SETS.set(word, known);
  }
  return known;
}

const PROTOCOL_SETS = new Map<string, ProtocolSet | undefined>();

function readProtocolSet(word: string): ProtocolSet | undefined {
  if (word.toLowerCase() === 'tcp-udp') return ProtocolSet.of(TCP, UDP);
  const protocol = lookupProtocol(word);
  if (protocol === undefined) return undefined;
  return protocol === 'all' ? ProtocolSet.all() : ProtocolSet.of(protocol);
}

/** The transports whose port names apply to a protocol set. */
export function transportsOf(protocols: ProtocolSet): Transport[] {
  const transports: Transport[] = [];
  if (protocols.has(TCP)) transports.push('tcp');
  if (protocols.has(UDP)) transports.push('udp');
  return transports;
}


/**
 * Reads one service as written after `service` (object service) or `service-object`:
 * `tcp [source OP P] [destination OP P]` (an operator straight after the protocol is the
 * destination, the pre-8.3 form), `icmp [type [code]]`, or a bare protocol.
 */
export function readService(cursor: TokenCursor): ServiceResult {
  const word = cursor.next();
  if (word === undefined) return { error: 'no protocol given', kind: 'unknown-protocol' };
  const protocols = protocolSetOf(word);
  if (protocols === undefined) return { error: `"${word}" is not a protocol the ASA knows`, kind: 'unknown-protocol' };
  const single = lookupProtocol(word);
  if (typeof single === 'number' && isIcmp(single)) return readIcmpService(cursor, single, protocols);
  if (!protocols.isSubsetOf(PORTED_PROTOCOLS)) {
    return cursor.done() ? { spec: specOf(protocols), warnings: [] } : { error: `unexpected "${cursor.peek()}"`, kind: 'unsupported' };
  }
  const transports = transportsOf(protocols);
  const spec = specOf(protocols);
  const warnings: string[] = [];
  while (!cursor.done()) {
    let side: 'sourcePorts' | 'destinationPorts' = 'destinationPorts';
    if (cursor.accept('source')) side = 'sourcePorts';
    else cursor.accept('destination');
    if (!isPortOperator(cursor.peek())) {
      return { error: `expected a port operator, found "${cursor.peek() ?? 'nothing'}"`, kind: 'unsupported' };
    }
    const result = readPortOperator(cursor, transports);
    if ('error' in result) return { error: result.error, kind: 'unknown-port' };
    warnings.push(...result.warnings);
    spec[side] = result.ports;
  }
  return { spec, warnings };
}

function readIcmpService(cursor: TokenCursor, protocol: number, protocols: ProtocolSet): ServiceResult {
  const typeWord = cursor.next();
  if (typeWord === undefined) return { spec: specOf(protocols), warnings: [] };
  const type = lookupIcmpType(typeWord, protocol);
  if (type === undefined) return { error: `"${typeWord}" is not an ICMP type`, kind: 'unsupported' };
  const codeWord = cursor.next();
  const spec: ServiceSpec = { ...specOf(protocols), icmp: { type } };
  if (codeWord === undefined) return { spec, warnings: [] };
  if (!/^\d+$/.test(codeWord) || Number(codeWord) > 255) return { error: `"${codeWord}" is not an ICMP code`, kind: 'unsupported' };
  return { spec: { ...spec, icmp: { type, code: Number(codeWord) } }, warnings: [] };
}
