/**
 * A refused permission (位置, 相机, 相册) is said and mended, never swallowed: once refused, WeChat asks no
 * more and the API fails at once, so the only way back is the mini-program's settings page (wx.openSetting).
 */

/** What the person refused, in the words of the explanation. */
export type PermissionKind = 'location' | 'camera';

const WORDS: Record<PermissionKind, { title: string; content: string }> = {
  location: {
    title: '需要位置权限',
    content: '您之前拒绝了位置权限，无法在地图上选点。请在设置中允许“位置信息”后再试。',
  },
  camera: {
    title: '需要相机和相册权限',
    content: '您之前拒绝了相机或相册权限，无法添加照片。请在设置中允许后再试。',
  },
};

/** Whether a failed wx call failed for want of permission (not a cancel, not a network fault). */
export function refusedPermission(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg;
  if (typeof message !== 'string' || /cancel/i.test(message)) return false;
  return /auth den|auth deny|authorize|permission|privacy/i.test(message);
}

/** Explains what was refused and opens the settings on 去设置 (the modal's tap lets WeChat open them). */
export function guideToSettings(kind: PermissionKind): void {
  const words = WORDS[kind];
  wx.showModal({
    title: words.title,
    content: words.content,
    confirmText: '去设置',
    cancelText: '暂不',
    success: (res) => {
      if (res.confirm) wx.openSetting({ fail: () => undefined });
    },
  });
}

/** Subscriptions are switched off in WeChat's own settings (订阅消息): said, then opened on 去设置. */
export function openSubscriptionSettings(): void {
  wx.showModal({
    title: '关闭提醒',
    content: '提醒由微信管理：在设置的“订阅消息”中可以关闭。',
    confirmText: '去设置',
    cancelText: '保持开启',
    success: (res) => {
      if (res.confirm) wx.openSetting({ fail: () => undefined });
    },
  });
}
