import { normaliseHeader, type RuleField } from './column-fields';
import type { RuleColumnMapping } from './column-mapping';
import { cellText, isBlankRow, type SheetGrid } from './grid';
import type { ImportContext } from './import-context';
import { MergedCells } from './merged-cells';

/** A field's text on a rule, with the cells it came from (several when the rule spans rows). */
export interface DraftCell {
  text: string;
  row: number;
  column: number;
}

/** One rule as the sheet writes it, before its cells are read. */
export interface RuleDraft {
  /** 0-based first row. */
  row: number;
  /** Rows below it that continue the same rule. */
  continuation: number[];
  cells: Map<RuleField, DraftCell[]>;
  conditions: { cell: DraftCell; header: string; condition: 'identity' | 'unsupported' }[];
  /** The section label above it ("DMZ rules"), if any. */
  section?: string;
  hidden: boolean;
}

/** Columns that say which rule a row is; a row with none of them continues the rule above. */
const IDENTITY: readonly RuleField[] = ['sequence', 'name', 'action'];
/** Columns a rule row has at least one of. */
const ESSENTIAL: readonly RuleField[] = ['source', 'destination', 'service', 'action', 'sourceZone', 'destinationZone'];

/**
 * Walks a rules sheet below its header: title rows above it, repeated headers, section dividers
 * ("=== DMZ rules ===", "Section: Voice", a label merged across the row) and note rows are
 * skipped and reported; a row with no number, name or action continues the rule above it (one
 * address per row, or identity cells merged down); every other row is a rule, and a cell of it
 * merged down from the row above (an Action shared by two rules) gives it that value.
 */
export function readRuleRows(sheet: SheetGrid, mapping: RuleColumnMapping, ctx: ImportContext): RuleDraft[] {
  const merged = new MergedCells(sheet);
  const drafts: RuleDraft[] = [];
  const headerIndex = mapping.headerRow - 1;
  const columnOf = (field: RuleField) => mapping.fields[field]?.column;
  const hasIdentity = IDENTITY.some((field) => columnOf(field) !== undefined);
  let section: string | undefined;
  let previous: RuleDraft | undefined;
  let titleRows = 0;
  const isRepeatedHeader = repeatedHeaderTest(mapping);
  for (let row = 0; row < sheet.rows.length; row++) {
    const cells = sheet.rows[row]!;
    if (isBlankRow(cells)) {
      previous = undefined;
      continue;
    }
    if (row < headerIndex) {
      titleRows++;
      ctx.outcome(sheet.name, row, 'ignored');
      continue;
    }
    if (row === headerIndex) {
      ctx.outcome(sheet.name, row, 'understood');
      continue;
    }
    const filled = cells.flatMap((text, column) => (text.trim() === '' ? [] : [column]));
    if (isRepeatedHeader(cells)) {
      ctx.outcome(sheet.name, row, 'ignored');
      ctx.atRow(sheet.name, row, 'info', 'the header repeated: skipped');
      continue;
    }
    const text = (field: RuleField) => {
      const column = columnOf(field);
      return column === undefined ? '' : cellText(sheet, row, column).trim();
    };
    // Identity cells merged down over a rule's rows read empty below the first, like unmerged ones.
    const continues = hasIdentity && IDENTITY.every((field) => text(field) === '') && ESSENTIAL.some((field) => text(field) !== '');
    if (previous !== undefined && continues) {
      appendRow(previous, sheet, row, mapping);
      ctx.outcome(sheet.name, row, 'understood');
      ctx.atRow(sheet.name, row, 'info', `continues the rule of row ${previous.row + 1}`);
      continue;
    }
    if (filled.length === 1 || ESSENTIAL.every((field) => text(field) === '')) {
      const label = sectionLabel(cells[filled[0]!]!);
      ctx.outcome(sheet.name, row, 'ignored');
      if (filled.length === 1) {
        section = label;
        ctx.atRow(sheet.name, row, 'info', `section "${label}": a divider, not a rule`);
      } else {
        ctx.atRow(sheet.name, row, 'info', 'no source, destination, service or action: a note, not a rule; skipped');
      }
      previous = undefined;
      continue;
    }
    previous = newDraft(sheet, row, mapping, merged, section);
    drafts.push(previous);
  }
  if (titleRows > 0) ctx.atSheet(sheet.name, 'info', `${titleRows === 1 ? 'row' : `${titleRows} rows`} above the header (row ${mapping.headerRow}) read as a title: skipped`);
  return drafts;
}

/** Whether a row repeats the header (exports repeat it per page or section); built once per sheet. */
function repeatedHeaderTest(mapping: RuleColumnMapping): (cells: readonly string[]) => boolean {
  const headers = Object.values(mapping.fields).flatMap((item) => (item === undefined || item.header === '' ? [] : [{ column: item.column, header: normaliseHeader(item.header) }]));
  if (mapping.headerRow === 0 || headers.length === 0) return () => false;
  const needed = Math.min(3, headers.length);
  return (cells) => headers.filter(({ column, header }) => normaliseHeader(cells[column] ?? '') === header).length >= needed;
}

/** "=== DMZ rules ===", "Section: Voice", "-- Voice (3-7) --" to "DMZ rules", "Voice", "Voice (3-7)". */
function sectionLabel(text: string): string {
  return text
    .trim()
    .replace(/^[=\-#*~_>\s]+|[=\-#*~_<\s]+$/g, '')
    .replace(/^section\s*[:-]\s*/i, '')
    .trim();
}

function newDraft(sheet: SheetGrid, row: number, mapping: RuleColumnMapping, merged: MergedCells, section: string | undefined): RuleDraft {
  const draft: RuleDraft = {
    row,
    continuation: [],
    cells: new Map(),
    conditions: [],
    ...(section !== undefined && { section }),
    hidden: sheet.hiddenRows.has(row),
  };
  for (const [field, assignment] of Object.entries(mapping.fields) as [RuleField, { column: number }][]) {
    const own = cellText(sheet, row, assignment.column);
    // An Action (or any) cell merged down over several rules gives each of them its value.
    const text = own.trim() === '' ? (merged.valueAt(sheet, row, assignment.column) ?? '') : own;
    draft.cells.set(field, [{ text, row, column: assignment.column }]);
  }
  for (const condition of mapping.conditions) {
    draft.conditions.push({ cell: { text: cellText(sheet, row, condition.column), row, column: condition.column }, header: condition.header, condition: condition.condition });
  }
  return draft;
}

function appendRow(draft: RuleDraft, sheet: SheetGrid, row: number, mapping: RuleColumnMapping): void {
  draft.continuation.push(row);
  draft.hidden ||= sheet.hiddenRows.has(row);
  for (const [field, assignment] of Object.entries(mapping.fields) as [RuleField, { column: number }][]) {
    const text = cellText(sheet, row, assignment.column);
    if (text.trim() !== '') draft.cells.get(field)!.push({ text, row, column: assignment.column });
  }
}

/** The field's text over all the rule's rows, one value per line. */
export function draftText(draft: RuleDraft, field: RuleField): string {
  return (draft.cells.get(field) ?? []).map((cell) => cell.text).join('\n').trim();
}
