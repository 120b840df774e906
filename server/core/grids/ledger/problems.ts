/** Collects bad rows while validating, and refuses the whole import if there is any. */
import { AppError } from '../../errors';
import type { RowProblem } from './table';

export class RowProblems {
  private readonly byRow = new Map<number, string[]>();

  add(row: number, reason: string): void {
    const reasons = this.byRow.get(row) ?? [];
    reasons.push(reason);
    this.byRow.set(row, reasons);
  }

  get any(): boolean {
    return this.byRow.size > 0;
  }

  /** IMPORT.INVALID listing every bad row; the message names the first few so that people can start. */
  throwIfAny(what: string): void {
    if (!this.any) return;
    const rows: RowProblem[] = [...this.byRow]
      .sort(([a], [b]) => a - b)
      .map(([row, reasons]) => ({ row, reasons }));
    const head = rows
      .slice(0, 3)
      .map((r) => `第 ${r.row} ${what}：${r.reasons.join('；')}`)
      .join('\n');
    const more = rows.length > 3 ? `\n……共 ${rows.length} ${what}有误` : '';
    throw new AppError('IMPORT.INVALID', {
      message: `导入失败，未写入任何数据。\n${head}${more}`,
      details: { rows },
    });
  }
}
