/**
 * Writes field-work sheets (inspection progress, the work log 台账) as an Excel workbook into file storage.
 * exceljs is loaded on the first export, not when the function starts: it is the heaviest module of the bundle
 * and most calls of the `field` function never export (cold start).
 */
import type { Files } from '../core/ports/files';

export interface Sheet {
  name: string;
  headers: string[];
  rows: Array<Array<string | number>>;
  widths?: number[];
}

export async function writeWorkbook(files: Files, path: string, sheets: Sheet[]): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    ws.addRow(sheet.headers).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((column, i) => (column.width = sheet.widths?.[i] ?? 14));
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return files.put(path, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
