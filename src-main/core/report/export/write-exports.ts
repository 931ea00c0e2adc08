import * as XLSX from 'xlsx';
import { neutraliseFormula } from '../../spreadsheet/formula-injection';
import type { ReportModel } from '../model/report-model';
import { reportTables, type ReportTable, type TableCell } from './report-tables';

/** Excel refuses a cell longer than this; longer text is cut with a note saying where the rest is. */
const EXCEL_CELL_LIMIT = 32_767;

/**
 * Text cells made safe for a spreadsheet program: anything it could read as a formula gets a
 * leading apostrophe (a rule's comment in a customer export can say "=HYPERLINK(...)").
 * Numbers stay numbers.
 */
function safe(cell: TableCell, limit = Infinity): TableCell {
  if (typeof cell === 'number') return cell;
  const text = neutraliseFormula(cell);
  return text.length <= limit ? text : `${text.slice(0, limit - 80)}… (cut at Excel's cell limit; the PDF and the CSV export have it all)`;
}

/** The report as an .xlsx workbook: Summary, Coverage, Findings, Rules, Remediation, Evidence. */
export function writeReportXlsx(model: ReportModel): Buffer {
  const workbook = XLSX.utils.book_new();
  workbook.Props = { Title: `${model.cover.title}: ${model.cover.customer}, ${model.cover.site}`, Author: model.cover.auditor, CreatedDate: new Date(model.cover.issuedAt) };
  for (const table of reportTables(model)) {
    const sheet = XLSX.utils.aoa_to_sheet([table.header.map((cell) => safe(cell)), ...table.rows.map((row) => row.map((cell) => safe(cell, EXCEL_CELL_LIMIT)))]);
    sheet['!cols'] = columnWidths(table);
    sheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: table.rows.length, c: table.header.length - 1 } }) };
    XLSX.utils.book_append_sheet(workbook, sheet, table.name);
  }
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** The report as CSV files (RFC 4180, UTF-8 with a byte order mark so Excel reads the names right), by file name. */
export function writeReportCsv(model: ReportModel): Map<string, Buffer> {
  return new Map(reportTables(model).map((table) => [table.file, Buffer.from('\ufeff' + [table.header, ...table.rows].map(csvLine).join('\r\n') + '\r\n', 'utf8')]));
}

function csvLine(cells: readonly TableCell[]): string {
  return cells
    .map((cell) => {
      const text = String(safe(cell));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** Wide enough for the longest line of each column, within reason. */
function columnWidths(table: ReportTable): { wch: number }[] {
  return table.header.map((header, index) => {
    let longest = header.length;
    for (const row of table.rows) for (const line of String(row[index] ?? '').split('\n')) longest = Math.max(longest, line.length);
    return { wch: Math.min(80, Math.max(6, longest + 1)) };
  });
}
