/**
 * The street office's calls (街道): its communities ranked, their figures ranked, creating a community, and its
 * own officers (the office page).
 */
import type { LatLng } from '../../typings/common';
import type { StreetFiguresRequest, StreetFiguresView } from '../../typings/figures';
import type {
  ImportSummary,
  MapReplacePlan,
  NewOfficerInvite,
  OfficeView,
  StreetView,
} from '../../typings/grid';
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

/** The office's officers and its invites not yet claimed. */
export function officeView(): Promise<OfficeView> {
  return callApi('grid', 'officers', {});
}

/** Invites a colleague; the answer carries the code, shown once. */
export function inviteOfficer(name: string, phone?: string): Promise<NewOfficerInvite> {
  return callApi('grid', 'inviteOfficer', { name, ...(phone ? { phone } : {}) });
}

export function revokeOfficerInvite(inviteId: string): Promise<OfficeView> {
  return callApi('grid', 'revokeOfficerInvite', { inviteId });
}

export function removeOfficer(userId: string): Promise<OfficeView> {
  return callApi('grid', 'removeOfficer', { userId });
}
