/**
 * A ledger table as read from CSV or .xlsx by an adapter: a header row, then data rows, all cells as trimmed
 * text. Row numbers in messages are the spreadsheet's (the header is row 1), so people can find the row.
 */

export interface LedgerTable {
  headers: string[];
  rows: string[][];
}

/** One bad row and every reason it is bad. */
export interface RowProblem {
  row: number;
  reasons: string[];
}

/** The data rows as header → cell records, with their spreadsheet row numbers; blank rows are skipped. */
export function records(table: LedgerTable): Array<{ row: number; cells: Record<string, string> }> {
  const out: Array<{ row: number; cells: Record<string, string> }> = [];
  table.rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const record: Record<string, string> = {};
    table.headers.forEach((h, k) => {
      record[h.trim()] = (cells[k] ?? '').trim();
    });
    out.push({ row: i + 2, cells: record });
  });
  return out;
}

/** The headers a table lacks, by name. */
export function missingHeaders(table: LedgerTable, required: readonly string[]): string[] {
  const have = new Set(table.headers.map((h) => h.trim()));
  return required.filter((h) => !have.has(h));
}

const YES = new Set(['是', 'Y', 'y', 'yes', 'YES', 'true', 'TRUE', '1', '√']);
const NO = new Set(['否', 'N', 'n', 'no', 'NO', 'false', 'FALSE', '0', '']);

/** 是/否 and friends; undefined when the cell is neither. */
export function yesNo(cell: string): boolean | undefined {
  if (YES.has(cell)) return true;
  if (NO.has(cell)) return false;
  return undefined;
}
