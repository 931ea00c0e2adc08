import { basename, extname } from 'node:path';
import { parseDelimited, sniffDelimiter } from './csv-reader';
import type { WorkbookGrid } from './grid';
import { DEFAULT_LIMITS, limitError, SpreadsheetError, type SpreadsheetLimits } from './limits';
import { decodeText } from './text-decoding';
import { readWorkbook } from './workbook-reader';
import { checkXlsxZip } from './zip-guard';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((byte, index) => bytes[index] === byte);

/** Extensions that name a rule export; the content still decides how it is read. */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.csv', '.tsv'];

/** Whether bytes are a workbook container (xlsx zip or xls compound file) rather than text. */
export function isWorkbookContainer(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, CFB_MAGIC);
}

/**
 * Any rule export to grids of cell text. The bytes decide the reader, not the extension
 * (exports named .xls are often CSV): a zip is an xlsx, a compound file an xls, anything else
 * delimited text. Throws SpreadsheetError, naming the file, when the whole file is refused.
 */
export function readSpreadsheetGrid(bytes: Uint8Array, file: string, limits: SpreadsheetLimits = DEFAULT_LIMITS): WorkbookGrid {
  if (bytes.byteLength > limits.fileBytes) throw limitError(file, '', bytes.byteLength, limits.fileBytes, 'bytes');
  if (startsWith(bytes, ZIP_MAGIC)) {
    const entries = checkXlsxZip(bytes, file, limits);
    if (!entries.some((entry) => /^xl\/workbook\.(xml|bin)$/.test(entry.name))) {
      throw new SpreadsheetError(`${file}: a zip archive but not an Excel workbook (no xl/workbook.xml); save it as .xlsx or .csv`);
    }
    const sheets = entries.filter((entry) => /^xl\/(worksheets|chartsheets)\/[^/]+\.(xml|bin)$/.test(entry.name)).length;
    if (sheets > limits.sheets) throw limitError(file, '', sheets, limits.sheets, 'sheets');
    return readWorkbook(bytes, file, 'xlsx', limits);
  }
  if (startsWith(bytes, CFB_MAGIC)) return readWorkbook(bytes, file, 'xls', limits);
  return readDelimitedText(bytes, file, limits);
}

function readDelimitedText(bytes: Uint8Array, file: string, limits: SpreadsheetLimits): WorkbookGrid {
  const { text, encoding } = decodeText(bytes);
  if (/^\s*</.test(text)) {
    throw new SpreadsheetError(`${file}: looks like HTML or XML saved under a spreadsheet name; open it in the spreadsheet program and save it as .xlsx or .csv`);
  }
  if (controlCharacters(text.slice(0, 4096)) > 8) throw new SpreadsheetError(`${file}: neither a workbook (.xlsx, .xls) nor delimited text (.csv)`);
  const delimiter = sniffDelimiter(text);
  const name = basename(file, extname(file)) || 'Sheet1';
  const rows = parseDelimited(text, delimiter, file, limits);
  const separator = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  return {
    file,
    format: 'csv',
    sheets: [{ name, rows, hiddenRows: new Set(), hiddenColumns: new Set(), merges: [], hidden: false }],
    notices: [{ sheet: name, row: 0, severity: 'info', message: `read as ${encoding} text separated by ${separator}` }],
  };
}

/** Control characters other than tab and line breaks: binary data, not an export. */
function controlCharacters(sample: string): number {
  let found = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) found++;
  }
  return found;
}
