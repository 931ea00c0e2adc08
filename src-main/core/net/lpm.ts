import { AddressSet } from './address-set';
import { cidrRun, parsePrefixText, type AddressRun } from './address-text';
import { IntervalSet } from './interval-set';
import { FAMILY_BITS, parseIpAddress, type IpFamily } from './ip-address';

/** A prefix already in numbers; host bits in network are ignored. */
export interface Prefix {
  readonly family: IpFamily;
  readonly network: bigint;
  readonly length: number;
}

/** "10.0.0.0/8", a bare host (a full-length prefix) or a Prefix. */
export type PrefixSpec = string | Prefix;

export interface PrefixEntry<T> {
  readonly cidr: PrefixSpec;
  readonly value: T;
}

export interface PrefixPart<T> {
  /** undefined for addresses that no entry matches. */
  readonly value: T | undefined;
  readonly addresses: AddressSet;
}

interface ParsedEntry<T> {
  readonly run: AddressRun;
  readonly length: number;
  readonly value: T;
}

/** The entry with the longest prefix containing address; the first listed wins a tie. */
export function longestPrefixMatch<T>(entries: readonly PrefixEntry<T>[], address: string): PrefixEntry<T> | undefined {
  const target = parseIpAddress(address.trim());
  let best: PrefixEntry<T> | undefined;
  let bestLength = -1;
  for (const entry of entries) {
    const { run, length } = parseEntry(entry);
    if (run.family === target.family && run.low <= target.value && target.value <= run.high && length > bestLength) {
      best = entry;
      bestLength = length;
    }
  }
  return best;
}

/**
 * Splits set by the longest matching prefix of each address, exactly: a /16 partly behind a
 * more specific /24 comes back in two parts. Entries that share a value share one part;
 * parts follow the order values first appear in entries, with the unmatched part last.
 */
export function partitionByLongestPrefix<T>(entries: readonly PrefixEntry<T>[], set: AddressSet): PrefixPart<T>[] {
  const parsed = entries.map(parseEntry);
  // Stable sort, so among equal prefixes the first listed claims the addresses.
  const mostSpecificFirst = [...parsed].sort((a, b) => b.length - a.length);
  const claimed = new Map<T, AddressSet>();
  let rest = set;
  for (const entry of mostSpecificFirst) {
    if (rest.isEmpty()) break;
    const part = rest.intersect(runSet(entry.run));
    if (part.isEmpty()) continue;
    claimed.set(entry.value, (claimed.get(entry.value) ?? AddressSet.empty()).union(part));
    rest = rest.subtract(part);
  }
  const parts: PrefixPart<T>[] = [];
  for (const entry of parsed) {
    const addresses = claimed.get(entry.value);
    if (addresses === undefined) continue;
    parts.push({ value: entry.value, addresses });
    claimed.delete(entry.value);
  }
  if (!rest.isEmpty()) parts.push({ value: undefined, addresses: rest });
  return parts;
}

function parseEntry<T>(entry: PrefixEntry<T>): ParsedEntry<T> {
  const { cidr, value } = entry;
  if (typeof cidr !== 'string') {
    const run = cidrRun(cidr.family, cidr.network, cidr.length, `${cidr.network}/${cidr.length}`);
    return { run, length: cidr.length, value };
  }
  const text = cidr.trim();
  if (text.includes('/')) return { ...parsePrefixText(text), value };
  const host = parseIpAddress(text);
  return { run: { family: host.family, low: host.value, high: host.value }, length: FAMILY_BITS[host.family], value };
}

function runSet(run: AddressRun): AddressSet {
  const interval = IntervalSet.of(run.low, run.high);
  return run.family === 'ipv4'
    ? AddressSet.fromIntervalSets(interval, IntervalSet.empty())
    : AddressSet.fromIntervalSets(IntervalSet.empty(), interval);
}
