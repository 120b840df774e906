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
  // One grey byte a pixel, written unfiltered: pngjs' RGBA packing and its trial of every row filter took
  // most of a sheet's time (a building's 24 codes, seconds under jest), for a picture of black squares.
  const data = Buffer.alloc(size * size, 0xff);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < SCALE; y++) {
        const start = ((row + MARGIN) * SCALE + y) * size + (col + MARGIN) * SCALE;
        data.fill(0, start, start + SCALE);
      }
    }
  const png = { width: size, height: size, data } as unknown as PNG;
  return new Uint8Array(
    PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, filterType: 0 }),
  );
}

export class QrMiniProgramCodes implements MiniProgramCodes {
  async render(request: MiniProgramCodeRequest): Promise<Uint8Array> {
    return qrPng(codeText(request));
  }
}
