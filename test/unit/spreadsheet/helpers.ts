import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, MatchBox, Rule } from '../../../src-main/core/model/index';
import { importRuleSpreadsheet, type SpreadsheetImportOptions } from '../../../src-main/core/spreadsheet/index';
import { FIXTURES_DIR } from '../../fixtures/spreadsheets/generate';

export const fixturePath = (name: string): string => join(FIXTURES_DIR, name);

/** A checked-in fixture read through the public API, as `wfos-audit parse` reads it. */
export function importFixture(name: string, options: SpreadsheetImportOptions = {}) {
  return importRuleSpreadsheet(readFileSync(fixturePath(name)), name, options);
}

/** "tcp 10.10.20.11 -> 10.40.0.10 450,1050-1065" (source ports after a colon, when narrowed): a box as a reviewer reads it. */
export function boxText(box: MatchBox): string {
  const ports = box.destinationPorts.isAll() ? '' : ` ${box.destinationPorts.toString()}`;
  const sourcePorts = box.sourcePorts.isAll() ? '' : `:${box.sourcePorts.toString()}`;
  return `${box.protocols.toString()} ${box.sources.toString()}${sourcePorts} -> ${box.destinations.toString()}${ports}`;
}

export const matchText = (rule: Rule): string[] => rule.match.map(boxText);
export const mayMatchText = (rule: Rule): string[] => (rule.mayMatch ?? []).map(boxText);

export const messages = (diagnostics: readonly Diagnostic[], severity?: Diagnostic['severity']): string[] =>
  diagnostics.filter((item) => severity === undefined || item.severity === severity).map((item) => item.message);
