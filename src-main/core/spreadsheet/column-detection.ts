import {
  CONDITION_HEADERS,
  DISABLED_HEADERS,
  IDENTIFIER_HEADERS,
  KNOWN_IGNORED_HEADERS,
  normaliseHeader,
  OBJECT_HEADERS,
  RULE_HEADERS,
  type ObjectField,
  type RuleField,
} from './column-fields';
import { isAnyWord } from './cell-items';
import { addressShare, CONTENT_ONLY_FIELDS, contentFit, sampleColumn } from './column-content';
import type { ColumnAssignment, ColumnMapping, ExportStyle, ObjectColumnMapping, RuleColumnMapping } from './column-mapping';
import { columnIndexOf, columnLetter, isBlankRow, type SheetGrid } from './grid';

/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 30;
const EXACT = 0.95;
/** Fields a rules header is recognised by: kept even when no cell fits, so every bad cell is reported. */
const ESSENTIAL_FIELDS = new Set<RuleField>(['source', 'destination', 'service', 'action']);
const CONTAINED = 0.7;

interface HeaderMatch<F extends string> {
  field: F;
  confidence: number;
  evidence: string;
}

/** The field a header names: exactly one of the synonyms, or (less sure) containing one as words. */
export function matchHeader<F extends string>(text: string, table: ReadonlyArray<readonly [F, readonly string[]]>): HeaderMatch<F> | undefined {
  const header = normaliseHeader(text);
  if (header === '') return undefined;
  const statistic = isStatisticHeader(header);
  let best: (HeaderMatch<F> & { length: number }) | undefined;
  for (const [field, synonyms] of table) {
    for (const synonym of synonyms) {
      if (synonym === header) return { field, confidence: EXACT, evidence: `header "${text.trim()}" is a name for ${field}` };
      // Short synonyms ("to", "no", "id") only count as the whole header.
      if (statistic || synonym.length < 4 || !` ${header} `.includes(` ${synonym} `)) continue;
      if (!best || synonym.length > best.length) {
        best = { field, confidence: CONTAINED, evidence: `header "${text.trim()}" contains "${synonym}"`, length: synonym.length };
      }
    }
  }
  return best && { field: best.field, confidence: best.confidence, evidence: best.evidence };
}

/** "Members Count", "Rule Usage Hit Count", "Last Hit": statistics about a field, not the field. */
function isStatisticHeader(normalised: string): boolean {
  return /\b(count|hits?|usage|date|last|first|created|modified)\b/.test(normalised);
}

type Assignments<F extends string> = Map<F, ColumnAssignment>;

/** Each field to the column whose header names it best; the first column wins a tie. */
export function assignHeaders<F extends string>(cells: readonly string[], table: ReadonlyArray<readonly [F, readonly string[]]>, prefer?: (a: string, b: string) => number): Assignments<F> {
  const assigned: Assignments<F> = new Map();
  cells.forEach((text, column) => {
    const match = matchHeader(text, table);
    if (!match) return;
    const earlier = assigned.get(match.field);
    const preferred = earlier ? (prefer?.(text, earlier.header) ?? 0) : 0;
    if (earlier && (earlier.confidence > match.confidence || (earlier.confidence === match.confidence && preferred <= 0))) return;
    assigned.set(match.field, { column, letter: columnLetter(column), header: text.trim(), confidence: match.confidence, evidence: [match.evidence] });
  });
  return assigned;
}

/** An ordering header (No., Seq) beats an identifying one (ID) for the sequence field. */
const preferOrdering = (a: string, b: string): number =>
  Number(IDENTIFIER_HEADERS.has(normaliseHeader(b))) - Number(IDENTIFIER_HEADERS.has(normaliseHeader(a)));

/** Source and destination (or From/To, which may turn out to hold addresses) and what is opened or done. */
function isRulesHeader(fields: Assignments<RuleField>): boolean {
  const ends = (fields.has('source') || fields.has('sourceZone')) && (fields.has('destination') || fields.has('destinationZone'));
  return ends && (fields.has('source') || fields.has('destination') || fields.has('service')) && ['service', 'action', 'protocol', 'application'].some((field) => fields.has(field as RuleField));
}

