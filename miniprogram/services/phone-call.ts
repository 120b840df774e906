/** 拨打电话: the number comes from the server, which shows it only to whom it concerns. */

/** Opens the phone's dialler; backing out of it is no error. */
export function callPhone(phoneNumber: string): void {
  if (!phoneNumber) return;
  wx.makePhoneCall({ phoneNumber, fail: () => undefined });
}
