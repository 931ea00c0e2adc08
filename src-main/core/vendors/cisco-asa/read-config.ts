import { ParseContext } from './context';
import { isIgnoredCommand } from './ignored-commands';
import { readInterface, readIpv6Route, readRoute } from './interfaces';
import { forEachCommand, type ConfigCommand, type ConfigLine, type LineCounts } from './lines';
import { readLegacyNat, readTopLevelNat } from './nat';
import { readName, readNetworkGroup, readNetworkObject } from './network-objects';
import { emptyRawConfig, type RawConfig, type ReadState } from './raw-config';
import { readSecurityContext } from './security-contexts';
import { readServiceGroup, readServiceObject } from './service-objects';
import { readAccessGroup, readFirewallMode, readHostname, readSameSecurity, readTimeRange, readVersion } from './settings';

type Handler = (command: ConfigCommand, state: ReadState) => void;

/** Single-line commands: their indented lines (there should be none) are reported. */
const singleLine =
  (read: (line: ConfigLine, state: ReadState) => void): Handler =>
  (command, state) => {
    read(command.head, state);
    for (const child of command.children) state.ctx.notUnderstood(child);
  };

const HANDLERS: ReadonlyArray<readonly [string, Handler]> = [
  ['hostname', singleLine(readHostname)],
  ['ASA Version', singleLine(readVersion)],
  ['PIX Version', singleLine(readVersion)],
  ['NGFW Version', singleLine(readVersion)],
  ['interface', readInterface],
  ['route', singleLine(readRoute)],
  ['ipv6 route', singleLine(readIpv6Route)],
  ['name', singleLine(readName)],
  ['object network', readNetworkObject],
  ['object service', readServiceObject],
  ['object-group network', readNetworkGroup],
  ['object-group service', readServiceGroup],
  ['object-group protocol', readServiceGroup],
  ['object-group icmp-type', readServiceGroup],
  ['object-group user', ignoreIdentityGroup],
  ['object-group security', ignoreIdentityGroup],
  ['access-list', singleLine(keepAccessListLine)],
  // ASA 8.x's IPv6 lists, applied by access-group like any other.
  ['ipv6 access-list', singleLine(keepAccessListLine)],
  ['access-group', singleLine(readAccessGroup)],
  ['nat', singleLine(readTopLevelNat)],
  ['global', singleLine(readLegacyNat)],
  ['static', singleLine(readLegacyNat)],
  ['same-security-traffic', singleLine(readSameSecurity)],
  ['time-range', readTimeRange],
  ['firewall', singleLine(readFirewallMode)],
  ['router', ignoreRouting],
  ['ipv6 router', ignoreRouting],
  // Only in the system configuration of a multiple-context firewall.
  ['context', readSecurityContext],
];

function keepAccessListLine(accessList: ConfigLine, { ctx, raw }: ReadState): void {
  // Read in the second pass, once every object is known; claimed now so it is not reported.
  raw.accessListLines.push(accessList);
  ctx.understood(accessList);
}

// Grouped by first word, in table order within a group, so a line is checked only against
// the handlers it can match.
const handlersByFirstWord = new Map<string, (readonly [string[], Handler])[]>();
for (const [prefix, handler] of HANDLERS) {
  const words = prefix.split(' ');
  const group = handlersByFirstWord.get(words[0]!) ?? [];
  group.push([words, handler]);
  handlersByFirstWord.set(words[0]!, group);
}

function handlerFor(line: ConfigLine): Handler | undefined {
  const group = handlersByFirstWord.get(line.firstWord);
  if (group === undefined) return undefined;
  // One-word commands (access-list, the bulk of a large file) are known without splitting the line.
  if (group.length === 1 && group[0]![0].length === 1) return group[0]![1];
  const tokens = line.tokens;
  for (const [words, handler] of group) {
    let matches = true;
    for (let index = 1; index < words.length; index++) {
      if (tokens[index] !== words[index]) {
        matches = false;
        break;
      }
    }
    if (matches) return handler;
  }
  return undefined;
}

/** First pass: every line read into raw structures, set aside, or reported. */
export function readConfig(text: string, file: string): { raw: RawConfig; ctx: ParseContext; counts: LineCounts } {
  const ctx = new ParseContext(file);
  const raw = emptyRawConfig();
  const counts = forEachCommand(text, (command) => {
    const handler = handlerFor(command.head);
    if (handler) {
      handler(command, { ctx, raw });
    } else if (isIgnoredCommand(command.head.tokens)) {
      ctx.ignored(command.head);
      command.children.forEach((child) => ctx.ignored(child));
    } else {
      ctx.notUnderstood(command.head, command.children.length > 0 ? `with the ${command.children.length} lines below it` : undefined);
      // One warning for the block is enough to point the reader at it.
      command.children.forEach((child) => ctx.notUnderstood(child, undefined, { quiet: true }));
    }
    ctx.settle(command);
    // Lines a reader kept (access-list lines, members to blame) stay; their words need not.
    command.head.forgetTokens();
    for (const child of command.children) child.forgetTokens();
  });
  return { raw, ctx, counts };
}

function ignoreIdentityGroup(command: ConfigCommand, { ctx }: ReadState): void {
  ctx.report(
    command.head.number,
    'info',
    `${command.head.tokens.slice(0, 3).join(' ')}: user and security-group identity is not modelled; rules using it are marked unresolved`,
  );
  ctx.understood(command.head);
  command.children.forEach((child) => ctx.ignored(child));
}

function ignoreRouting(command: ConfigCommand, { ctx }: ReadState): void {
  const words = command.head.tokens[0] === 'ipv6' ? 4 : 3;
  ctx.report(
    command.head.number,
    'info',
    `${command.head.tokens.slice(0, words).join(' ')}: dynamic routing is not modelled; only connected subnets and static routes place flows`,
  );
  ctx.ignored(command.head);
  command.children.forEach((child) => ctx.ignored(child));
}