function isObjectsHeader(fields: Assignments<ObjectField>): boolean {
  return fields.has('name') && (fields.has('value') || fields.has('members'));
}

const score = (fields: Map<string, ColumnAssignment>): number => [...fields.values()].reduce((sum, item) => sum + item.confidence, 0);

/**
 * Finds the header row of a rules or objects sheet within its first rows (a title block may sit
 * above it) and what each column means; undefined when the sheet has neither.
 */
export function detectColumns(sheet: SheetGrid): ColumnMapping | undefined {
  let rules: { row: number; fields: Assignments<RuleField> } | undefined;
  let objects: { row: number; fields: Assignments<ObjectField> } | undefined;
  let looked = 0;
  for (let row = 0; row < sheet.rows.length && looked < HEADER_SEARCH_ROWS; row++) {
    const cells = sheet.rows[row]!;
    if (isBlankRow(cells)) continue;
    looked++;
    const ruleFields = assignHeaders(cells, RULE_HEADERS, preferOrdering);
    if (isRulesHeader(ruleFields) && (!rules || score(ruleFields) > score(rules.fields))) rules = { row, fields: ruleFields };
    const objectFields = assignHeaders(cells, OBJECT_HEADERS);
    if (!isRulesHeader(ruleFields) && isObjectsHeader(objectFields) && (!objects || score(objectFields) > score(objects.fields))) {
      objects = { row, fields: objectFields };
    }
  }
  if (rules) return ruleMapping(sheet, rules.row, rules.fields, false);
  if (objects) return objectMapping(sheet, objects.row, objects.fields);
  return undefined;
}

/** The rule mapping for a header row, checked against the cells below it. */
export function ruleMapping(sheet: SheetGrid, headerIndex: number | undefined, fields: Assignments<RuleField>, explicit: boolean): RuleColumnMapping {
  const headerCells = headerIndex === undefined ? [] : sheet.rows[headerIndex]!;
  const dataStart = headerIndex === undefined ? 0 : headerIndex + 1;
  placeFromAndTo(sheet, dataStart, fields);
  for (const [field, assignment] of fields) {
    if (assignment.confidence >= 1) continue;
    const cells = sampleColumn(sheet, assignment.column, dataStart);
    const fit = contentFit(field, cells);
    if (!fit) continue;
    // A header that only resembles a field ("__proto__" reads "proto") whose cells never fit it is not that field.
    if (fit.fit === 0 && cells.length >= 2 && !ESSENTIAL_FIELDS.has(field)) {
      fields.delete(field);
      continue;
    }
    assignment.confidence = Math.round(assignment.confidence * (0.4 + 0.6 * fit.fit) * 100) / 100;
    assignment.evidence.push(fit.evidence);
  }
  const used = new Set([...fields.values()].map((assignment) => assignment.column));
  const conditions: RuleColumnMapping['conditions'] = [];
  const ignored: RuleColumnMapping['ignored'] = [];
  headerCells.forEach((text, column) => {
    if (used.has(column) || text.trim() === '') return;
    const condition = CONDITION_HEADERS.find(([header]) => header === normaliseHeader(text));
    if (condition) {
      conditions.push({ column, letter: columnLetter(column), header: text.trim(), confidence: EXACT, evidence: [`header "${text.trim()}" narrows the rule by ${condition[1] === 'identity' ? 'user or device' : normaliseHeader(text)}`], condition: condition[1] });
    } else {
      ignored.push({ letter: columnLetter(column), header: text.trim() });
    }
  });
  findByContent(sheet, dataStart, fields, ignored);
  const sequence = fields.get('sequence');
  const status = fields.get('enabled');
  return {
    kind: 'rules',
    sheet: sheet.name,
    headerRow: headerIndex === undefined ? 0 : headerIndex + 1,
    style: styleOf(headerCells),
    explicit,
    fields: Object.fromEntries(fields) as RuleColumnMapping['fields'],
    conditions,
    ignored,
    // A sequence column the user named orders the rules, whatever its header says.
    sequenceOrders: sequence !== undefined && (sequence.confidence >= 1 || !IDENTIFIER_HEADERS.has(normaliseHeader(sequence.header))),
    statusMeansDisabled: status !== undefined && DISABLED_HEADERS.has(normaliseHeader(status.header)),
  };
}

