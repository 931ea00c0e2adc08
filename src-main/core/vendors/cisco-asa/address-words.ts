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
  return parsed(`${word} ${mask}`, `${word} ${mask}`);
}

export function prefixWord(word: string): AddressWordResult {
  return parsed(word, word);
}

function parsed(text: string, written: string): AddressWordResult {
  try {
    return { addresses: AddressSet.parse(text) };
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    return { error: `"${written}": ${error.message}` };
  }
}

export function isDottedMask(word: string | undefined): boolean {
  return word !== undefined && /^\d+\.\d+\.\d+\.\d+$/.test(word);
}
