import { detectColumns } from './column-detection';
import { parseDelimited, sniffDelimiter } from './csv-reader';
import { DEFAULT_LIMITS } from './limits';
import { decodeText } from './text-decoding';

/** Enough of a file to find a header below a title block. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Whether delimited text is a rule table (a header with source, destination and a service,
 * action or protocol column in its first rows), for files whose name does not say so.
 */
export function looksLikeRuleTable(bytes: Uint8Array): boolean {
  const { text } = decodeText(bytes.subarray(0, SNIFF_BYTES));
  const head = text.split(/\r?\n|\r/).slice(0, 40).join('\n');
  try {
    const rows = parseDelimited(head, sniffDelimiter(head), 'sniff', DEFAULT_LIMITS);
    const sheet = { name: 'sniff', rows, hiddenRows: new Set<number>(), hiddenColumns: new Set<number>(), merges: [], hidden: false };
    return detectColumns(sheet)?.kind === 'rules';
  } catch {
    return false;
  }
}
