/**
 * The production wiring: CloudBase and WeChat adapters behind the core's ports, the machine's clock and random
 * ids. Built once per warm instance (main.ts); the environment is read here, never below.
 */
import { join } from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { CloudbaseFiles } from '../adapters/cloudbase/cloudbase-files';
import { CloudbaseStore, type Db } from '../adapters/cloudbase/cloudbase-store';
import { WechatContentCheck } from '../adapters/cloudbase/wechat-content-check';
import { WechatGroupTickets } from '../adapters/cloudbase/wechat-group-tickets';
import { WechatPush } from '../adapters/cloudbase/wechat-push';
import { envVersionOf, WechatMiniProgramCodes } from '../adapters/cloudbase/wechat-wxacode';
import { hmacSecrets } from '../adapters/hmac-secrets';
import { PdfCodeSheets } from '../adapters/pdf-code-sheets';
import { loadNotificationSettings } from '../adapters/push-templates';
import { systemClock } from '../adapters/system/clock';
import { randomIds } from '../adapters/system/ids';
import type { Deps } from '../core/ports';
import { RoutingIndexCache } from '../core/routing/index-cache';
import { TicketMemory } from '../core/tickets/ticket-memory';

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
    ticketMemory: new TicketMemory(),
    groupTickets: new WechatGroupTickets(env.GRIDLINK_APPID),
    notificationSettings: loadNotificationSettings(env),
    secrets: hmacSecrets,
    miniProgramCodes: new WechatMiniProgramCodes(envVersionOf(env.GRIDLINK_MINIPROGRAM_STATE)),
    // The build copies the font beside each bundle that needs it (scripts/build-functions.ts).
    codeSheets: new PdfCodeSheets(join(__dirname, 'fonts', 'NotoSansSC-GB2312.ttf')),
  };
}
