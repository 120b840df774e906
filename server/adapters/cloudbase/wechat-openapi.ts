/**
 * The part of wx-server-sdk the WeChat adapters use, behind one small interface: the seam the adapters are
 * tested at. (Below it, wx-server-sdk wraps each call in a protobuf `wx.openApi` envelope to CloudBase's
 * gateway, an undocumented protocol not worth imitating; above it, the adapters' own decisions are what tests
 * must pin down.) The SDK is loaded on the first open-API call only: a cold start that sends nothing does
 * not pay for it.
 */
import type * as WxServerSdk from 'wx-server-sdk';

/** subscribeMessage.send's body, in the SDK's camel case (it converts to the HTTP API's snake case). */
export interface SubscribeMessageBody {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  lang: 'zh_CN';
}

export interface MsgSecCheckBody {
  version: 2;
  openid: string;
  scene: number;
  content: string;
}

/** wxacode.getUnlimited's body: a mini-program code that opens `page` with `scene` (≤ 32 characters). */
export interface UnlimitedCodeBody {
  scene: string;
  page: string;
  checkPath: boolean;
  envVersion: 'release' | 'trial' | 'develop';
  width: number;
}

export interface WechatSdk {
  /** Resolves with WeChat's answer; throws the SDK's error ({errCode, errMsg}) on a failure. */
  sendSubscribeMessage(body: SubscribeMessageBody): Promise<unknown>;
  msgSecCheck(body: MsgSecCheckBody): Promise<unknown>;
  /** One decoded item per cloudID: `{cloudID, data}` or an item carrying its own errCode. */
  getOpenData(cloudIDs: string[]): Promise<Array<Record<string, unknown>>>;
  /** The code's image, or WeChat's refusal as `{errCode, errMsg}`. */
  getUnlimitedCode(
    body: UnlimitedCodeBody,
  ): Promise<{ buffer?: Uint8Array; errCode?: number; errMsg?: string }>;
}

let loaded: typeof WxServerSdk | null = null;

async function sdk(): Promise<typeof WxServerSdk> {
  if (loaded) return loaded;
  const cloud = await import('wx-server-sdk');
  // The SDK's declarations type env as a string, but DYNAMIC_CURRENT_ENV (a symbol) is the documented value.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  loaded = cloud;
  return cloud;
}

/** wx-server-sdk's open API, loaded and initialised once per warm instance. */
export async function wechatOpenApi(): Promise<typeof WxServerSdk.openapi> {
  return (await sdk()).openapi;
}

/** The real thing: wx-server-sdk's cloud.openapi and getOpenData inside a CloudBase function. */
export const wxServerSdk: WechatSdk = {
  sendSubscribeMessage: async (body) => (await sdk()).openapi.subscribeMessage.send(body) as Promise<unknown>,
  msgSecCheck: async (body) => (await sdk()).openapi.security.msgSecCheck(body) as Promise<unknown>,
  getOpenData: async (cloudIDs) => (await (await sdk()).getOpenData({ list: cloudIDs })).list,
  getUnlimitedCode: async (body) =>
    (await sdk()).openapi.wxacode.getUnlimited(body) as Promise<{
      buffer?: Uint8Array;
      errCode?: number;
      errMsg?: string;
    }>,
};

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
