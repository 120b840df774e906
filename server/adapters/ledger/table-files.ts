/**
 * Ledger tables to and from file bytes: CSV (papaparse; UTF-8, with or without BOM) and .xlsx (exceljs; the
 * first worksheet). Every cell becomes trimmed text, so the core validates one shape whatever the format.
 */
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../core/errors';
import { loadExcel } from './excel';
import type { LedgerTable } from '../../core/grids/ledger/table';

export type TableFormat = 'csv' | 'xlsx';

/** Reads a table; IMPORT.INVALID with a Chinese message when the file cannot be read as that format. */
export async function readTable(bytes: Uint8Array, format: TableFormat): Promise<LedgerTable> {
  return format === 'csv' ? readCsv(new TextDecoder('utf-8').decode(bytes)) : readXlsx(bytes);
}

export function readCsv(text: string): LedgerTable {
  // One line ending throughout: papaparse guesses it from the first line, so a file edited on two systems
  // (\r\n, then \n) would otherwise read its later rows as one.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(normalized, { skipEmptyLines: 'greedy', newline: '\n' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) invalid(`CSV 第 ${(fatal.row ?? 0) + 1} 行引号不匹配`);
  const [headers = [], ...rows] = parsed.data;
  return {
    headers: headers.map((h) => h.trim()),
    rows: rows.map((r) => r.map((c) => String(c ?? '').trim())),
  };
}

async function readXlsx(bytes: Uint8Array): Promise<LedgerTable> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs' typings predate Buffer's generic parameter.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    invalid('不是有效的 Excel (.xlsx) 文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) invalid('Excel 文件没有工作表');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  const filled = Array.from(rows, (r) => r ?? []);
  const [headers = [], ...data] = filled;
  return { headers, rows: data };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return String(value.result ?? '').trim();
    return '';
  }
  return String(value).trim();
}

function invalid(message: string): never {
  throw new AppError('IMPORT.INVALID', {
    message: `导入失败，未写入任何数据：${message}`,
    details: { rows: [] },
  });
}

/** Writes a table: CSV with a BOM (so that Excel opens the Chinese right), or .xlsx. */
export async function writeTable(
  table: LedgerTable,
  format: TableFormat,
  sheetName = '台账',
): Promise<Uint8Array> {
  if (format === 'csv')
    return new TextEncoder().encode(`\uFEFF${Papa.unparse([table.headers, ...table.rows])}\r\n`);
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(table.headers);
  for (const row of table.rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
