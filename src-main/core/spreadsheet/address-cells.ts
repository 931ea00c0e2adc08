import { AddressParseError, AddressSet } from '../net/index';
import type { NetworkObject, Uncertainty } from '../model/index';
import { exact, type Bound } from '../model/match-building';
import { addressFamilyWord, isAnyWord, looksLikeName, splitItems, stripNegation } from './cell-items';

/** What a rule cell (or object value) could be read as; problems are said at the cell. */
export interface CellReading<T> {
  bound: Bound<T>;
  referencedObjects: string[];
  unresolved: Uncertainty[];
  /** Parts that could not be read at all: each becomes an error at the cell. */
  problems: string[];
  /** Read, but not exactly: a warning at the cell (a port with no protocol). */
  warnings: string[];
  /** Worth knowing, changes nothing certain (an FQDN, a comment dropped). */
  notes: string[];
}

export type NetworkLookup = (name: string) => NetworkObject | undefined;

const FQDN = /^(?=.{4,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;

export function looksLikeFqdn(text: string): boolean {
  return FQDN.test(text) && !/^[\d.]+$/.test(text);
}

/**
 * A source or destination cell: addresses, CIDRs, "address mask", ranges, IPv6, any, object
 * and group names, FQDNs, several per cell, the whole cell possibly negated. The lower bound is
 * what the cell certainly names; anything unresolved widens the upper bound to every address.
 */
export function readAddressCell(text: string, lookup: NetworkLookup): CellReading<AddressSet> & { negated: boolean } {
  const { text: body, negated } = stripNegation(text);
  const reading: CellReading<AddressSet> = { bound: exact(AddressSet.empty()), referencedObjects: [], unresolved: [], problems: [], warnings: [], notes: [] };
  let lower = AddressSet.empty();
  let uncertain = false;
  for (const item of splitItems(body)) {
    const part = readAddressItem(item, lookup, reading);
    lower = lower.union(part.lower);
    uncertain ||= !part.exact;
  }
  reading.bound = { lower, upper: uncertain ? AddressSet.any() : lower };
  return { ...reading, negated };
}

/** What one item certainly names, and whether that is all it names. */
interface AddressPart {
  lower: AddressSet;
  exact: boolean;
}

const UNKNOWN: AddressPart = { lower: AddressSet.empty(), exact: false };

function readAddressItem(item: string, lookup: NetworkLookup, reading: CellReading<AddressSet>): AddressPart {
  const family = addressFamilyWord(item);
  if (family !== undefined) return { lower: family === 'ipv4' ? AddressSet.anyV4() : AddressSet.anyV6(), exact: true };
  if (isAnyWord(item)) return { lower: AddressSet.any(), exact: true };
  const object = lookup(item);
  if (object) {
    reading.referencedObjects.push(object.name);
    reading.unresolved.push(...object.unresolved);
    // A group with an unresolved member still certainly matches the members that resolved.
    return { lower: object.addresses, exact: object.unresolved.length === 0 };
  }
  const literal = addressLiteral(item);
  if (literal instanceof AddressSet) return { lower: literal, exact: true };
  const labelled = labelledAddress(item, lookup, reading);
  if (labelled) return { lower: labelled, exact: true };
  if (looksLikeFqdn(item)) {
    reading.unresolved.push({ kind: 'fqdn', name: item, reason: `${item} is an FQDN, resolved by the firewall at run time` });
    reading.notes.push(`${item} is an FQDN: what it resolves to is not known offline`);
    return UNKNOWN;
  }
  // Several names or addresses separated by spaces, as FortiGate writes them; but "A 0.0.0.255"
  // is an address with a (wildcard) mask that did not read, not two hosts.
  const words = item.split(/\s+/);
  const maskAttempt = words.length === 2 && /^(0|255)\.\d+\.\d+\.\d+$/.test(words[1]!);
  if (words.length > 1 && !maskAttempt && words.every((word) => lookup(word) !== undefined || addressLiteral(word) instanceof AddressSet)) {
    return words
      .map((word) => readAddressItem(word, lookup, reading))
      .reduce((all, part) => ({ lower: all.lower.union(part.lower), exact: all.exact && part.exact }), { lower: AddressSet.empty(), exact: true });
  }
  if (!/^[\d.:/\s-]+$/.test(item) && looksLikeName(item)) {
    const why = `"${item}" is not an address and no object of that name is defined`;
    reading.unresolved.push({ kind: 'undefined-reference', name: item, reason: why });
    reading.problems.push(why);
    reading.referencedObjects.push(item);
    return UNKNOWN;
  }
  const why = /^[\d.:/\s-]+$/.test(item) ? literal : `"${item}" is not an address, range, any or an object name`;
  reading.unresolved.push({ kind: 'unsupported', name: item, reason: why });
  reading.problems.push(why);
  return UNKNOWN;
}

/** "WFOS-APP01 (10.10.20.11)" (Tufin, hand-made) or "10.10.20.11 (rec01)": the address decides. */
function labelledAddress(item: string, lookup: NetworkLookup, reading: CellReading<AddressSet>): AddressSet | undefined {
  const labelled = /^(.*?)\s*[([]\s*([^)\]]+?)\s*[)\]]$/.exec(item);
  if (!labelled) return undefined;
  const [outside, inside] = [labelled[1]!, labelled[2]!];
  const insideAddress = addressLiteral(inside);
  if (insideAddress instanceof AddressSet) {
    const named = lookup(outside);
    if (named) reading.referencedObjects.push(named.name);
    return insideAddress;
  }
  const outsideAddress = addressLiteral(outside);
  if (!(outsideAddress instanceof AddressSet)) return undefined;
  reading.notes.push(`"${inside}" beside ${outside} is taken as a label`);
  return outsideAddress;
}

/**
 * An address, CIDR, "address mask", "address/mask", range or last-octet range; the parse error's message when
 * the text is not one. Spaces around a range's dash are allowed.
 */
export function addressLiteral(text: string): AddressSet | string {
  const normalised = text
    .trim()
    .replace(/\s*-\s*/g, '-')
    // "10.30.0.10-99": hand-made sheets shorten a range to its last octet.
    .replace(/^(\d{1,3}\.\d{1,3}\.\d{1,3}\.)(\d{1,3})-(\d{1,3})$/, '$1$2-$1$3')
    .replace(/^([\d.]+)\/(\d+\.\d+\.\d+\.\d+)$/, '$1 $2');
  try {
    return AddressSet.parse(normalised);
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    return error.message;
  }
}
