/**
 * The local stand-in for WeChat's mini-program code: a QR code (npm `qrcode` lays out the modules) of the page
 * and its scene, "pages/bind-household/index?scene=…", drawn into a PNG with pngjs. wx.scanCode answers its
 * text as `result`, as it answers a real mini-program code's target as `path`: the bind page reads either.
 * The PNG is written synchronously: qrcode's own stream-based PNG output takes seconds per code under jest.
 */
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { MiniProgramCodeRequest, MiniProgramCodes } from '../../core/ports/mini-program-codes';

/** Pixels per module, and the quiet zone around the code in modules (the standard asks for 4; 2 scans). */
const SCALE = 8;
const MARGIN = 2;

export function codeText(request: MiniProgramCodeRequest): string {
  return `${request.page}?scene=${encodeURIComponent(request.scene)}`;
}

export function qrPng(text: string): Uint8Array {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + 2 * MARGIN) * SCALE;
  const png = new PNG({ width: size, height: size });
  png.data.fill(0xff);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < SCALE; y++)
        for (let x = 0; x < SCALE; x++) {
          const px = (col + MARGIN) * SCALE + x;
          const py = (row + MARGIN) * SCALE + y;
          const i = (py * size + px) * 4;
          png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
        }
    }
  return new Uint8Array(PNG.sync.write(png, { colorType: 0 }));
}

export class QrMiniProgramCodes implements MiniProgramCodes {
  async render(request: MiniProgramCodeRequest): Promise<Uint8Array> {
    return qrPng(codeText(request));
  }
}
