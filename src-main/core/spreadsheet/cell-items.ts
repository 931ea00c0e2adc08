/**
 * How people put several values in one cell: one per line (Panorama, SmartConsole), separated
 * by semicolons (Panorama CSV) or commas ("9285, 9590"). Empty items are dropped.
 */
export function splitItems(text: string): string[] {
  return text
    .split(/[\r\n;,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Words that mean "anything" in the exports this reads ("all" is FortiGate's, "*" hand-made). */
const ANY_WORDS = new Set(['any', 'all', '*', 'any4', 'any6', 'any-ipv4', 'any-ipv6', 'anything', 'any service', 'any-service']);

export function isAnyWord(text: string): boolean {
  return ANY_WORDS.has(text.trim().toLowerCase());
}

/**
 * "any4" (ASA, FMC) and "any-ipv4" (Junos) are every IPv4 address, not every address: read as
 * "any", a rule would also match the IPv6 flows of the site.
 */
export function addressFamilyWord(text: string): 'ipv4' | 'ipv6' | undefined {
  const word = text.trim().toLowerCase();
  if (['any4', 'any-ipv4', 'any_ipv4', 'any ipv4', 'any-v4', 'ipv4-any'].includes(word)) return 'ipv4';
  if (['any6', 'any-ipv6', 'any_ipv6', 'any ipv6', 'any-v6', 'ipv6-any'].includes(word)) return 'ipv6';
  return undefined;
}

/**
 * A whole cell written as negated: "!10.0.0.0/8", "not DMZ", "Negated: DMZ" or "DMZ (negated)",
 * the forms SmartConsole and hand-made sheets use. The text without the marker is returned.
 */
export function stripNegation(text: string): { text: string; negated: boolean } {
  const trimmed = text.trim();
  const prefix = /^(?:!\s*|not\s+|negated\s*:?\s*)/i.exec(trimmed);
  if (prefix) return { text: trimmed.slice(prefix[0].length), negated: true };
  const suffix = /\s*[([]negated[)\]]$/i.exec(trimmed);
  if (suffix) return { text: trimmed.slice(0, suffix.index), negated: true };
  return { text: trimmed, negated: false };
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'enable', 'enabled', 'on', 'active', 'negated', 'negate']);
const NO = new Set(['no', 'n', 'false', '0', '', 'disable', 'disabled', 'off', 'inactive', '-']);

/** A yes/no cell; undefined when it is neither. */
export function readFlag(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

/** A name a person gave a thing: letters, digits and the punctuation object names use, no spaces. */
export function looksLikeName(text: string): boolean {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_.\-:+@/()[\]]*$/u.test(text);
}

// "trust" is Cisco FMC's permit without inspection; "block with reset" its reject.
const PERMIT_WORDS = new Set(['allow', 'allowed', 'accept', 'accepted', 'permit', 'permitted', 'pass', 'open', 'trust']);
const DENY_WORDS = new Set(['deny', 'denied', 'drop', 'dropped', 'reject', 'rejected', 'block', 'blocked', 'discard', 'reset-client', 'reset-server', 'reset-both', 'close', 'closed', 'block with reset']);

/** allow/accept/permit/pass are permits, deny/drop/reject/block are denies; anything else is unknown. */
export function readAction(text: string): 'permit' | 'deny' | undefined {
  const word = text.trim().toLowerCase();
  if (PERMIT_WORDS.has(word)) return 'permit';
  if (DENY_WORDS.has(word)) return 'deny';
  return undefined;
}
