/**
 * The production wiring: CloudBase and WeChat adapters behind the core's ports, the machine's clock and random
 * ids. Built once per warm instance (main.ts); the environment is read here, never below.
 */
import type tcb from '@cloudbase/node-sdk';
import { CloudbaseFiles } from '../adapters/cloudbase/cloudbase-files';
import { CloudbaseStore, type Db } from '../adapters/cloudbase/cloudbase-store';
import { WechatContentCheck } from '../adapters/cloudbase/wechat-content-check';
import { WechatGroupTickets } from '../adapters/cloudbase/wechat-group-tickets';
import { WechatPush } from '../adapters/cloudbase/wechat-push';
import { loadNotificationSettings } from '../adapters/push-templates';
import { systemClock } from '../adapters/system/clock';
import { randomIds } from '../adapters/system/ids';
import type { Deps } from '../core/ports';
import { RoutingIndexCache } from '../core/routing/index-cache';

export type CloudbaseApp = ReturnType<typeof tcb.init>;

export function productionDeps(app: CloudbaseApp, env: NodeJS.ProcessEnv): Deps {
  return {
    store: new CloudbaseStore(app.database() as unknown as Db),
    clock: systemClock,
    ids: randomIds,
    files: new CloudbaseFiles(app),
    push: new WechatPush(env.GRIDLINK_MINIPROGRAM_STATE),
    contentCheck: new WechatContentCheck(),
    routingIndexes: new RoutingIndexCache(),
    groupTickets: new WechatGroupTickets(env.GRIDLINK_APPID),
    notificationSettings: loadNotificationSettings(env),
  };
}
