/**
 * The production side of a cloud function: CloudBase adapters behind the core's ports, and the caller's
 * identity from the WeChat context only (never from the event body). Not exercised here: no CloudBase
 * environment exists on our machines; everything around it is tested through the local cloud.
 */
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import type { ActionMap, ApiResult } from '../../../typings/common';
import type { Deps } from '../../core/ports';
import { RoutingIndexCache } from '../../core/routing/index-cache';
import type { Caller } from '../../core/ports/identity';
import { invoke, type FunctionSpec } from '../../functions/define';
import { systemClock } from '../local/clocks';
import { randomIds } from '../local/ids';
import { CloudbaseFiles } from './cloudbase-files';
import { CloudbaseStore, type Db } from './cloudbase-store';
import { WechatContentCheck } from './wechat-content-check';
import { WechatPush } from './wechat-push';
import { WechatGroupTickets } from './wechat-group-tickets';
import { loadNotificationSettings } from '../push-templates';
import { hmacSecrets } from '../hmac-secrets';
import { PdfCodeSheets } from '../pdf-code-sheets';
import { envVersionOf, WechatMiniProgramCodes } from './wechat-wxacode';

let cached: { app: ReturnType<typeof tcb.init>; deps: Deps } | null = null;

/** One app and one set of adapters per warm instance: built on the first call, reused after. */
function runtime(): { app: ReturnType<typeof tcb.init>; deps: Deps } {
  if (cached) return cached;
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  const deps: Deps = {
    store: new CloudbaseStore(app.database() as unknown as Db),
    clock: systemClock,
    ids: randomIds,
    files: new CloudbaseFiles(app),
    push: new WechatPush(),
    contentCheck: new WechatContentCheck(),
    routingIndexes: new RoutingIndexCache(),
    groupTickets: new WechatGroupTickets(process.env.GRIDLINK_APPID),
    notificationSettings: loadNotificationSettings(process.env),
    secrets: hmacSecrets,
    miniProgramCodes: new WechatMiniProgramCodes(envVersionOf(process.env.GRIDLINK_MINIPROGRAM_STATE)),
    // The build copies the font beside each bundle (scripts/build-functions.ts).
    codeSheets: new PdfCodeSheets(join(__dirname, 'fonts', 'NotoSansSC-GB2312.ttf')),
  };
  cached = { app, deps };
  return cached;
}

function callerOf(app: ReturnType<typeof tcb.init>): Caller | null {
  const info = app.auth().getUserInfo();
  return info.openId ? { openid: info.openId, appid: info.appId } : null;
}

/** The cloud function's `main`: identity from the platform → invoke (validate → core → typed reply). */
export function cloudbaseHandler(spec: FunctionSpec<ActionMap>) {
  return async (event: unknown): Promise<ApiResult<unknown>> => {
    const { app, deps } = runtime();
    return invoke(spec, deps, callerOf(app), event);
  };
}
