import { AddressParseError, AddressSet, PortSet, ProtocolSet } from '../../net/index';
import type { MatchBox, Rule, RuleAction, RuleList, TimeRange } from '../../model/index';
import { readExtendedEntry, type EntryEnvironment } from './access-list-entry';
import { EntrySyntaxError, type ParsedEntry } from './entry-types';
import { dedupeUncertainties, exact, hasIcmpType, matchBoxes, specOf } from '../../model/match-building';
import type { ParseContext } from './context';
import { TokenCursor } from './cursor';
import { restAfterWords, type ConfigLine } from './lines';
import type { RawAccessGroup } from './raw-config';


/** A line of a list as the ASA numbers it: remarks take line numbers too. */
type ListLine = { remark: string } | Rule;

interface ListDraft {
  list: RuleList;
  lines: ListLine[];
  /** FTD rule ids whose remark says "L7 RULE": Snort, not the list, has the last word on them. */
  snortDecided: Set<string>;
}

const EVERYTHING: MatchBox = {
  sources: AddressSet.any(),
  destinations: AddressSet.any(),
  protocols: ProtocolSet.all(),
  sourcePorts: PortSet.all(),
  destinationPorts: PortSet.all(),
};

export interface BuiltRuleLists {
  lists: RuleList[];
  /** Lists with only webtype or ethertype lines: they exist on the ASA but filter no IP flow. */
  nonIpLists: Set<string>;
}

/** Second pass over `access-list` lines: rules in order, remarks attached, ids assigned. */
export function buildRuleLists(
  lines: readonly ConfigLine[],
  env: EntryEnvironment,
  timeRanges: readonly TimeRange[],
  ctx: ParseContext,
): BuiltRuleLists {
  const drafts = new Map<string, ListDraft>();
  const nonIpLists = new Set<string>();
  // ASA 8.x kept IPv6 entries in `ipv6 access-list`, where `any` is every IPv6 address.
  const ipv6Env: EntryEnvironment = { ...env, any: AddressSet.anyV6() };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const ipv6 = line.tokens[0] === 'ipv6';
    const name = line.tokens[ipv6 ? 2 : 1];
    if (name === undefined) {
      ctx.notUnderstood(line, 'access-list needs a name');
      continue;
    }
    if (!ipv6 && isListSetting(line)) {
      ctx.ignored(line);
      continue;
    }
    if (!ipv6 && isNonIpLine(line)) {
      const form = line.tokens.includes('webtype') ? 'webtype' : 'ethertype';
      ctx.report(line.number, 'info', `access-list ${name} ${form}: ${form === 'webtype' ? 'clientless VPN' : 'non-IP'} filtering, recorded and not evaluated`);
      ctx.ignored(line);
      nonIpLists.add(name);
      continue;
    }
    let draft = drafts.get(name);
    if (!draft) {
      draft = { list: { name, rules: [], appliedAt: [], trailingComments: [] }, lines: [], snortDecided: new Set() };
      drafts.set(name, draft);
    }
    readAccessListLine(line, ipv6 ? 3 : 2, draft, ipv6 ? ipv6Env : env, timeRanges, ctx);
  }
  for (const name of drafts.keys()) nonIpLists.delete(name);
  const lists = [...drafts.values()].map(finishList);
  return { lists, nonIpLists };
}

/**
 * Numbers the list once every `line N` insertion is in place: positions among rules, line
 * numbers among all lines, and the remarks directly above each rule as its comment.
 */
function finishList({ list, lines }: ListDraft): RuleList {
  let remarks: string[] = [];
  lines.forEach((line, index) => {
    if ('remark' in line) {
      remarks.push(line.remark);
      return;
    }
    const rule = line;
    list.rules.push(rule);
    rule.position = list.rules.length;
    // join() builds one flat string; a template literal leaves a chain of three, kept per rule.
    rule.id = [list.name, rule.position].join('#');
    rule.listLine = index + 1;
    if (remarks.length > 0) rule.comment = remarks.join('\n');
    remarks = [];
  });
  list.trailingComments = remarks;
  return list;
}

/**
 * `access-list alert-interval SECS` and `access-list deny-flow-max N` set how often and for how
 * many denied flows the ASA logs; they look like a list named after the setting but hold no rule.
 */
function isListSetting(line: ConfigLine): boolean {
  const [, setting, value, extra] = line.tokens;
  return (setting === 'alert-interval' || setting === 'deny-flow-max') && value !== undefined && /^\d+$/.test(value) && extra === undefined;
}

function isNonIpLine(line: ConfigLine): boolean {
  const form = line.tokens[2] === 'line' ? line.tokens[4] : line.tokens[2];
  return form === 'webtype' || form === 'ethertype';
}

