/**
 * exceljs, loaded on first use: it is most of the grid and notice bundles, and only an import or export of a
 * spreadsheet needs it, so a cold start that answers anything else does not pay for it (bench/cold-start.ts).
 */
import type ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | null = null;

export async function loadExcel(): Promise<typeof ExcelJS> {
  loaded ??= (await import('exceljs')).default;
  return loaded;
}
