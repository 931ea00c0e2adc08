/**
 * How sure we are that a text is an ASA (or FTD LINA) running configuration, 0..1. The
 * version banner is nearly conclusive; ASA-only commands (nameif, security-level,
 * `access-list N extended`, object-groups) support it; commands of other vendors count against.
 */
const SIGNS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(ASA|PIX|NGFW) Version \d/m, 0.6],
  [/^\s+nameif \S+/m, 0.15],
  [/^\s+security-level \d+/m, 0.15],
  [/^access-list \S+ (extended|advanced) (permit|deny|trust) /m, 0.15],
  [/^access-group \S+ (in|out) interface \S+/m, 0.1],
  [/^object-group (network|service) \S+/m, 0.05],
  [/^object network \S+/m, 0.05],
  [/^: Saved/m, 0.05],
];

const COUNTER_SIGNS: ReadonlyArray<readonly [RegExp, number]> = [
  // IOS routers and switches share access-list syntax but not these.
  [/^ip access-list (extended|standard) /m, 0.3],
  [/^Building configuration/m, 0.3],
  // FortiOS, PAN-OS/Junos set commands, Check Point.
  [/^config (firewall|system) /m, 0.6],
  [/^set (security|rulebase|deviceconfig|firewall) /m, 0.6],
  [/^\s*<\?xml/m, 0.5],
];

export function detectAsa(text: string): number {
  const sample = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  let score = 0;
  for (const [pattern, weight] of SIGNS) if (pattern.test(sample)) score += weight;
  for (const [pattern, weight] of COUNTER_SIGNS) if (pattern.test(sample)) score -= weight;
  return Math.min(1, Math.max(0, Math.round(score * 100) / 100));
}
