import { AddressParseError, AddressSet } from '../../net/index';
import type { RawNetworkDef } from './raw-config';

export type AddressWordResult = { addresses: AddressSet; alias?: string } | { error: string };

function looksLikeAddress(word: string): boolean {
  return /^[\d.]+$/.test(word) || word.includes(':');
}

/**
 * One host as written: an address, or a `name` alias (which `names` lets ACLs and groups use
 * wherever an address goes).
 */
export function hostWord(word: string, names: ReadonlyMap<string, RawNetworkDef>): AddressWordResult {
  const alias = names.get(word);
  if (alias?.address !== undefined && !looksLikeAddress(word)) return { addresses: AddressSet.parse(alias.address), alias: word };
  return parsed(word, word);
}

/** `A M` with A an address or alias; `M` must be a contiguous dotted mask. */
export function maskedWord(word: string, mask: string, names: ReadonlyMap<string, RawNetworkDef>): AddressWordResult {
  const alias = names.get(word);
  if (alias?.address !== undefined && !looksLikeAddress(word)) {
    const result = parsed(`${alias.address} ${mask}`, `${word} ${mask}`);
    return 'error' in result ? result : { ...result, alias: word };
  }
  // Keyed by address, then mask: no joined text to build and hash for every line.
  let byMask = MASKED.get(word);
  if (byMask === undefined) {
    if (MASKED.size >= PARSED_LIMIT) MASKED.clear();
    byMask = new Map();
    MASKED.set(word, byMask);
  }
  let known = byMask.get(mask);
  if (known === undefined) {
    known = parseOnce(`${word} ${mask}`);
    byMask.set(mask, known);
  }
  return typeof known === 'string' ? { error: `"${word} ${mask}": ${known}` } : { addresses: known };
}

const MASKED = new Map<string, Map<string, AddressSet | string>>();

export function prefixWord(word: string): AddressWordResult {
  return parsed(word, word);
}

// Address text to its set (or the parse error's message). Large configs repeat the same
// `host A` and `A M` texts thousands of times; sets are immutable, so one can be shared.
const PARSED = new Map<string, AddressSet | string>();
const PARSED_LIMIT = 200_000;

function parsed(text: string, written: string): AddressWordResult {
  let known = PARSED.get(text);
  if (known === undefined) {
    known = parseOnce(text);
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(text, known);
  }
  return typeof known === 'string' ? { error: `"${written}": ${known}` } : { addresses: known };
}

/** The set, or the message of the AddressParseError reading it raised. */
function parseOnce(text: string): AddressSet | string {
  try {
    return AddressSet.parse(text);
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    return error.message;
  }
}

export function isDottedMask(word: string | undefined): boolean {
  return word !== undefined && /^\d+\.\d+\.\d+\.\d+$/.test(word);
}
