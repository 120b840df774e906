/** The street office's calls (街道): its communities ranked, their figures ranked, creating a community. */
import type { LatLng } from '../../typings/common';
import type { StreetFiguresRequest, StreetFiguresView } from '../../typings/figures';
import type { StreetView } from '../../typings/grid';
import { callApi } from './api';

export function streetView(): Promise<StreetView> {
  return callApi('grid', 'street', {});
}

export function createCommunity(name: string, communityCode: string, center: LatLng): Promise<StreetView> {
  return callApi('grid', 'createCommunity', { name, communityCode, center });
}

/** 街道考核: the street's communities with their figures, ranked by one rate. */
export function streetFigures(req: StreetFiguresRequest): Promise<StreetFiguresView> {
  return callApi('ticket', 'streetFigures', req);
}
