/** Photos shown full screen, to swipe through and zoom (an elderly reader's or a worker's closer look). */

/** `urls` as the page displays them; `current` one of them. */
export function previewPhotos(urls: string[], current: string): void {
  if (urls.length === 0) return;
  wx.previewImage({ urls, current: urls.includes(current) ? current : urls[0]! });
}
