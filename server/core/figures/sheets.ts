/** The figures as spreadsheet sheets, one per breakdown: a row per cell, a column per figure. */
import type { FigureBreakdown, FiguresView } from '../../../typings/figures';
import { figureDefinitions } from './definitions';

export interface FigureSheet {
  name: string;
  headers: string[];
  rows: Array<Array<string | number | null>>;
}

const SHEET_NAMES: Record<FigureBreakdown, { sheet: string; key: string }> = {
  community: { sheet: '社区', key: '社区' },
  grid: { sheet: '网格', key: '网格' },
  microGrid: { sheet: '微网格', key: '微网格' },
  worker: { sheet: '网格员', key: '处理人' },
  category: { sheet: '问题分类', key: '分类' },
};

const UNIT_SUFFIX = { count: '', percent: '(%)', minutes: '(分钟)', stars: '(星)' } as const;

export function figureSheets(view: FiguresView): FigureSheet[] {
  const headers = (key: string) => [key, ...figureDefinitions.map((d) => `${d.label}${UNIT_SUFFIX[d.unit]}`)];
  return (Object.keys(SHEET_NAMES) as FigureBreakdown[]).map((breakdown) => ({
    name: SHEET_NAMES[breakdown].sheet,
    headers: headers(SHEET_NAMES[breakdown].key),
    rows: view.breakdowns[breakdown].map((row) => [
      row.label,
      ...figureDefinitions.map((d) => row.values[d.id]),
    ]),
  }));
}
