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
const ANY_WORDS = new Set(['any', 'all', '*', 'any4', 'any6', 'anything', 'any service', 'any-service']);

export function isAnyWord(text: string): boolean {
  return ANY_WORDS.has(text.trim().toLowerCase());
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

const PERMIT_WORDS = new Set(['allow', 'allowed', 'accept', 'accepted', 'permit', 'permitted', 'pass', 'open']);
const DENY_WORDS = new Set(['deny', 'denied', 'drop', 'dropped', 'reject', 'rejected', 'block', 'blocked', 'discard', 'reset-client', 'reset-server', 'reset-both', 'close', 'closed']);

/** allow/accept/permit/pass are permits, deny/drop/reject/block are denies; anything else is unknown. */
export function readAction(text: string): 'permit' | 'deny' | undefined {
  const word = text.trim().toLowerCase();
  if (PERMIT_WORDS.has(word)) return 'permit';
  if (DENY_WORDS.has(word)) return 'deny';
  return undefined;
}
