/** The street office's calls (街道): its communities ranked, their figures ranked, creating a community. */
import type { LatLng } from '../../typings/common';
import type { StreetFiguresRequest, StreetFiguresView } from '../../typings/figures';
import type { ImportSummary, MapReplacePlan, StreetView } from '../../typings/grid';
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

/** Replaces a community's map with a GeoJSON file (WGS84 unless the file says gcj02); `dryRun` only plans. */
export function replaceMap(communityId: string, text: string, dryRun: boolean): Promise<MapReplacePlan> {
  return callApi('grid', 'replaceMap', { communityId, text, dryRun });
}

/** Imports a community's buildings ledger (CSV, the documented columns). */
export function importBuildings(communityId: string, text: string): Promise<ImportSummary> {
  return callApi('grid', 'importLedger', { communityId, kind: 'buildings', format: 'csv', text });
}
