/** The street office's calls (街道): its communities ranked, and creating a community. */
import type { LatLng } from '../../typings/common';
import type { StreetView } from '../../typings/grid';
import { callApi } from './api';

export function streetView(): Promise<StreetView> {
  return callApi('grid', 'street', {});
}

export function createCommunity(name: string, communityCode: string, center: LatLng): Promise<StreetView> {
  return callApi('grid', 'createCommunity', { name, communityCode, center });
}
