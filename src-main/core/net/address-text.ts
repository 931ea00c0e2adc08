import { cidrBounds } from './cidr';
import {
  AddressParseError,
  FAMILY_BITS,
  FAMILY_MAX,
  parseIpAddress,
  quoteIn,
  type IpFamily,
} from './ip-address';

/** A closed run of addresses inside one family. */
export interface AddressRun {
  readonly family: IpFamily;
  readonly low: bigint;
  readonly high: bigint;
}

const WHOLE_V4: AddressRun = { family: 'ipv4', low: 0n, high: FAMILY_MAX.ipv4 };
const WHOLE_V6: AddressRun = { family: 'ipv6', low: 0n, high: FAMILY_MAX.ipv6 };

/**
 * Reads a comma-separated address list into runs. "none" is accepted alone so that the
 * printed form of an empty set reads back.
 */
export function parseAddressList(text: string): AddressRun[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new AddressParseError('no address given');
  if (trimmed.toLowerCase() === 'none') return [];
  return trimmed.split(',').flatMap((item) => {
    const itemText = item.trim();
    if (itemText === '') throw new AddressParseError(`empty item in address list "${text}"`);
    return parseAddressItem(itemText);
  });
}

function parseAddressItem(item: string): readonly AddressRun[] {
  switch (item.toLowerCase()) {
    case 'any':
      return [WHOLE_V4, WHOLE_V6];
    case 'any4':
      return [WHOLE_V4];
    case 'any6':
      return [WHOLE_V6];
  }
  if (item.includes('/')) return [parseCidrItem(item)];
  if (item.includes('-')) return [parseRangeItem(item)];
  if (/\s/.test(item)) return [parseMaskItem(item)];
  const address = plainIpv4(item) ?? parseIpAddress(item);
  return [{ family: address.family, low: address.value, high: address.value }];
}

/**
 * The common case without the general reader: exactly four decimal octets 0-255 without
 * leading zeros, which parseIpAddress reads to the same value. Anything else is left to it.
 */
function plainIpv4(text: string): { family: 'ipv4'; value: bigint } | undefined {
  const value = plainIpv4Number(text, 0, text.length);
  return value === undefined ? undefined : { family: 'ipv4', value: BigInt(value) };
}

/** A plain dotted IPv4 address (see plainIpv4) as a number; undefined for any other text. */
export function plainIpv4Value(text: string): number | undefined {
  return plainIpv4Number(text, 0, text.length);
}

/** Ones then zeros: the host bits, read as a number, plus one is a power of two (or zero bits at all). */
export function isContiguousIpv4Mask(mask: number): boolean {
  const hostBits = ~mask >>> 0;
  return (hostBits & (hostBits + 1)) === 0;
}

/** plainIpv4 of text[start, end) as a number. */
function plainIpv4Number(text: string, start: number, end: number): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (code >= 48 && code <= 57) {
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + (code - 48);
      digits++;
      if (octet > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + octet;
}

/**
 * `A` or `A M` (one space, a contiguous mask) in plain dotted IPv4 as a closed range of
 * numbers, host bits ignored as the general reader does: what most addresses in a large
 * configuration are, read without lists, bigints or runs. Undefined for any other text,
 * which the general reader then reads or rejects with its message.
 */
export function plainIpv4Block(text: string): { low: number; high: number } | undefined {
  const space = text.indexOf(' ');
  const address = plainIpv4Number(text, 0, space < 0 ? text.length : space);
  if (address === undefined) return undefined;
  if (space < 0) return { low: address, high: address };
  const mask = plainIpv4Number(text, space + 1, text.length);
  if (mask === undefined) return undefined;
  if (!isContiguousIpv4Mask(mask)) return undefined;
  const hostBits = ~mask >>> 0;
  const low = (address & mask) >>> 0;
  return { low, high: (low | hostBits) >>> 0 };
}

function parseCidrItem(item: string): AddressRun {
  return parsePrefixText(item).run;
}

/** "address/length"; the run is the whole network, the length is kept for longest-prefix ranking. */
export function parsePrefixText(text: string): { run: AddressRun; length: number } {
  const slash = text.lastIndexOf('/');
  const addressText = text.slice(0, slash).trim();
  const lengthText = text.slice(slash + 1).trim();
  const address = parseIpAddress(addressText, text);
  if (!/^\d{1,3}$/.test(lengthText)) {
    throw new AddressParseError(`"${text}" has an invalid prefix length "${lengthText}"`);
  }
  const length = Number(lengthText);
  return { run: cidrRun(address.family, address.value, length, text), length };
}

/** Host bits beyond the prefix are dropped: 10.0.0.5/24 means the whole 10.0.0.0/24. */
export function cidrRun(family: IpFamily, network: bigint, length: number, text: string): AddressRun {
  const bits = FAMILY_BITS[family];
  if (!Number.isInteger(length) || length < 0 || length > bits) {
    const name = family === 'ipv4' ? 'IPv4' : 'IPv6';
    throw new AddressParseError(`"${text}" has prefix length ${length}, but ${name} allows 0-${bits}`);
  }
  const [low, high] = cidrBounds(network, length, bits);
  return { family, low, high };
}

function parseRangeItem(item: string): AddressRun {
  const parts = item.split('-');
  if (parts.length !== 2) throw new AddressParseError(`"${item}" is not an address range like "10.0.0.1-10.0.0.9"`);
  return rangeRun(parts[0]!.trim(), parts[1]!.trim(), item);
}

export function rangeRun(lowText: string, highText: string, text: string): AddressRun {
  const low = parseIpAddress(lowText, text);
  const high = parseIpAddress(highText, text);
  if (low.family !== high.family) throw new AddressParseError(`"${text}" mixes IPv4 and IPv6`);
  if (low.value > high.value) throw new AddressParseError(`"${text}" is a reversed range`);
  return { family: low.family, low: low.value, high: high.value };
}

function parseMaskItem(item: string): AddressRun {
  const parts = item.split(/\s+/);
  if (parts.length !== 2) {
    throw new AddressParseError(`"${item}" is not an address, CIDR, range or "address mask" pair`);
  }
  const address = plainIpv4(parts[0]!) ?? parseIpAddress(parts[0]!, item);
  const mask = plainIpv4(parts[1]!) ?? parseIpAddress(parts[1]!, item);
  if (address.family !== 'ipv4' || mask.family !== 'ipv4') {
    throw new AddressParseError(`"${item}": an address with a dotted mask must be IPv4`);
  }
  const length = contiguousMaskLength(mask.value);
  if (length === undefined) {
    // Most often a Cisco wildcard mask (0.0.0.255) handed over where a netmask belongs.
    throw new AddressParseError(`${quoteIn(parts[1]!, item)} is not a contiguous subnet mask`);
  }
  return cidrRun('ipv4', address.value, length, item);
}

function contiguousMaskLength(mask: bigint): number | undefined {
  const inverted = FAMILY_MAX.ipv4 ^ mask;
  if ((inverted & (inverted + 1n)) !== 0n) return undefined;
  return inverted === 0n ? 32 : 32 - inverted.toString(2).length;
}
