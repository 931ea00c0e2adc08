import { AddressSet, ProtocolSet } from '../net/index';
import type { Rule, RuleAction, ServiceSpec, SheetSourceRef, Uncertainty } from '../model/index';
import { exact, matchBoxes, type Bound } from '../model/match-building';
import { specOf } from '../model/match-building';
import { dedupeUncertainties } from '../model/match-building';
import { readAddressCell, type CellReading } from './address-cells';
import { isAnyWord, readAction, readFlag, splitItems } from './cell-items';
import type { RuleField } from './column-fields';
import type { RuleColumnMapping } from './column-mapping';
import type { ImportContext } from './import-context';
import type { SheetObjects } from './object-table';
import { draftText, type DraftCell, type RuleDraft } from './rule-rows';
import { protocolWord, readServiceCell } from './service-cells';

/** A rule read from its row, still to be numbered once the sheet's order is known. */
export interface BuiltRule {
  rule: Rule;
  /** The sequence column's number ("12", "3.1"), for ordering by it. */
  sequence?: number[];
  /** At least one cell could not be read: the row counts as not understood. */
  unreadable: boolean;
}

interface RuleEnvironment {
  sheet: string;
  mapping: RuleColumnMapping;
  objects: SheetObjects;
  ctx: ImportContext;
}

const NO_LOGGING = new Set(['', 'none', 'no', 'disable', 'disabled', 'off', 'false', '-', 'no log', 'nolog']);
const ALWAYS = new Set(['', 'always', 'any', 'none', '-']);

/**
 * One rule from its draft, read as the ASA parser reads an ACE: each part as a lower bound
 * (what it certainly matches) and an upper bound (what it might). A row with a cell that cannot
 * be read at all is kept in its place but matches nothing for certain: everything it might
 * match becomes "unknown" in the verdicts, so an unreadable permit never vanishes and an
 * unreadable deny never lets a flow look allowed.
 */
