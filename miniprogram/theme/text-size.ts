/**
 * One Behavior every page uses (test/miniprogram/text-size-everywhere.test.ts checks): it binds `textSize`
 * for the page's <page-meta>, from the user's WeChat font size and the 大字模式 switch kept in storage.
 * Turning the switch re-renders every live page at once (the tab pages stay alive behind 我的).
 */
import { textScale, textSize, type TextSize } from './text-scale';

const largeTextKey = 'largeText';

type Page = WechatMiniprogram.Component.TrivialInstance;
const livePages = new Set<Page>();

/** fontSizeScaleFactor from getAppBaseInfo (recommended by WeChat), else getSystemInfoSync on old bases. */
function systemFactor(): number | undefined {
  const info: { fontSizeScaleFactor?: number; fontSizeSetting?: number } =
    typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : wx.getSystemInfoSync();
  if (typeof info.fontSizeScaleFactor === 'number') return info.fontSizeScaleFactor;
  // Older bases give only the size in px; 17 px is the standard on iOS, 16 px on Android.
  return typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting / 17 : undefined;
}

/** Whether the user turned 大字模式 on (kept on the phone, not on the server: it is about this screen). */
export function largeTextOn(): boolean {
  return wx.getStorageSync(largeTextKey) === true;
}

/** The text size pages should draw at now. */
export function currentTextSize(): TextSize {
  const large = largeTextOn();
  return textSize(textScale(systemFactor(), large), large);
}

/** Turns 大字模式 on or off, keeps the choice and redraws every page alive. */
export function setLargeText(on: boolean): void {
  wx.setStorageSync(largeTextKey, on);
  const size = currentTextSize();
  livePages.forEach((page) => page.setData({ textSize: size }));
}

/** The Behavior: add `behaviors: [textSizeBehavior]` to a page and start its wxml with the page-meta line. */
export const textSizeBehavior = Behavior({
  data: { textSize: textSize(1, false) },
  lifetimes: {
    attached(this: Page) {
      livePages.add(this);
      this.setData({ textSize: currentTextSize() });
    },
    detached(this: Page) {
      livePages.delete(this);
    },
  },
});
