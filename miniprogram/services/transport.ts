/** How a call reaches a cloud function: one interface, two ways; pages never see which one is in use. */
import type { ApiResult } from '../../typings/common';

export interface Transport {
  /** Runs cloud function `name` with `data` ({action, ...fields}); resolves with its answer, never rejects. */
  call(name: string, data: Record<string, unknown>): Promise<ApiResult<unknown>>;
}

const DEV_OPENID_HEADER = 'x-gridlink-openid';

const failure = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

/** A function's reply is an ApiResult; anything else (a gateway page, a crash) counts as a failed call. */
function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Production: wx.cloud.callFunction, identity from WeChat; needs wx.cloud.init first (app.ts). */
export function cloudTransport(): Transport {
  return {
    async call(name, data) {
      try {
        const { result } = await wx.cloud.callFunction({ name, data });
        return isApiResult(result) ? result : failure('服务返回了无法识别的结果');
      } catch {
        return failure('网络不给力，请稍后重试');
      }
    },
  };
}

/** Development: the local cloud over HTTP (`npm start`), acting as `openid`; '' sends no identity. */
export function localTransport(baseUrl: string, openid: string): Transport {
  return {
    call(name, data) {
      const header: Record<string, string> = { 'content-type': 'application/json' };
      if (openid) header[DEV_OPENID_HEADER] = openid;
      return new Promise((resolve) => {
        wx.request({
          url: `${baseUrl}/fn/${name}`,
          method: 'POST',
          data,
          header,
          // The local cloud answers errors with 4xx/5xx and an ApiResult body: the body is what counts.
          success: (res) =>
            resolve(
              isApiResult(res.data)
                ? res.data
                : failure(`本地云返回了无法识别的结果（HTTP ${res.statusCode}）`),
            ),
          fail: () => resolve(failure(`连不上本地云 ${baseUrl}：请先运行 npm start`)),
        });
      });
    },
  };
}

let current: Transport | null = null;

/** Chooses where calls go: app.ts once at launch, tests before rendering a page. */
export function setTransport(next: Transport): void {
  current = next;
}

/** The transport in use, or null before app.ts chose one. */
export function currentTransport(): Transport | null {
  return current;
}
