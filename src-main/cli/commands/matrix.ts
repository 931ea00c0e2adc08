import { resolve } from 'node:path';
import { formatPortEntries, loadEmbeddedMatrix, loadMatrixFile, type Matrix } from '../../core/matrix/index';
import { isMatrixTable, loadMatrixTable } from '../../core/matrix/import-table';
import { defineCommand } from '../args';
import { formatTable } from '../table';

const usage = `Usage: wfos-audit matrix [--json] [--matrix FILE]

Prints the port matrix the audit checks against: every row with its source and
destination systems, transport and destination ports, in the order of the vendor's table.

Options:
  --json          print the matrix as JSON: { "id", "title", "rows": [ { "row", "source",
                  "destination", "transport", "ports", ... } ] }, ports as numbers and
                  "low-high" strings in document order
  --matrix FILE   print this matrix file instead of the embedded WFOS 5.2.3 matrix: JSON or
                  YAML in the embedded matrix's shape, or another product's port matrix as a
                  table (.xlsx, .xls, .csv with Source, Destination, Source Port, Destination
                  Port(s), Protocol, Optional, Default state, Description); what the import
                  noticed goes to stderr, cells it cannot read fail it with their names
  -h, --help      show this help
`;

export const matrixCommand = defineCommand({
  name: 'matrix',
  usage,
  options: { json: { type: 'boolean' }, matrix: { type: 'string' } },
  async run({ values }, io) {
    const matrix = values.matrix ? loadGivenMatrix(resolve(io.cwd, values.matrix), io.err) : loadEmbeddedMatrix();
    io.out(values.json ? JSON.stringify(matrix, null, 2) + '\n' : formatMatrix(matrix));
    return 0;
  },
});

function loadGivenMatrix(path: string, err: (text: string) => void): Matrix {
  if (!isMatrixTable(path)) return loadMatrixFile(path);
  const { matrix, diagnostics } = loadMatrixTable(path);
  for (const diagnostic of diagnostics) err(`${diagnostic.severity}: ${diagnostic.message}\n`);
  return matrix;
}

function formatMatrix(matrix: Matrix): string {
  const rows = matrix.rows.map((row) => [
    String(row.row),
    row.source,
    row.destination,
    row.transport,
    formatPortEntries(row.ports),
    row.protocol,
  ]);
  const notes = matrix.rows.flatMap((row) => row.notes.map((note) => `  row ${row.row}: ${note.text}`));
  return (
    `${matrix.title} (${matrix.rows.length} rows; source ports are ephemeral)\n\n` +
    formatTable(['Row', 'Source', 'Destination', 'Transport', 'Ports', 'Protocol (as written)'], rows) +
    (notes.length ? `\nNotes:\n${notes.join('\n')}\n` : '')
  );
}