/**
 * "From"/"To" name zones in policy exports but subnets in hand-made sheets: where no source
 * (destination) column was found and the zone column holds addresses, it is the addresses.
 */
function placeFromAndTo(sheet: SheetGrid, dataStart: number, fields: Assignments<RuleField>): void {
  for (const [zone, addresses] of [['sourceZone', 'source'], ['destinationZone', 'destination']] as const) {
    const column = fields.get(zone);
    if (!column || fields.has(addresses) || column.confidence >= 1) continue;
    const share = addressShare(sampleColumn(sheet, column.column, dataStart));
    if (share < 0.6) continue;
    fields.delete(zone);
    fields.set(addresses, { ...column, evidence: [...column.evidence, `its cells are addresses (${Math.round(share * 100)}%), so it is the ${addresses}, not a zone`] });
  }
}

/** Action, service or protocol columns under headers no synonym names, found by their cells. */
function findByContent(sheet: SheetGrid, dataStart: number, fields: Assignments<RuleField>, ignored: RuleColumnMapping['ignored']): void {
  for (const field of CONTENT_ONLY_FIELDS) {
    if (fields.has(field)) continue;
    for (let index = 0; index < ignored.length; index++) {
      const candidate = ignored[index]!;
      const header = normaliseHeader(candidate.header);
      if (KNOWN_IGNORED_HEADERS.has(header) || isStatisticHeader(header)) continue;
      const column = columnIndexOf(candidate.letter)!;
      const cells = sampleColumn(sheet, column, dataStart);
      // A column of nothing but "Any" (VLAN tags, URLs) fits every field and names none; one of
      // nothing but numbers (hit counts, IDs) is no protocol column unless a header says so.
      if (cells.every(isAnyWord) || (field === 'protocol' && cells.every((cell) => /^\d+$/.test(cell)))) continue;
      const fit = cells.length >= 2 ? contentFit(field, cells, true) : undefined;
      if (!fit || fit.fit < 0.8) continue;
      fields.set(field, { column, letter: candidate.letter, header: candidate.header, confidence: Math.round(0.6 * fit.fit * 100) / 100, evidence: [`no header names ${field}; ${fit.evidence}`] });
      ignored.splice(index, 1);
      break;
    }
  }
}

function objectMapping(sheet: SheetGrid, headerIndex: number, fields: Assignments<ObjectField>): ObjectColumnMapping {
  const used = new Set([...fields.values()].map((assignment) => assignment.column));
  return {
    kind: 'objects',
    sheet: sheet.name,
    headerRow: headerIndex + 1,
    fields: Object.fromEntries(fields) as ObjectColumnMapping['fields'],
    ignored: sheet.rows[headerIndex]!.flatMap((text, column) => (used.has(column) || text.trim() === '' ? [] : [{ letter: columnLetter(column), header: text.trim() }])),
  };
}

/** Which export a header row looks like, from the columns only that export writes. */
function styleOf(headerCells: readonly string[]): ExportStyle {
  const headers = new Set(headerCells.map(normaliseHeader));
  const has = (...names: string[]) => names.some((name) => headers.has(name));
  if (has('source zone') && has('source address') && has('application', 'source user', 'rule usage')) return 'panorama';
  if (has('srcintf', 'from') && has('srcaddr', 'source') && has('schedule', 'nat')) return 'fortigate';
  if (has('services and applications', 'install on', 'track')) return 'check-point';
  if (has('rule uid', 'device', 'policy package') && has('rule number', 'rule name')) return 'tufin';
  return 'generic';
}
