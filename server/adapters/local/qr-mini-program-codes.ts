/**
 * The local stand-in for WeChat's mini-program code: a QR code (npm `qrcode`) of the page and its scene,
 * "pages/bind-household/index?scene=…". wx.scanCode answers its text as `result`, as it answers a real
 * mini-program code's target as `path`: the bind page reads the scene from either.
 */
import QRCode from 'qrcode';
import type { MiniProgramCodeRequest, MiniProgramCodes } from '../../core/ports/mini-program-codes';

export function codeText(request: MiniProgramCodeRequest): string {
  return `${request.page}?scene=${encodeURIComponent(request.scene)}`;
}

export class QrMiniProgramCodes implements MiniProgramCodes {
  async render(request: MiniProgramCodeRequest): Promise<Uint8Array> {
    const png = await QRCode.toBuffer(codeText(request), {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 280,
    });
    return new Uint8Array(png);
  }
}
