/** The figures' calls (统计): actions of the `ticket` cloud function, typed by the contract. */
import type { FiguresRequest, FiguresView } from '../../typings/figures';
import { callApi } from './api';

export function figures(req: FiguresRequest): Promise<FiguresView> {
  return callApi('ticket', 'figures', req);
}

export function exportFigures(req: FiguresRequest): Promise<{ fileId: string; url: string; name: string }> {
  return callApi('ticket', 'exportFigures', req);
}
