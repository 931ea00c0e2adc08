import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import wfos523 from '../../../resources/matrices/wfos-5.2.3.json';
import { isMatrixTable, loadMatrixTable } from './import-table';
import { indexRoles } from './role-names';
import { matrixSchema, type Matrix } from './schema';

/** A matrix that cannot be used, with where the problem is. */
export class MatrixError extends Error {
  override name = 'MatrixError';
}

/** The matrices that ship inside the product, by id. */
const embedded: Record<string, unknown> = { 'wfos-5.2.3': wfos523 };

export const DEFAULT_MATRIX_ID = 'wfos-5.2.3';

export function embeddedMatrixIds(): string[] {
  return Object.keys(embedded);
}

const cache = new Map<string, Matrix>();

/** The embedded matrix with this id, validated once per process. */
export function loadEmbeddedMatrix(id: string = DEFAULT_MATRIX_ID): Matrix {
  const cached = cache.get(id);
  if (cached) return cached;
  const data = embedded[id];
  if (data === undefined) {
    throw new MatrixError(`no embedded matrix "${id}" (known: ${embeddedMatrixIds().join(', ')})`);
  }
  const matrix = validateMatrix(data, `embedded matrix ${id}`);
  cache.set(id, matrix);
  return matrix;
}

/**
 * A matrix file in the same shape as the embedded one (JSON or YAML), or a table in the vendor's
 * layout (.xlsx, .xls, .csv), imported by import-table.ts.
 */
export function loadMatrixFile(path: string): Matrix {
  if (isMatrixTable(path)) return loadMatrixTable(path).matrix;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new MatrixError(`${path}: cannot read the matrix file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new MatrixError(`${path}: not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  return validateMatrix(data, path);
}

/** Checks the schema, then what a schema cannot say: numbering and role references. */
export function validateMatrix(data: unknown, where: string): Matrix {
  const parsed = matrixSchema.safeParse(data);
  if (!parsed.success) throw new MatrixError(`${where}: ${describeIssue(parsed.error.issues[0])}`);
  const matrix = parsed.data;
  try {
    indexRoles(matrix);
  } catch (error) {
    throw new MatrixError(`${where}: ${(error as Error).message}`);
  }
  const roleNames = new Set(matrix.roles.map((role) => role.name));
  for (const role of matrix.roles) {
    if (role.variantOf !== undefined && !roleNames.has(role.variantOf)) {
      throw new MatrixError(`${where}: role "${role.name}" is a variant of unknown role "${role.variantOf}"`);
    }
  }
  matrix.rows.forEach((row, index) => {
    if (row.row !== index + 1) {
      throw new MatrixError(`${where}: rows[${index}]: row is numbered ${row.row}, expected ${index + 1}`);
    }
    for (const [key, name] of [['sourceRole', row.sourceRole], ['destinationRole', row.destinationRole]] as const) {
      if (!roleNames.has(name)) throw new MatrixError(`${where}: row ${row.row}: ${key} "${name}" is not a role of the matrix`);
    }
  });
  return matrix;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'not a port matrix';
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return `${path || '(top level)'}: ${issue.message}`;
}
