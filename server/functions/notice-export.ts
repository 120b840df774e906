/** Writes the coverage dashboard as an Excel workbook (exceljs) into file storage. */
import { loadExcel } from '../adapters/ledger/excel';
import type { CoverageSheet } from '../core/notices/coverage';
import type { Files } from '../core/ports/files';

export async function writeCoverageWorkbook(
  files: Files,
  path: string,
  sheets: CoverageSheet[],
): Promise<string> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.headers).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((column) => (column.width = 14));
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return files.put(path, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
