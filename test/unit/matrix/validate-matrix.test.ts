import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmbeddedMatrix, loadMatrixFile, MatrixError, validateMatrix } from '../../../src-main/core/matrix/index';

const good = () => structuredClone(loadEmbeddedMatrix());

describe('validating a matrix', () => {
  it('accepts the embedded matrix as a file too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-'));
    const file = join(dir, 'copy.json');
    writeFileSync(file, JSON.stringify(good()));
    expect(loadMatrixFile(file).rows).toHaveLength(40);
  });

  it('names the bad field of a port out of range', () => {
    const data = good();
    (data.rows[2]!.ports as unknown[])[0] = 70000;
    expect(() => validateMatrix(data, 'm.json')).toThrow(/^m\.json: rows\[2\]\.ports\[0\]: /);
  });

  it('rejects a reversed range', () => {
    const data = good();
    data.rows[26]!.ports[1] = '1065-1050';
    expect(() => validateMatrix(data, 'm.json')).toThrow('low <= high');
  });

  it('rejects rows out of order and unknown roles', () => {
    const misnumbered = good();
    misnumbered.rows[5]!.row = 7;
    expect(() => validateMatrix(misnumbered, 'm.json')).toThrow('rows[5]: row is numbered 7, expected 6');
    const unknownRole = good();
    unknownRole.rows[0]!.destinationRole = 'Mainframe';
    expect(() => validateMatrix(unknownRole, 'm.json')).toThrow('row 1: destinationRole "Mainframe" is not a role of the matrix');
  });

  it('rejects two roles claiming one name', () => {
    const data = good();
    data.roles[0]!.aliases.push('Media Manager');
    expect(() => validateMatrix(data, 'm.json')).toThrow(/claimed by both/);
  });

  it('says which file is unreadable or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-'));
    expect(() => loadMatrixFile(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the matrix file \(ENOENT\)/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "id": ');
    expect(() => loadMatrixFile(broken)).toThrow(MatrixError);
    expect(() => loadMatrixFile(broken)).toThrow(/broken\.json: not valid JSON/);
  });
});
