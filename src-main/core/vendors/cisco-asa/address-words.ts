import { AddressParseError, AddressSet } from '../../net/index';
import type { RawNetworkDef } from './raw-config';

/**
 * An error is `unsupported` when the words are valid ASA syntax whose set is not built (a
 * non-contiguous mask with too many holes): the caller marks the part unresolved rather than
 * rejecting the line.
 */
export type AddressWordResult = { addresses: AddressSet; alias?: string } | { error: string; unsupported?: boolean };

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

/** `A M` with A an address or alias and M a dotted mask, contiguous or not. */
export function maskedWord(word: string, mask: string, names: ReadonlyMap<string, RawNetworkDef>): AddressWordResult {
  const alias = names.get(word);
  if (alias?.address !== undefined && !looksLikeAddress(word)) {
    let result = parsed(`${alias.address} ${mask}`, `${word} ${mask}`);
    if ('error' in result) result = withHoles(alias.address, mask, `${word} ${mask}`) ?? result;
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
    if (typeof known === 'string') {
      // Only a pair the plain parse refuses can be one with a mask full of holes.
      const holes = withHoles(word, mask, `${word} ${mask}`);
      if (holes !== undefined) return holes;
    }
    byMask.set(mask, known);
  }
  return typeof known === 'string' ? { error: `"${word} ${mask}": ${known}` } : { addresses: known };
}

const MASKED = new Map<string, Map<string, AddressSet | string>>();

function withHoles(address: string, mask: string, written: string): AddressWordResult | undefined {
  const result = AddressSet.withMaskHoles(address, mask);
  if (result === undefined) return undefined;
  if (result instanceof AddressSet) return { addresses: result };
  return {
    error: `"${written}": the non-contiguous mask ${mask} stands for ${result.tooMany} separate ranges, more than the audit expands`,
    unsupported: true,
  };
}

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