/** `start` is the word after the list's name: 2 for `access-list`, 3 for `ipv6 access-list`. */
function readAccessListLine(
  line: ConfigLine,
  start: number,
  draft: ListDraft,
  env: EntryEnvironment,
  timeRanges: readonly TimeRange[],
  ctx: ParseContext,
): void {
  const cursor = new TokenCursor(line.tokens, start);
  let requestedLine: number | undefined;
  if (cursor.peekKeyword() === 'line' && /^\d+$/.test(cursor.peek(1) ?? '')) {
    cursor.next();
    requestedLine = Number(cursor.next());
  }
  const form = cursor.next()?.toLowerCase();
  if (form === 'remark') {
    const remark = restAfterWords(line, start + (requestedLine === undefined ? 1 : 3));
    const snortRule = SNORT_DECIDED_REMARK.exec(remark)?.[1];
    if (snortRule !== undefined) draft.snortDecided.add(snortRule);
    placeLine({ remark }, requestedLine, line, draft, ctx);
    return;
  }
  const notes: string[] = [];
  let action = form === 'extended' || form === 'advanced' || form === 'standard' ? cursor.next()?.toLowerCase() : form;
  if (start === 3) notes.push('ipv6 access-list: the ASA 8.x form of an IPv6 list');
  else if (form === 'permit' || form === 'deny') notes.push('written without "extended" (pre-8.0 form)');
  if (action === 'trust' && form === 'advanced') {
    notes.push('FTD trust: permitted without further inspection');
    action = 'permit';
  }
  if (action !== 'permit' && action !== 'deny') return ctx.notUnderstood(line, 'expected permit or deny');

  let entry: ParsedEntry | undefined;
  let syntaxError: string | undefined;
  try {
    entry = form === 'standard' ? readStandardEntry(action, cursor) : readExtendedEntry(action, cursor, env);
  } catch (error) {
    if (!(error instanceof EntrySyntaxError)) throw error;
    syntaxError = error.message;
  }
  if (entry?.ruleId !== undefined && entry.action === 'permit' && draft.snortDecided.has(entry.ruleId)) leaveToSnort(entry, entry.ruleId);
  const rule = entry ? ruleFrom(entry, line, draft, notes, timeRanges, ctx) : unreadableRule(action, line, draft, syntaxError ?? '', ctx);
  placeLine(rule, requestedLine, line, draft, ctx);
  // The rule keeps the line's text; its words are not needed again.
  line.forgetTokens();
}

/**
 * FMC compiles a Firepower rule with application, URL, user or similar conditions (its remark
 * says "L7 RULE") into a LINA permit whatever the rule's action: the permit only hands the
 * traffic to Snort, which allows or blocks it by conditions this file does not hold.
 */
const SNORT_DECIDED_REMARK = /^rule-id (\d+): L7 RULE:/;

function leaveToSnort(entry: ParsedEntry, ruleId: string): void {
  entry.conditional = true;
  entry.unresolved.push({
    kind: 'unsupported',
    name: `rule-id ${ruleId}`,
    reason: `Firepower rule ${ruleId} has conditions Snort decides (application, URL, user or similar): the LINA permit only passes the traffic to Snort, which may still block it`,
  });
}

/**
 * `line N` puts the new line at N of the list as it stands, remarks counted, and moves the
 * line that was there (and all below) down one; past the end it is added at the end.
 */
function placeLine(item: ListLine, requestedLine: number | undefined, line: ConfigLine, draft: ListDraft, ctx: ParseContext): void {
  if (requestedLine !== undefined && requestedLine <= draft.lines.length) {
    draft.lines.splice(Math.max(requestedLine - 1, 0), 0, item);
    ctx.report(line.number, 'info', `inserted at line ${requestedLine} of ${draft.list.name}, as the ASA would`);
  } else {
    draft.lines.push(item);
  }
}

/** `standard permit|deny any4|host A|A M`: used for routing and VPN, matches destinations only. */
function readStandardEntry(action: RuleAction, cursor: TokenCursor): ParsedEntry {
  const word = cursor.next();
  let text: string;
  if (word === 'any' || word === 'any4') text = 'any4';
  else if (word === 'host' && cursor.peek() !== undefined) text = cursor.next() ?? '';
  else if (word !== undefined && cursor.peek() !== undefined) text = `${word} ${cursor.next() ?? ''}`;
  else throw new EntrySyntaxError('standard entry needs any4, host A or A M');
  if (!cursor.done()) throw new EntrySyntaxError(`unexpected "${cursor.peek()}"`);
  let destinations: AddressSet;
  try {
    destinations = AddressSet.parse(text);
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    throw new EntrySyntaxError(error.message);
  }
  return {
    action,
    // Standard lists are IPv4 only.
    sources: exact(AddressSet.anyV4()),
    destinations: exact(destinations),
    services: exact([specOf(ProtocolSet.all())]),
    conditional: false,
    logging: false,
    enabled: true,
    referencedObjects: [],
    unresolved: [],
    problems: [],
  };
}

// Shared by every rule that negates nothing (all ASA rules): the model never changes it.
const NOTHING_NEGATED: Rule['negated'] = Object.freeze({ sources: false, destinations: false, services: false });