export function buildRule(draft: RuleDraft, ref: SheetSourceRef, env: RuleEnvironment): BuiltRule {
  const { mapping } = env;
  const problems: string[] = [];
  const unresolved: Uncertainty[] = [];
  const notes: string[] = [];
  const referencedObjects: string[] = [];
  const take = <R extends CellReading<unknown>>(field: RuleField, reading: R): R => {
    const cell = firstCell(draft, field);
    for (const problem of reading.problems) env.ctx.atCell(env.sheet, cell.row, cell.column, 'error', problem);
    for (const warning of reading.warnings) env.ctx.atCell(env.sheet, cell.row, cell.column, 'warning', warning);
    for (const note of reading.notes) env.ctx.atCell(env.sheet, cell.row, cell.column, 'info', note);
    problems.push(...reading.problems);
    unresolved.push(...reading.unresolved);
    referencedObjects.push(...reading.referencedObjects);
    return reading;
  };
  const problemAt = (field: RuleField, message: string, severity: 'error' | 'warning' = 'error') => {
    const cell = firstCell(draft, field);
    env.ctx.atCell(env.sheet, cell.row, cell.column, severity, message);
    if (severity === 'error') problems.push(message);
  };

  const sources = addresses(draft, 'source', 'negateSource', env, take, problemAt);
  const destinations = addresses(draft, 'destination', 'negateDestination', env, take, problemAt);
  const services = serviceBound(draft, env, take, problemAt);
  const action = actionOf(draft, env, problemAt);
  const enabled = enabledOf(draft, env, notes, problemAt);
  let conditional = conditionsOf(draft, unresolved, notes);
  const applications = splitItems(draftText(draft, 'application')).filter((item) => !isAnyWord(item));
  if (applications.length > 0) {
    conditional = true;
    unresolved.push({ kind: 'unsupported', name: applications.join(', '), reason: `matches only the applications ${applications.join(', ')} (App-ID), which a port matrix does not describe` });
  }
  const schedule = draftText(draft, 'schedule');
  if (!ALWAYS.has(schedule.toLowerCase())) notes.push(`active only during schedule ${schedule}`);
  if (draft.section !== undefined) notes.push(`section: ${draft.section}`);
  if (draft.hidden) notes.push('the row is hidden in the spreadsheet');
  const identifier = draftText(draft, 'sequence');
  if (identifier !== '' && !mapping.sequenceOrders) notes.push(`${mapping.fields.sequence!.header || 'ID'} ${identifier} in the export`);
  if (services.upper.some((service) => service.icmp)) {
    unresolved.push({ kind: 'icmp-type', reason: 'the rule matches only some ICMP types; the audit treats that part as uncertain' });
  }
  // The whole row becomes unknown. A cell's own uncertainty usually says why already; a problem
  // none says (an unreadable action, say) is given as the row's, so no reason is read out twice.
  const unsaid = problems.filter((problem) => !unresolved.some((item) => item.reason === problem));
  if (unsaid.length > 0) unresolved.push({ kind: 'unsupported', reason: `row ${ref.row} could not be read: ${unsaid.join('; ')}` });

  const bound = (side: 'lower' | 'upper') =>
    matchBoxes({ sources: sources[side], destinations: destinations[side], services: services[side], keepIcmpTypes: side === 'upper' });
  const uncertain = dedupeUncertainties(unresolved);
  const named = nameOf(draft);
  const comment = draftText(draft, 'comment');
  const direction = directionOf(draftText(draft, 'direction'), problemAt);
  const fromZones = zonesOf(draft, 'sourceZone');
  const toZones = zonesOf(draft, 'destinationZone');
  const rule: Rule = {
    id: '',
    list: env.sheet,
    position: 0,
    action: action ?? 'deny',
    match: problems.length > 0 || conditional || action === undefined ? [] : bound('lower'),
    ...(uncertain.length > 0 && { mayMatch: bound('upper') }),
    negated: { sources: sources.negated, destinations: destinations.negated, services: false },
    enabled: enabled && !named.disabled,
    logging: !NO_LOGGING.has(draftText(draft, 'logging').toLowerCase()),
    ...(comment !== '' && { comment }),
    ...(named.name !== '' && { name: named.name }),
    ...(fromZones && { fromZones }),
    ...(toZones && { toZones }),
    ...(direction && { direction }),
    unresolved: uncertain,
    notes: named.disabled ? [...notes, 'the name is marked [Disabled]'] : notes,
    referencedObjects: [...new Set(referencedObjects)],
    ref,
  };
  const sequence = /^\d+(\.\d+)*$/.test(identifier) ? identifier.split('.').map(Number) : undefined;
  return { rule, ...(sequence && { sequence }), unreadable: problems.length > 0 };
}

type Take = <R extends CellReading<unknown>>(field: RuleField, reading: R) => R;
type ProblemAt = (field: RuleField, message: string, severity?: 'error' | 'warning') => void;

function firstCell(draft: RuleDraft, field: RuleField): DraftCell {
  const cells = draft.cells.get(field);
  return cells?.find((cell) => cell.text.trim() !== '') ?? cells?.[0] ?? { text: '', row: draft.row, column: 0 };
}

/**
 * Sources or destinations with negation (a Negate column or a "!"/"Negated" marker) applied to
 * both bounds: not-X certainly matches what X cannot, and might match what X does not surely.
 */
function addresses(draft: RuleDraft, field: 'source' | 'destination', negateField: RuleField, env: RuleEnvironment, take: Take, problemAt: ProblemAt): Bound<AddressSet> & { negated: boolean } {
  const text = draftText(draft, field);
  if (env.mapping.fields[field] === undefined || text === '') {
    if (env.mapping.fields[field] !== undefined) problemAt(field, `no ${field} given`);
    return { lower: AddressSet.empty(), upper: AddressSet.any(), negated: false };
  }
  const reading = take(field, readAddressCell(text, env.objects.network));
  const column = readFlag(draftText(draft, negateField));
  if (env.mapping.fields[negateField] !== undefined && column === undefined) problemAt(negateField, `"${draftText(draft, negateField)}" is not yes or no`);
  const negated = reading.negated || column === true;
  if (!negated) return { ...reading.bound, negated };
  const any = AddressSet.any();
  return { lower: any.subtract(reading.bound.upper), upper: any.subtract(reading.bound.lower), negated };
}

