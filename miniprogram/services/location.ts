/** Picking a place on WeChat's map for a report; a refused permission leads to the settings, not nowhere. */
import { guideToSettings, refusedPermission } from './permissions';

export interface PickedPlace {
  lat: number;
  lng: number;
  /** The place's name or address as the map gave it ('' when none). */
  addressText: string;
}

/** The place picked, or null when the person backed out or had refused the permission (then guided). */
export function pickPlace(): Promise<PickedPlace | null> {
  return new Promise((resolve) => {
    wx.chooseLocation({
      success: (res) =>
        resolve({ lat: res.latitude, lng: res.longitude, addressText: res.name || res.address || '' }),
      fail: (error) => {
        if (refusedPermission(error)) guideToSettings('location');
        resolve(null);
      },
    });
  });
}
