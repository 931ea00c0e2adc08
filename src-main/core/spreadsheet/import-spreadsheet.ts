import type { Firewall, Rule, RuleList } from '../model/index';
import { detectColumns } from './column-detection';
import type { ColumnMapping, ObjectColumnMapping, RuleColumnMapping } from './column-mapping';
import { applyExplicitColumns, type ExplicitColumns } from './column-template';
import { columnLetter, isBlankRow, type SheetGrid, type WorkbookGrid } from './grid';
import { ImportContext, rowText } from './import-context';
import { DEFAULT_LIMITS, SpreadsheetError, type SpreadsheetLimits } from './limits';
import { SheetObjects } from './object-table';
import { readObjectDefinitions, type ObjectDefinition } from './objects-sheet';
import { readSpreadsheetGrid } from './read-grid';
import { buildRule, type BuiltRule } from './rule-builder';
import { readRuleRows } from './rule-rows';

import { SPREADSHEET_VENDOR_ID } from './vendor-id';

export { SPREADSHEET_VENDOR_ID };

export interface SpreadsheetImportOptions {
  /** A mapping the user gave (site file `columns:`, `--columns FILE`); detection fills the rest. */
  columns?: ExplicitColumns;
  limits?: SpreadsheetLimits;
}

export interface SpreadsheetImport {
  firewall: Firewall;
  /** What each rules and objects sheet's columns were taken to mean, with confidence and evidence. */
  mappings: ColumnMapping[];
}

const STYLE_NAMES: Record<RuleColumnMapping['style'], string> = {
  panorama: 'a Palo Alto Panorama / PAN-OS policy export',
  fortigate: 'a FortiGate / FortiManager policy export',
  'check-point': 'a Check Point SmartConsole export',
  tufin: 'a Tufin / AlgoSec rule report',
  generic: 'a rule table',
};

/**
 * A customer's rule export (.xlsx, .xls, .csv) as the vendor-neutral firewall. One rule list
 * per rules sheet, placed globally (a spreadsheet has no interfaces: where flows cross comes
 * from the site's `zones:`), implicit deny at the end. Throws SpreadsheetError only when the
 * whole file is refused (limits, a zip bomb, no rules sheet at all); everything else about
 * the content becomes diagnostics on the result, every row counted in the stats.
 */
export function importRuleSpreadsheet(bytes: Uint8Array, file: string, options: SpreadsheetImportOptions = {}): SpreadsheetImport {
  const grid = readSpreadsheetGrid(bytes, file, options.limits ?? DEFAULT_LIMITS);
  const ctx = new ImportContext(file);
  for (const notice of grid.notices) {
    if (notice.column === undefined) ctx.atSheet(notice.sheet, notice.severity, notice.message);
    else ctx.atCell(notice.sheet, notice.row, notice.column, notice.severity, notice.message);
  }
  const mappings = grid.sheets.flatMap((sheet) => {
    noteHiddenParts(sheet, ctx);
    const mapping = mappingOf(sheet, options.columns, ctx);
    if (mapping === undefined) skipSheet(sheet, ctx);
    return mapping === undefined ? [] : [mapping];
  });
  const ruleMappings = mappings.filter((mapping): mapping is RuleColumnMapping => mapping.kind === 'rules');
  if (ruleMappings.length === 0) {
    throw new SpreadsheetError(
      `${file}: no sheet has a rule table header (Source, Destination and a Service, Action or Protocol column)` +
        `${options.columns ? ' and the column mapping given fits no sheet' : ''}; name the columns with columns: in the site file or --columns FILE`,
    );
  }
  const definitions = new Map<string, ObjectDefinition>();
  for (const mapping of mappings) {
    if (mapping.kind === 'objects') readObjectDefinitions(sheetNamed(grid, mapping.sheet), mapping as ObjectColumnMapping, ctx, definitions);
  }
  const objects = new SheetObjects(definitions, ctx);
  const ruleLists = ruleMappings.map((mapping) => ruleListOf(sheetNamed(grid, mapping.sheet), mapping, objects, ctx));
  if (ruleLists.length > 1) {
    ctx.atFile('info', `${ruleLists.length} rules sheets (${ruleLists.map((list) => list.name).join(', ')}): evaluated one after another, in workbook order`);
  }
  const { diagnostics, stats } = ctx.finish(grid);
  const firewall: Firewall = {
    vendor: SPREADSHEET_VENDOR_ID,
    file,
    interfaces: [],
    routes: [],
    objects: objects.table(),
    ruleLists,
    nat: [],
    timeRanges: [],
    behaviour: { sameSecurityTraffic: { interInterface: true, intraInterface: true }, defaultAction: 'deny', implicitAction: 'deny', transparent: false },
    diagnostics,
    stats,
  };
  return { firewall, mappings };
}

function sheetNamed(grid: WorkbookGrid, name: string): SheetGrid {
  return grid.sheets.find((sheet) => sheet.name === name)!;
}

function mappingOf(sheet: SheetGrid, columns: ExplicitColumns | undefined, ctx: ImportContext): ColumnMapping | undefined {
  if (columns !== undefined) {
    const { mapping, problems } = applyExplicitColumns(sheet, columns);
    for (const problem of problems) ctx.atSheet(sheet.name, 'error', problem);
    if (mapping !== undefined) return mapping;
  }
  return detectColumns(sheet);
}

