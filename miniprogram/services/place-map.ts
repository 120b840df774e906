/** A ticket's place on WeChat's map (GCJ-02, as the server stores it), with navigation from there. */
import type { LatLng } from '../../typings/common';

/** Opens the map at the point; `name` is the title WeChat shows over it. */
export function openPlace(point: LatLng, name: string, address = ''): void {
  wx.openLocation({
    latitude: point.lat,
    longitude: point.lng,
    name,
    address,
    scale: 18,
    fail: () => wx.showToast({ title: '无法打开地图，请稍后重试', icon: 'none' }),
  });
}
