/**
 * Renders the code a phone scans to open a page of the mini-program with a `scene` (≤ 32 characters).
 * Production asks WeChat for a mini-program code (wxacode.getUnlimited); locally, a QR code PNG of the same
 * page and scene stands in, which the bind page reads the same way from wx.scanCode.
 */
export interface MiniProgramCodeRequest {
  /** The page, no leading slash: pages/bind-household/index. */
  page: string;
  scene: string;
}

export interface MiniProgramCodes {
  /** A PNG image of the code. */
  render(request: MiniProgramCodeRequest): Promise<Uint8Array>;
}
