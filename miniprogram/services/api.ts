/**
 * The one way pages reach the back end: `callApi(fn, action, req)`, typed end to end by typings/functions.ts,
 * resolving with the action's data or rejecting with an ApiCallError that carries the Chinese message.
 */
import type { ActionDef, ApiError } from '../../typings/common';
import type { ErrorCode } from '../../typings/errors';
import type { Api, FunctionName } from '../../typings/functions';
import { currentTransport } from './transport';

export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> =
  Api[F][A] extends ActionDef<infer Req, unknown> ? Req : never;
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> =
  Api[F][A] extends ActionDef<unknown, infer Res> ? Res : never;

/** A failed call: `code` for programs to branch on, `message` (Chinese) to show as is. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** Calls one action of one cloud function. */
export async function callApi<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  req: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const transport = currentTransport();
  if (!transport)
    throw new ApiCallError({ code: 'INTERNAL', message: '应用尚未初始化完成，请重新打开小程序' });
  const result = await transport.call(fn, { ...(req as Record<string, unknown>), action });
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data as ResponseOf<F, A>;
}

/** Shows a failure the way every page does: a plain toast with the server's Chinese message. */
export function showApiError(error: unknown): void {
  const title = error instanceof ApiCallError ? error.message : '出了点问题，请稍后重试';
  wx.showToast({ title, icon: 'none' });
}
