import { AddressSet } from '../net/index';
import { addressLiteral, looksLikeFqdn } from './address-cells';
import { isAnyWord, looksLikeName, readAction, readFlag, splitItems, stripNegation } from './cell-items';
import type { RuleField } from './column-fields';
import type { SheetGrid } from './grid';
import { cellText } from './grid';
import { lookupServiceName } from './service-names';
import { protocolWord } from './service-cells';

const SAMPLE_ROWS = 200;

const isAddress = (item: string): boolean => isAnyWord(item) || addressLiteral(item) instanceof AddressSet;
const isNamed = (item: string): boolean => looksLikeName(item) || looksLikeFqdn(item);
const isServiceItem = (item: string): boolean =>
  isAnyWord(item) ||
  /^(?:[a-z][a-z0-9-]*\s*(?:\(\d+\)\s*)?[/:_ -]\s*)?\d[\d\s/:-]*(?:\s*[/ ]\s*[a-z]+)?$/i.test(item) ||
  protocolWord(item) !== undefined ||
  lookupServiceName(item) !== undefined ||
  item.toLowerCase() === 'application-default';

const everyItem = (test: (item: string) => boolean) => (text: string) => splitItems(stripNegation(text).text).every(test);

/** What a cell of each field looks like; a column whose cells mostly fit is that field. */
const FITS: Partial<Record<RuleField, { test: (text: string) => boolean; what: string }>> = {
  source: { test: everyItem((item) => isAddress(item) || isNamed(item)), what: 'addresses or object names' },
  destination: { test: everyItem((item) => isAddress(item) || isNamed(item)), what: 'addresses or object names' },
  sourceZone: { test: everyItem((item) => isAnyWord(item) || (looksLikeName(item) && !isAddress(item))), what: 'zone or interface names' },
  destinationZone: { test: everyItem((item) => isAnyWord(item) || (looksLikeName(item) && !isAddress(item))), what: 'zone or interface names' },
  service: { test: everyItem((item) => isServiceItem(item) || looksLikeName(item)), what: 'ports, protocols or service names' },
  protocol: { test: everyItem((item) => protocolWord(item) !== undefined || /^\d{1,3}$/.test(item)), what: 'protocols' },
  action: { test: (text) => readAction(text) !== undefined, what: 'actions (allow, deny, ...)' },
  enabled: { test: (text) => readFlag(text) !== undefined, what: 'yes/no or enabled/disabled' },
  negateSource: { test: (text) => readFlag(text) !== undefined, what: 'yes/no' },
  negateDestination: { test: (text) => readFlag(text) !== undefined, what: 'yes/no' },
  sequence: { test: (text) => /^\d+(\.\d+)*$/.test(text.trim()), what: 'rule numbers' },
};

/** Non-empty cells of a column below the header, at most SAMPLE_ROWS of them. */
export function sampleColumn(sheet: SheetGrid, column: number, headerRow: number): string[] {
  const cells: string[] = [];
  for (let row = headerRow; row < sheet.rows.length && cells.length < SAMPLE_ROWS; row++) {
    const text = cellText(sheet, row, column).trim();
    if (text !== '') cells.push(text);
  }
  return cells;
}

/** With no header to go by, a service column must hold ports or known names, not just any name. */
const STRICT_FITS: Partial<Record<RuleField, { test: (text: string) => boolean; what: string }>> = {
  ...FITS,
  service: { test: everyItem(isServiceItem), what: 'ports, protocols or known service names' },
};

/**
 * How many sampled cells fit the field, as evidence; undefined when the field has no test.
 * `strict` is for a column found by its cells alone.
 */
export function contentFit(field: RuleField, cells: readonly string[], strict = false): { fit: number; evidence: string } | undefined {
  const check = (strict ? STRICT_FITS : FITS)[field];
  if (check === undefined || cells.length === 0) return undefined;
  const fitting = cells.filter((cell) => check.test(cell)).length;
  return { fit: fitting / cells.length, evidence: `${fitting} of ${cells.length} cells read as ${check.what}` };
}

/** How many cells are plain addresses (not names): tells a "From" column of subnets from one of zones. */
export function addressShare(cells: readonly string[]): number {
  if (cells.length === 0) return 0;
  return cells.filter(everyItem((item) => addressLiteral(item) instanceof AddressSet)).length / cells.length;
}

/** Fields a column can be found for by its cells alone, when no header names them. */
export const CONTENT_ONLY_FIELDS: readonly RuleField[] = ['action', 'service', 'protocol'];
