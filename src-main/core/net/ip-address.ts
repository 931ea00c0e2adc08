import ipaddr from 'ipaddr.js';

export type IpFamily = 'ipv4' | 'ipv6';

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

export const FAMILY_BITS: Readonly<Record<IpFamily, number>> = { ipv4: 32, ipv6: 128 };
export const FAMILY_MAX: Readonly<Record<IpFamily, bigint>> = { ipv4: (1n << 32n) - 1n, ipv6: (1n << 128n) - 1n };

/** Address text that cannot be read; the message says which text and what is wrong with it. */
export class AddressParseError extends Error {
  override name = 'AddressParseError';
}

/**
 * Reads one IPv4 or IPv6 address. Stricter than ipaddr.js on purpose: its legacy forms
 * ("10" for 0.0.0.10, "010.0.0.1" read as octal 8.0.0.1, "::1.2.3.4" turned into ::ffff:1.2.3.4,
 * zone ids) would silently audit a different host than the one a firewall admin wrote.
 */
export function parseIpAddress(text: string, context?: string): IpAddress {
  const parsed = text.includes(':') ? parseIpv6(text) : parseIpv4(text);
  if (parsed !== undefined) return parsed;
  throw new AddressParseError(`${quoteIn(text, context)} is not an IPv4 or IPv6 address${hint(text)}`);
}

function parseIpv4(text: string): IpAddress | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  return { family: 'ipv4', value: bytesToBigint(ipaddr.IPv4.parse(text).octets, 8) };
}

function parseIpv6(text: string): IpAddress | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let hexOnly = text;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    // Rewritten to hex groups here so the address means exactly what was written.
    if (!ipaddr.IPv4.isValidFourPartDecimal(tail)) return undefined;
    const [a, b, c, d] = ipaddr.IPv4.parse(tail).octets as [number, number, number, number];
    hexOnly = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  if (!ipaddr.IPv6.isValid(hexOnly)) return undefined;
  return { family: 'ipv6', value: bytesToBigint(ipaddr.IPv6.parse(hexOnly).parts, 16) };
}

function hint(text: string): string {
  if (text.includes('%')) return ' (zone ids are not supported)';
  if (/(^|[.:])0\d+\.|\.0\d+($|\.)/.test(text)) return ' (leading zeros in IPv4 octets are ambiguous)';
  return '';
}

/** IPv4 dotted quad; IPv6 in RFC 5952 form, IPv4-mapped ones as ::ffff:a.b.c.d. */
export function formatIpAddress(family: IpFamily, value: bigint): string {
  if (family === 'ipv4') return new ipaddr.IPv4(bigintToBytes(value, 4, 8)).toString();
  const address = new ipaddr.IPv6(bigintToBytes(value, 8, 16));
  if (address.isIPv4MappedAddress()) return `::ffff:${address.toIPv4Address().toString()}`;
  return address.toRFC5952String();
}

/** `"inner" in "outer"` when a token was taken out of a larger text, so errors point at both. */
export function quoteIn(text: string, context: string | undefined): string {
  return context === undefined || context === text ? `"${text}"` : `"${text}" in "${context}"`;
}

function bytesToBigint(parts: readonly number[], bitsPerPart: number): bigint {
  let value = 0n;
  const shift = BigInt(bitsPerPart);
  for (const part of parts) value = (value << shift) | BigInt(part);
  return value;
}

function bigintToBytes(value: bigint, count: number, bitsPerPart: number): number[] {
  const parts = new Array<number>(count);
  const mask = (1n << BigInt(bitsPerPart)) - 1n;
  let rest = value;
  for (let i = count - 1; i >= 0; i--) {
    parts[i] = Number(rest & mask);
    rest >>= BigInt(bitsPerPart);
  }
  return parts;
}
