/**
 * The production entry point, beside the local cloud's (server/local-cloud): CloudBase calls
 * `main(event, context)` of each function; the caller comes from the platform alone (node-sdk's
 * auth().getUserInfo() reads WX_OPENID/WX_APPID, which the runtime sets per call), never from the event body.
 */
import tcb from '@cloudbase/node-sdk';
import type { ActionMap, ApiResult } from '../../typings/common';
import { AppError } from '../core/errors';
import type { Deps } from '../core/ports';
import type { Caller } from '../core/ports/identity';
import { invoke, type FunctionSpec } from '../functions/define';
import { productionDeps, type CloudbaseApp } from './deps';
import { isTimerEvent } from './timer-event';

export type CloudMain = (event: unknown, context?: unknown) => Promise<ApiResult<unknown>>;

/** What an invocation needs from where it runs: the adapters, and who is calling this time. */
export interface Platform {
  deps(): Deps;
  caller(): Caller | null;
}

let cached: { app: CloudbaseApp; deps: Deps } | null = null;

/** One app and one set of adapters per warm instance: built on the first call, reused after. */
function instance(): { app: CloudbaseApp; deps: Deps } {
  if (cached) return cached;
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  cached = { app, deps: productionDeps(app, process.env) };
  return cached;
}

/** CloudBase: adapters over node-sdk and wx-server-sdk, the caller from the runtime's per-call environment. */
export const cloudbasePlatform: Platform = {
  deps: () => instance().deps,
  caller() {
    const info = instance().app.auth().getUserInfo();
    return info.openId ? { openid: info.openId, appid: info.appId } : null;
  },
};

/** A function the mini-program calls: identity from the platform → invoke (validate → core → typed reply). */
export function cloudFunction(
  spec: FunctionSpec<ActionMap>,
  platform: Platform = cloudbasePlatform,
): CloudMain {
  return async (event) => invoke(spec, platform.deps(), platform.caller(), event);
}

/**
 * A function only its timer trigger runs (the scheduler): a timer event with no caller runs `action`; anything
 * else — a client's call, whatever its body — is refused before any work is done.
 */
export function timerFunction(
  spec: FunctionSpec<ActionMap>,
  action: string,
  platform: Platform = cloudbasePlatform,
): CloudMain {
  return async (event) => {
    if (platform.caller() !== null || !isTimerEvent(event)) {
      const refused = new AppError('AUTH.FORBIDDEN', {
        message: '定时任务只由定时触发器运行，不能从小程序调用',
        details: { function: spec.name },
      });
      return { ok: false, error: { code: refused.code, message: refused.message, details: refused.details } };
    }
    return invoke(spec, platform.deps(), null, { action });
  };
}