function serviceBound(draft: RuleDraft, env: RuleEnvironment, take: Take, problemAt: ProblemAt): Bound<ServiceSpec[]> {
  const protocolText = draftText(draft, 'protocol');
  const protocols = protocolText === '' ? undefined : splitItems(protocolText).reduce<ProtocolSet | undefined>((all, item) => {
    const set = protocolWord(item) ?? (/^\d{1,3}$/.test(item) && Number(item) <= 255 ? ProtocolSet.of(Number(item)) : undefined);
    if (set === undefined) problemAt('protocol', `"${item}" is not a protocol`);
    return set === undefined || all === undefined ? (all ?? set) : all.union(set);
  }, undefined);
  const text = draftText(draft, 'service');
  if (text === '' && protocols !== undefined) return exact([specOf(protocols)]);
  const everything = [specOf(ProtocolSet.all())];
  if (env.mapping.fields.service === undefined) return { lower: [], upper: everything };
  if (text === '') {
    problemAt('service', 'no service given');
    return { lower: [], upper: everything };
  }
  const context = { lookup: env.objects.service, ...(protocols && { protocols }), ...(env.mapping.style === 'fortigate' && { colonNamesSourcePorts: true }) };
  return take('service', readServiceCell(text, context)).bound;
}

function actionOf(draft: RuleDraft, env: RuleEnvironment, problemAt: ProblemAt): RuleAction | undefined {
  if (env.mapping.fields.action === undefined) return 'permit';
  const text = draftText(draft, 'action');
  const action = readAction(text);
  if (action === undefined) problemAt('action', text === '' ? 'no action given' : `"${text}" is not an action this reader knows (allow, accept, permit, deny, drop, reject, block)`);
  return action;
}

function enabledOf(draft: RuleDraft, env: RuleEnvironment, notes: string[], problemAt: ProblemAt): boolean {
  if (env.mapping.fields.enabled === undefined) return true;
  const text = draftText(draft, 'enabled');
  const flag = readFlag(text);
  if (flag === undefined) {
    problemAt('enabled', `"${text}" does not say whether the rule is enabled`);
    return true;
  }
  if (text === '' && !env.mapping.statusMeansDisabled) {
    notes.push('the status cell is empty: read as enabled');
    return true;
  }
  return env.mapping.statusMeansDisabled ? !flag : flag;
}

/** User, device, HIP or source-port columns with anything but "any": nothing is matched for certain. */
function conditionsOf(draft: RuleDraft, unresolved: Uncertainty[], notes: string[]): boolean {
  let conditional = false;
  for (const { cell, header, condition } of draft.conditions) {
    const items = splitItems(cell.text).filter((item) => !isAnyWord(item));
    if (items.length === 0) continue;
    conditional = true;
    unresolved.push({ kind: condition, name: items.join(', '), reason: `${header} is ${items.join(', ')}: the rule applies only to that, which a port matrix does not describe` });
    notes.push(`${header}: ${items.join(', ')}`);
  }
  return conditional;
}

/** The name, without the "[Disabled]" some exports put in front of a disabled rule's name. */
function nameOf(draft: RuleDraft): { name: string; disabled: boolean } {
  const text = draftText(draft, 'name');
  const marker = /^\s*[[(]\s*disabled\s*[\])]\s*/i.exec(text);
  return marker ? { name: text.slice(marker[0].length), disabled: true } : { name: text, disabled: false };
}

function zonesOf(draft: RuleDraft, field: 'sourceZone' | 'destinationZone'): string[] | undefined {
  const zones = splitItems(draftText(draft, field));
  return zones.length === 0 || zones.some(isAnyWord) ? undefined : zones;
}

const INBOUND = new Set(['in', 'inbound', 'ingress', 'incoming', 'input']);
const OUTBOUND = new Set(['out', 'outbound', 'egress', 'outgoing', 'output']);
const BOTH_WAYS = new Set(['', 'any', 'both', 'all', 'in/out', 'inbound/outbound', 'bidirectional']);

/** A host firewall rule's direction: `in` reaches the host, `out` leaves it; both ways when the cell says so or is empty. */
function directionOf(text: string, problemAt: ProblemAt): Rule['direction'] {
  const word = text.trim().toLowerCase();
  if (INBOUND.has(word)) return 'in';
  if (OUTBOUND.has(word)) return 'out';
  if (!BOTH_WAYS.has(word)) problemAt('direction', `"${text.trim()}" is not a direction (inbound or outbound): the rule is taken to apply both ways`, 'warning');
  return undefined;
}
