// Any word that smells of a credential ends what may be shown: the rest could be the secret,
// a hash of it, or a second secret (SNMPv3 "auth sha X priv aes 128 Y").
const SECRET_WORD = /pass|secret|key|community|psk|md5|sha|auth|priv|token|cred|(^|-)pw($|-)/i;

// Words that name a credential rather than hold one; anything else that matched may be the value.
const KEYWORD = /^(password|passwd|secret|key|community|psk|md5|sha\d*|auth|authentication|priv|token|encrypted)$|^[a-z0-9-]+-(password|passwd|pw|key|secret|psk|community|string)$|^key-[a-z-]+$/;

/** The line with everything from the first credential-like word on replaced. */
export function redactSecrets(text: string): string {
  const words = text.trim().split(/\s+/);
  const index = words.findIndex((word) => SECRET_WORD.test(word));
  if (index < 0) return text.trim();
  const kept = KEYWORD.test(words[index] ?? '') ? index + 1 : index;
  return [...words.slice(0, kept), '<redacted>'].join(' ');
}
