/**
 * Mini-program codes from WeChat: wxacode.getUnlimited through wx-server-sdk's open API (cloud call). The
 * function that calls it needs `permissions.openapi: ["wxacode.getUnlimited"]` in its config.json.
 * Not exercised here: no WeChat on our machines (locally QrMiniProgramCodes stands in).
 */
import type { MiniProgramCodeRequest, MiniProgramCodes } from '../../core/ports/mini-program-codes';
import { errorText, wechatErrorCode, wxServerSdk, type WechatSdk } from './wechat-openapi';

type EnvVersion = 'release' | 'trial' | 'develop';

export class WechatMiniProgramCodes implements MiniProgramCodes {
  /** `envVersion` follows GRIDLINK_MINIPROGRAM_STATE: formal → release, trial → trial, developer → develop. */
  constructor(
    private readonly envVersion: EnvVersion = 'release',
    private readonly sdk: WechatSdk = wxServerSdk,
  ) {}

  async render(request: MiniProgramCodeRequest): Promise<Uint8Array> {
    try {
      const answer = await this.sdk.getUnlimitedCode({
        scene: request.scene,
        page: request.page,
        // An unpublished page (trial, develop) would be refused with 41030 when checked.
        checkPath: this.envVersion === 'release',
        envVersion: this.envVersion,
        width: 430,
      });
      if (!answer.buffer || (answer.errCode !== undefined && answer.errCode !== 0))
        throw new Error(`wxacode.getUnlimited answered ${answer.errCode}: ${answer.errMsg}`);
      return new Uint8Array(answer.buffer);
    } catch (error) {
      throw new Error(`wxacode.getUnlimited failed (${wechatErrorCode(error)}): ${errorText(error)}`, {
        cause: error,
      });
    }
  }
}

export function envVersionOf(state: string | undefined): EnvVersion {
  return state === 'trial' ? 'trial' : state === 'developer' ? 'develop' : 'release';
}
