import type { CapturePurpose, PromptMatch, SshVendorProfile } from '../../collect/profile';
import { ASA_VENDOR_ID } from './parse';

// hostname, then context and failover parts (`fw01/admin`, `fw01/pri/act`), then a mode in
// parentheses (`(config)`, `(config-if)`), then > or #.
const PROMPT = /^([A-Za-z][\w.-]*(?:\/[\w.-]+)*)(\([^()\s]*\))?([>#])\s?$/;

/** An ASA or FTD (LINA) prompt; any parenthesised mode counts as configuration mode. */
export function matchAsaPrompt(line: string): PromptMatch | undefined {
  const text = line.trim();
  const match = PROMPT.exec(text);
  if (!match) return undefined;
  const [, base = '', submode, sign] = match;
  const mode = submode !== undefined ? 'config' : sign === '#' ? 'privileged' : 'user';
  return { base, mode, text };
}

const END_MARKER = ': end';

/** `show running-config` is whole only when it ends with `: end`, and is a configuration only with a version line. */
function runningConfigIncompleteBecause(lines: readonly string[]): string | undefined {
  const last = [...lines].reverse().find((line) => line.trim() !== '');
  if (last === undefined) return 'the device sent no configuration';
  if (!lines.some((line) => /^(ASA|PIX|NGFW) Version /.test(line))) return 'the output has no "ASA Version" line, so it is not a running configuration';
  if (last.trim() !== END_MARKER) return `the output does not end with "${END_MARKER}" (it ends with "${last.trim().slice(0, 80)}")`;
  return undefined;
}

function deviceFacts(outputs: ReadonlyMap<CapturePurpose, readonly string[]>): { hostname?: string; version?: string } {
  const version = outputs.get('version') ?? [];
  const configuration = outputs.get('configuration') ?? [];
  const softwareVersion = version.map((line) => /Software Version (\S+)/.exec(line)?.[1]).find(Boolean);
  const configVersion = configuration.map((line) => /^(?:ASA|PIX|NGFW) Version (\S+)/.exec(line)?.[1]).find(Boolean);
  const hostname =
    configuration.map((line) => /^hostname (\S+)/.exec(line)?.[1]).find(Boolean) ?? version.map((line) => /^(\S+) up \d/.exec(line)?.[1]).find(Boolean);
  return { ...(hostname ? { hostname } : {}), ...((softwareVersion ?? configVersion) ? { version: softwareVersion ?? configVersion } : {}) };
}

/**
 * Cisco ASA / FTD LINA over SSH: log in, `enable`, turn the pager off for this session only
 * (`terminal pager 0`, never the persistent `pager lines 0`), and read five show commands.
 */
export const ciscoAsaSshProfile: SshVendorProfile = {
  vendor: ASA_VENDOR_ID,
  name: 'Cisco ASA / FTD (LINA)',
  newline: '\n',
  terminal: { cols: 511, rows: 200 },
  matchPrompt: matchAsaPrompt,
  privilege: { command: 'enable', passwordPrompt: /^Password:\s*$/ },
  pager: { prompt: /<--- More --->$/, nextPage: ' ' },
  refusal: /^(ERROR: |% ?Invalid input|Command authorization failed)/,
  setup: [
    { command: 'terminal pager 0', ifRefused: 'the device refused "terminal pager 0": pages were turned by answering <--- More ---> instead' },
    { command: 'terminal width 511', ifRefused: 'the device refused "terminal width 511": long lines may be wrapped' },
  ],
  captures: [
    { command: 'show version', purpose: 'version' },
    { command: 'show running-config', purpose: 'configuration', incompleteBecause: runningConfigIncompleteBecause },
    { command: 'show access-list', purpose: 'hit-counts' },
    { command: 'show route', purpose: 'routes' },
    { command: 'show interface ip brief', purpose: 'interfaces' },
  ],
  allowlist: {
    exact: ['enable', 'terminal pager 0', 'terminal width 511', 'show version', 'show running-config', 'show access-list', 'show route', 'show interface ip brief'],
  },
  deviceFacts,
};
