/** Shared shapes of the API contract. Type-only: the mini-program ships none of this at run time. */
import type { ErrorCode } from './errors';

export type Id = string;
/** ISO-8601 instant with the +08:00 offset (Asia/Shanghai), e.g. 2026-06-20T14:05:00+08:00. */
export type IsoTime = string;
/** A point in GCJ-02, what wx.getLocation and wx.chooseLocation return. */
export interface LatLng {
  lat: number;
  lng: number;
}

export interface ApiError {
  code: ErrorCode;
  /** For people: Chinese, shown as is. */
  message: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** One action of a cloud function: its request and its response. */
export interface ActionDef<Req, Res> {
  req: Req;
  res: Res;
}

export type ActionMap = Record<string, ActionDef<unknown, unknown>>;

/** What every call carries: the action name plus that action's request fields. */
export type CallData<A extends ActionMap, K extends keyof A & string> = { action: K } & A[K]['req'];
