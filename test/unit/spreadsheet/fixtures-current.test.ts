import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheetGrid } from '../../../src-main/core/spreadsheet/index';
import { fixtureFiles } from '../../fixtures/spreadsheets/generate';
import { fixturePath } from './helpers';

describe('the checked-in spreadsheet fixtures', () => {
  it('say what their generators say (regenerate with npx tsx test/fixtures/spreadsheets/generate.ts)', () => {
    for (const [name, generated] of Object.entries(fixtureFiles())) {
      const cellsOf = (bytes: Buffer) => readSpreadsheetGrid(bytes, name).sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows, merges: sheet.merges }));
      expect(cellsOf(readFileSync(fixturePath(name))), name).toEqual(cellsOf(generated));
    }
  });
});
