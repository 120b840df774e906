/**
 * Writes the figures as an Excel workbook into file storage. exceljs is loaded on the first export only:
 * the ticket function's cold start (measured) should not pay for a library most calls never use.
 */
import type { FigureSheet } from '../core/figures/sheets';
import type { Files } from '../core/ports/files';

export async function writeFiguresWorkbook(
  files: Files,
  path: string,
  sheets: FigureSheet[],
): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.headers).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((v) => v ?? '—'));
    ws.columns.forEach((column) => (column.width = 14));
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return files.put(path, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
