import type { z } from 'zod';

type Path = readonly (string | number)[];

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  object: 'a map (key: value lines)',
  record: 'a map (key: value lines)',
  array: 'a list',
};

/**
 * A schema issue in the words of the site file rather than the validator's ("Invalid input:
 * expected record, received null"): what was expected there, and what the file has instead.
 */
export function describeIssue(issue: z.core.$ZodIssue, path: Path, document: unknown): string {
  const found = valueAt(document, path);
  if (issue.code === 'invalid_type') {
    if (path.length === 0) {
      return found === null || found === undefined
        ? 'the file is empty: a site file gives site:, customer:, roles: and firewalls:'
        : `a site file is a map of keys (site:, customer:, roles:, firewalls:), not ${describeValue(found)}`;
    }
    if (found === undefined) return 'is required but missing';
    return `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${describeValue(found)}`;
  }
  if (issue.code === 'invalid_union') return `${issue.message}; found ${describeValue(found)}`;
  return issue.message;
}

function valueAt(document: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined), document);
}

/** What a YAML value looks like to the person who typed it. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}
