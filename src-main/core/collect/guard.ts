import type { CommandAllowlist } from './profile';

/**
 * Commands that change a device, on any vendor, refused before anything else is looked at:
 * a profile's allowlist cannot let them through. Matched case-insensitively against the
 * command with its blanks collapsed; abbreviations count (`conf t`, `wr`, `reloa`).
 */
const NEVER: ReadonlyArray<readonly [RegExp, string]> = [
  [/^conf(i(g(u(r(e)?)?)?)?)?\b/, 'enters configuration mode'],
  [/^(wr|wri|writ|write)\b/, 'writes the configuration'],
  [/^(copy|cop|merge|rename|move|mkdir|rmdir|rm|del|delete|erase|format|fsck|squeeze)\b/, 'changes files on the device'],
  [/^(reload|reloa|reboot|shutdown|halt|poweroff|restart|boot)\b/, 'restarts or stops the device'],
  [/^(clear|clea|cle)\b/, 'clears counters, sessions or state'],
  [/^no\b/, 'removes configuration'],
  [/^(set|unset|edit|delete|commit|rollback|load|save|request|execute|exec|diagnose debug)\b/, 'changes configuration or state (FortiOS, PAN-OS, Junos)'],
  [/^(debug|undebug|capture|packet-tracer|failover|crypto|license|upgrade|install|cluster|vpn-sessiondb)\b/, 'acts on the device'],
  [/^pager\b/, 'sets the pager in the configuration (persistent)'],
  [/\|\s*(redirect|append|tee|save)\b/, 'writes output to a file on the device'],
  [/[;&`$<>]/, 'contains shell or redirection syntax'],
];

export type GuardVerdict = { allowed: true; command: string } | { allowed: false; command: string; reason: string };

/** The command as it will be sent: trimmed, blanks collapsed. */
export function normaliseCommand(command: string): string {
  return command.trim().replace(/[ \t]+/g, ' ');
}

/**
 * Whether a command may be sent to a device: printable characters only, no command that
 * changes anything, and on the profile's allowlist (exact, or a pattern anchored at both ends).
 */
export function checkReadOnly(command: string, allowlist: CommandAllowlist): GuardVerdict {
  if (/[^\x20-\x7e\t]/.test(command)) return { allowed: false, command, reason: 'contains control characters or line breaks' };
  const normal = normaliseCommand(command);
  const lower = normal.toLowerCase();
  for (const [pattern, why] of NEVER) {
    if (pattern.test(lower)) return { allowed: false, command: normal, reason: `it ${why}` };
  }
  if (allowlist.exact.includes(normal)) return { allowed: true, command: normal };
  for (const pattern of allowlist.patterns ?? []) {
    if (!isAnchored(pattern)) continue;
    if (pattern.test(normal)) return { allowed: true, command: normal };
  }
  return { allowed: false, command: normal, reason: 'it is not on the read-only list for this device' };
}

/** A pattern is trusted only when anchored at both ends, without alternation escaping the anchors. */
export function isAnchored(pattern: RegExp): boolean {
  const source = pattern.source;
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return false;
  // `^a|b$` would match "b" anywhere at the end: top-level alternation must be grouped.
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return false;
  }
  return !pattern.flags.includes('m');
}