/** Hidden sheets, rows and columns are read like the rest; the engineer is told they exist. */
function noteHiddenParts(sheet: SheetGrid, ctx: ImportContext): void {
  if (sheet.hidden) ctx.atSheet(sheet.name, 'info', 'the sheet is hidden in the workbook; read like the others');
  const rows = [...sheet.hiddenRows].filter((row) => !isBlankRow(sheet.rows[row]));
  if (rows.length > 0) ctx.atSheet(sheet.name, 'info', `${rows.length === 1 ? 'hidden row' : 'hidden rows'} ${rows.map((row) => row + 1).join(', ')} ${rows.length === 1 ? 'is' : 'are'} read like the others`);
  const columns = [...sheet.hiddenColumns].filter((column) => sheet.rows.some((cells) => (cells[column] ?? '').trim() !== ''));
  if (columns.length > 0) ctx.atSheet(sheet.name, 'info', `${columns.length === 1 ? 'hidden column' : 'hidden columns'} ${columns.map(columnLetter).join(', ')} ${columns.length === 1 ? 'is' : 'are'} read like the others`);
}

function skipSheet(sheet: SheetGrid, ctx: ImportContext): void {
  let skipped = 0;
  sheet.rows.forEach((cells, row) => {
    if (isBlankRow(cells)) return;
    ctx.outcome(sheet.name, row, 'ignored');
    skipped++;
  });
  if (skipped > 0) ctx.atSheet(sheet.name, 'info', `no rule or object table header found: its ${skipped} rows are not read`);
}

function ruleListOf(sheet: SheetGrid, mapping: RuleColumnMapping, objects: SheetObjects, ctx: ImportContext): RuleList {
  ctx.atSheet(sheet.name, 'info', `read as ${STYLE_NAMES[mapping.style]}, header on row ${mapping.headerRow || '(none)'}`);
  for (const end of ['source', 'destination'] as const) {
    if (mapping.fields[end] === undefined) ctx.atSheet(sheet.name, 'warning', `no ${end === 'source' ? 'Source' : 'Destination'} column: every rule's ${end} is unknown`);
  }
  if (mapping.fields.action === undefined) ctx.atSheet(sheet.name, 'warning', 'no Action column: every rule is read as a permit');
  if (mapping.fields.service === undefined && mapping.fields.protocol === undefined) {
    ctx.atSheet(sheet.name, 'warning', 'no Service, Port or Protocol column: what each rule opens is unknown');
  }
  const env = { sheet: sheet.name, mapping, objects, ctx };
  const built = readRuleRows(sheet, mapping, ctx).map((draft) => {
    const ref = ctx.ref(sheet, draft.row);
    // Rows that continue the rule add only what they fill in: "... / tcp 1050-1065 / tcp 4721-4722".
    if (draft.continuation.length > 0) ref.text = [ref.text, ...draft.continuation.map((row) => rowText(sheet.rows[row]!.filter((cell) => cell.trim() !== '')))].join(' / ');
    const result = buildRule(draft, ref, env);
    ctx.outcome(sheet.name, draft.row, result.unreadable ? 'not-understood' : 'understood');
    return result;
  });
  const rules = inEvaluationOrder(built, mapping, sheet.name, ctx);
  rules.forEach((rule, index) => {
    rule.position = index + 1;
    rule.id = `${sheet.name}#${rule.position}`;
  });
  return { name: sheet.name, rules, appliedAt: [{ kind: 'global' }], trailingComments: [] };
}

/**
 * Sheet order, unless a sequence column (No., Seq, Position) numbers every rule in another
 * order: then by that number, as the firewall evaluates them. An ID column does not order:
 * FortiGate evaluates policies in list order whatever their IDs.
 */
function inEvaluationOrder(built: BuiltRule[], mapping: RuleColumnMapping, sheet: string, ctx: ImportContext): Rule[] {
  const numbered = mapping.sequenceOrders && built.length > 1 && built.every((item) => item.sequence !== undefined);
  if (!numbered) return built.map((item) => item.rule);
  // ASDM and per-interface sheets number each section from 1 again: a number then says nothing
  // about the order across sections, so the rows keep theirs.
  const repeated = repeatedSequence(built);
  if (repeated !== undefined) {
    const column = mapping.fields.sequence!.header || 'sequence';
    ctx.atSheet(sheet, 'warning', `the ${column} column numbers more than one rule ${repeated}, so it does not give one order: rules are evaluated in the order of the rows`);
    return built.map((item) => item.rule);
  }
  const sorted = [...built].sort((a, b) => compareSequence(a.sequence!, b.sequence!));
  if (sorted.some((item, index) => item !== built[index])) {
    ctx.atSheet(sheet, 'info', `rules are evaluated in the order of the ${mapping.fields.sequence!.header || 'sequence'} column, not the order of the rows`);
  }
  return sorted.map((item) => item.rule);
}

function repeatedSequence(built: readonly BuiltRule[]): string | undefined {
  const seen = new Set<string>();
  for (const item of built) {
    const number = item.sequence!.join('.');
    if (seen.has(number)) return number;
    seen.add(number);
  }
  return undefined;
}

function compareSequence(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}
