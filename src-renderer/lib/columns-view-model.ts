import type { z } from 'zod';
import type { columnFieldSchema, SheetColumnsView } from '../../src-main/core/project/view-schema';

export type ColumnField = z.infer<typeof columnFieldSchema>;
/** The Columns panel's choices: each field to a column letter ('' for none). */
export type ColumnDraft = Partial<Record<ColumnField, string>>;

/** Each field as the engineer reads it; the reader's own names where they are plain words. */
const FIELD_LABELS: Record<ColumnField, string> = {
  sequence: 'Sequence (No.)',
  name: 'Rule name',
  sourceZone: 'Source zone',
  source: 'Source',
  destinationZone: 'Destination zone',
  destination: 'Destination',
  service: 'Service / port',
  application: 'Application',
  protocol: 'Protocol',
  action: 'Action',
  enabled: 'Enabled / status',
  negateSource: 'Negate source',
  negateDestination: 'Negate destination',
  comment: 'Comment',
  logging: 'Logging',
  schedule: 'Schedule',
  direction: 'Direction (in / out)',
};

export const fieldLabel = (field: ColumnField): string => FIELD_LABELS[field];

const STYLE_LABELS: Record<string, string> = {
  panorama: 'looks like a Panorama / PAN-OS export',
  fortigate: 'looks like a FortiGate / FortiManager export',
  'check-point': 'looks like a SmartConsole export',
  tufin: 'looks like a Tufin / AlgoSec report',
};

export const styleLabel = (style: string): string => STYLE_LABELS[style] ?? 'a rule table';

/** The sheet's mapping as read: what the panel's choices start from. */
export function draftOf(sheet: SheetColumnsView | undefined): ColumnDraft {
  const draft: ColumnDraft = {};
  for (const item of sheet?.fields ?? []) draft[item.field] = item.letter;
  return draft;
}

/** The choices the engineer made, without the fields left at "—". */
export function chosenColumns(draft: ColumnDraft): ColumnDraft {
  const chosen: ColumnDraft = {};
  for (const [field, letter] of Object.entries(draft) as [ColumnField, string | undefined][]) if (letter) chosen[field] = letter;
  return chosen;
}

export function sameColumns(a: ColumnDraft, b: ColumnDraft): boolean {
  const left = chosenColumns(a);
  const right = chosenColumns(b);
  const fields = new Set([...Object.keys(left), ...Object.keys(right)] as ColumnField[]);
  return [...fields].every((field) => left[field] === right[field]);
}

/** The fields each column stands for under the current choices: the preview's column labels. */
export function fieldsByColumn(draft: ColumnDraft): Map<string, ColumnField[]> {
  const byColumn = new Map<string, ColumnField[]>();
  for (const [field, letter] of Object.entries(chosenColumns(draft)) as [ColumnField, string][]) byColumn.set(letter, [...(byColumn.get(letter) ?? []), field]);
  return byColumn;
}

/** Columns chosen for more than one field: the main process refuses them, so the panel says so first. */
export function clashes(draft: ColumnDraft): string[] {
  return [...fieldsByColumn(draft)].filter(([, fields]) => fields.length > 1).map(([letter, fields]) => `${fields.map(fieldLabel).join(' and ')} are both column ${letter}`);
}

/**
 * Fields left at "—" that the reader took again because their header names them: a mapping
 * can move such a field to another column, not leave it out, and the panel says so.
 */
export function foundAgain(requested: ColumnDraft, sheet: SheetColumnsView): string[] {
  return sheet.fields
    .filter((item) => !requested[item.field])
    .map((item) => `${fieldLabel(item.field)} (${item.letter}${item.header ? ` "${item.header}"` : ''})`);
}

/** "95%": how sure the reader is, for the quiet column beside each choice. */
export const percent = (confidence: number): string => `${Math.round(confidence * 100)}%`;

/** The template `wfos-audit parse --save-columns` writes, byte for byte. */
export function templateText(sheet: SheetColumnsView): string {
  return JSON.stringify(sheet.template, null, 2) + '\n';
}

/** A file name for the template that any system accepts. */
export function templateFileName(sourceName: string, sheet: string): string {
  const safe = (text: string) => text.replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim() || 'columns';
  return `${safe(sourceName)} - ${safe(sheet)}.columns.json`;
}
