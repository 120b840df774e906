/** wx-server-sdk's open API, initialised once per warm instance, and how to read its failures. */
import * as cloud from 'wx-server-sdk';

let initialised = false;

export function wechatOpenApi(): typeof cloud.openapi {
  if (!initialised) {
    // The SDK's declarations type env as a string, but DYNAMIC_CURRENT_ENV (a symbol) is the documented value.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud.openapi;
}

/** WeChat open-API failures arrive as thrown errors carrying errCode; this reads it without trusting shape. */
export function wechatErrorCode(error: unknown): number | null {
  const e = error as { errCode?: unknown; errcode?: unknown } | null;
  const code = e?.errCode ?? e?.errcode;
  return typeof code === 'number' ? code : null;
}

export function errorText(error: unknown): string {
  return String(
    (error as { errMsg?: string; message?: string } | null)?.errMsg ??
      (error as Error | null)?.message ??
      error,
  );
}
