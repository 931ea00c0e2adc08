import type { Rule } from '../../model/index';
import type { AddressSet, FlowSpace, PortSet } from '../../net/index';
import { cidrToMask } from './remediation-masks';

/**
 * ASA syntax for what an audit recommends. Addresses and ports that fit on one ACE are
 * written inline; anything larger goes into an object-group defined just before, so each
 * printed block can be pasted into configuration mode as it is.
 *
 * `line` is the list line (as `show access-list` numbers it, remarks included) to insert
 * before. `access-list NAME line N` puts the new ACE at N and moves the line that was there
 * down one, so the ACEs go to N, N+1, ... and land in order above the line that was at N.
 * Without `line` they are added at the end of the list. `options` ("log", "time-range T")
 * end every ACE.
 */
export function asaPermitLines(
  list: string,
  space: FlowSpace,
  options: { line?: number; groupPrefix: string; aceOptions?: string; sourcePorts?: boolean },
): string[] {
  const definitions: string[] = [];
  const aces: string[] = [];
  space.boxes().forEach((box, index) => {
    const name = (part: string) => `${options.groupPrefix}-${index + 1}-${part}`;
    const source = addressOperand(box.sources, name('SRC'), definitions);
    const destination = addressOperand(box.destinations, name('DST'), definitions);
    const protocol = box.protocols.toString();
    const ported = protocol === 'tcp' || protocol === 'udp';
    const sourcePorts = ported && options.sourcePorts ? portOperand(box.sourcePorts, name('SPORTS'), protocol, definitions) : '';
    const ports = ported ? portOperand(box.destinationPorts, name('PORTS'), protocol, definitions) : '';
    const at = options.line !== undefined ? ` line ${options.line + index}` : '';
    const tail = options.aceOptions ? ` ${options.aceOptions}` : '';
    const operands = [source, sourcePorts, destination, ports].filter((operand) => operand !== '').join(' ');
    aces.push(`access-list ${list}${at} extended permit ${protocol} ${operands}${tail}`);
  });
  return [...definitions, ...aces];
}

/**
 * The ACEs that replace an over-permissive rule, at its place in its list: inserted at the
 * rule's own line, which pushes it below them, then the rule removed with `no` and its text
 * as the running configuration has it (the ASA wants the whole entry, `log` and `inactive`
 * included, and never shows `line N`). Inserting first keeps the list from ever being empty
 * or opening a gap while the commands are entered. The new ACEs keep the rule's `log` and
 * `time-range` options, and any source ports it limited itself to: a replacement never opens
 * what the rule did not.
 */
export function asaTightenedRule(rule: Rule, needed: FlowSpace): string {
  const original = 'line' in rule.ref ? rule.ref.text.trim() : undefined;
  const lines = asaPermitLines(rule.list, needed, {
    ...(rule.listLine !== undefined && { line: rule.listLine }),
    groupPrefix: `WFOS-${rule.list}-${rule.position}`,
    sourcePorts: true,
    ...(original && { aceOptions: keptOptions(original) }),
  });
  return [...lines, ...(original ? [`no ${withoutLineNumber(original)}`] : [])].join('\n');
}

/** `access-list NAME line N ...` as the running configuration shows it: without `line N`. */
function withoutLineNumber(text: string): string {
  return text.replace(/^(access-list\s+\S+\s+)line\s+\d+\s+/i, '$1');
}

const LOG_LEVEL = /^(?:[0-7]|emergencies|alerts|critical|errors|warnings|notifications|informational|debugging)$/i;
const OPTION_WORDS = new Set(['log', 'time-range', 'inactive', 'rule-id', 'event-log']);
/** Words after which the next word is a name or a value, never an option keyword. */
const VALUE_TAKERS = new Set([
  'object', 'object-group', 'host', 'interface', 'eq', 'neq', 'lt', 'gt', 'range', 'time-range', 'rule-id', 'event-log',
  'user', 'user-group', 'object-group-user', 'object-group-security', 'security-group', 'name', 'tag', 'ifc', 'interval',
]);

/**
 * The `log ...` and `time-range T` options that end an ACE's text, as written; "" when it has
 * none. The options are the longest tail of the line that reads as options only.
 */
export function keptOptions(text: string): string {
  const words = text.split(/\s+/);
  for (let start = 4; start < words.length; start++) {
    if (!OPTION_WORDS.has(words[start]!.toLowerCase()) || VALUE_TAKERS.has(words[start - 1]!.toLowerCase())) continue;
    const kept = readOptionWords(words.slice(start));
    if (kept !== undefined) return kept.join(' ');
  }
  return '';
}

/** The log and time-range words of a run of option words, or undefined if it is not one. */
function readOptionWords(words: readonly string[]): string[] | undefined {
  const kept: string[] = [];
  for (let index = 0; index < words.length; ) {
    const word = words[index]!.toLowerCase();
    if (word === 'log') {
      const next = words[index + 1]?.toLowerCase();
      let end = index + 1;
      if (next === 'disable' || next === 'default') end++;
      else {
        if (next !== undefined && LOG_LEVEL.test(next)) end++;
        if (words[end]?.toLowerCase() === 'interval' && /^\d+$/.test(words[end + 1] ?? '')) end += 2;
      }
      kept.push(...words.slice(index, end));
      index = end;
    } else if (word === 'time-range' && words[index + 1] !== undefined) {
      kept.push(...words.slice(index, index + 2));
      index += 2;
    } else if ((word === 'rule-id' || word === 'event-log') && words[index + 1] !== undefined) {
      index += 2;
    } else if (word === 'inactive') {
      index += 1;
    } else {
      return undefined;
    }
  }
  return kept;
}

function addressOperand(addresses: AddressSet, groupName: string, definitions: string[]): string {
  if (addresses.isAnyV4() && addresses.isAnyV6()) return 'any';
  if (addresses.isAnyV4() && addresses.v6().isEmpty()) return 'any4';
  const cidrs = addresses.toCidrs();
  if (cidrs.length === 1) return cidrOperand(cidrs[0]!);
  definitions.push(`object-group network ${groupName}`, ...cidrs.map((cidr) => ` network-object ${cidrOperand(cidr)}`));
  return `object-group ${groupName}`;
}

function cidrOperand(cidr: string): string {
  const [address, length] = cidr.split('/') as [string, string];
  const v6 = address.includes(':');
  if ((v6 && length === '128') || (!v6 && length === '32')) return `host ${address}`;
  return v6 ? cidr : `${address} ${cidrToMask(Number(length))}`;
}

function portOperand(ports: PortSet, groupName: string, protocol: string, definitions: string[]): string {
  if (ports.isAll()) return '';
  const ranges = ports.ranges();
  const item = ([low, high]: readonly [number, number]) => (low === high ? `eq ${low}` : `range ${low} ${high}`);
  if (ranges.length === 1) return item(ranges[0]!);
  definitions.push(`object-group service ${groupName} ${protocol}`, ...ranges.map((range) => ` port-object ${item(range)}`));
  return `object-group ${groupName}`;
}