function ruleFrom(entry: ParsedEntry, line: ConfigLine, draft: ListDraft, notes: string[], timeRanges: readonly TimeRange[], ctx: ParseContext): Rule {
  for (const problem of entry.problems) ctx.report(line.number, problem.severity, `${draft.list.name}: ${problem.message}`);
  if (hasIcmpType(entry.services.upper)) {
    entry.unresolved.push({ kind: 'icmp-type', reason: 'the rule matches only some ICMP types; the audit treats that part as uncertain' });
  }
  const unresolved = dedupeUncertainties(entry.unresolved);
  if (entry.timeRange !== undefined) {
    const range = timeRanges.find((candidate) => candidate.name === entry.timeRange);
    if (range) notes.push(`active only during time-range ${range.name}${range.entries.length ? ` (${range.entries.join('; ')})` : ''}`);
    else ctx.report(line.number, 'warning', `${draft.list.name}: time-range ${entry.timeRange} is not defined`);
  }
  // One literal with every field, absent ones undefined: tens of thousands of rules then share
  // one shape and are built in one allocation, with no property store grown field by field.
  return {
    id: '',
    list: draft.list.name,
    position: 0,
    listLine: 0,
    action: entry.action,
    match: entry.conditional ? [] : boxesOf(entry, 'lower'),
    mayMatch: unresolved.length > 0 ? boxesOf(entry, 'upper') : undefined,
    negated: NOTHING_NEGATED,
    enabled: entry.enabled,
    logging: entry.logging,
    comment: undefined,
    fromZones: entry.ingressInterfaces,
    toZones: entry.egressInterfaces,
    timeRange: entry.timeRange,
    unresolved: orNone(unresolved),
    notes: orNone(notes),
    referencedObjects: distinct(entry.referencedObjects),
    ref: ctx.ref(line),
  };
}

/**
 * The names without repeats, in first-seen order; an entry names at most a handful, so no Set
 * is built. Copied either way: the array the entry pushed into keeps room for 16 more names,
 * and the rule keeps it for as long as the audit runs.
 */
function distinct(names: string[]): string[] {
  for (let i = 1; i < names.length; i++) {
    if (names.lastIndexOf(names[i]!, i - 1) >= 0) return names.filter((name, at) => names.indexOf(name) === at);
  }
  return names.length === 0 ? NONE : names.slice();
}

/**
 * Most rules have no notes, uncertainties or object names: they share one frozen empty list.
 * Every object a rule keeps is copied by each collection the parse lives through, and tens of
 * thousands of empty lists cost more than their size suggests.
 */
const NONE = Object.freeze([]) as unknown as never[];

function orNone<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list;
}

function boxesOf(entry: ParsedEntry, side: 'lower' | 'upper'): MatchBox[] {
  return matchBoxes({
    sources: entry.sources[side],
    destinations: entry.destinations[side],
    services: entry.services[side],
    sourcePorts: entry.sourcePorts?.[side],
    destinationPorts: entry.destinationPorts?.[side],
    keepIcmpTypes: side === 'upper',
  });
}

/** A line that cannot be read still holds its place in the list and might match anything. */
function unreadableRule(action: RuleAction, line: ConfigLine, draft: ListDraft, why: string, ctx: ParseContext): Rule {
  ctx.notUnderstood(line, why);
  return {
    id: '',
    list: draft.list.name,
    position: 0,
    listLine: 0,
    action,
    match: [],
    mayMatch: [EVERYTHING],
    negated: NOTHING_NEGATED,
    enabled: !line.tokens.includes('inactive'),
    logging: line.tokens.includes('log'),
    unresolved: [{ kind: 'unsupported', reason: `the line could not be read: ${why}` }],
    notes: [],
    referencedObjects: [],
    ref: ctx.ref(line),
  };
}

/** Puts `access-group` placements on their lists, checking that list and interface exist. */
export function applyAccessGroups(
  { lists, nonIpLists }: BuiltRuleLists,
  groups: readonly RawAccessGroup[],
  interfaceNames: ReadonlySet<string>,
  ctx: ParseContext,
): void {
  for (const group of groups) {
    const list = lists.find((candidate) => candidate.name === group.list);
    if (!list && nonIpLists.has(group.list)) {
      ctx.report(group.line.number, 'info', `access-group applies ${group.list}, which filters no IP traffic`);
      continue;
    }
    if (!list) {
      ctx.report(group.line.number, 'error', `access-group applies ${group.list}, which is not defined in this file`);
      continue;
    }
    if (group.interface !== undefined && !interfaceNames.has(group.interface)) {
      ctx.report(group.line.number, 'error', `access-group ${group.list}: interface ${group.interface} has no nameif in this file`);
    }
    list.appliedAt.push({
      kind: group.kind,
      ...(group.interface !== undefined ? { interface: group.interface } : {}),
      ref: ctx.ref(group.line),
    });
  }
}
