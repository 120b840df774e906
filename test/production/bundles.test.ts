/**
 * The built bundles, what the deploy uploads (dist/functions/<name>/index.js), run unmodified against the
 * CloudBase stand-in, called the way CloudBase calls them: `main(event, context)` with the client's
 * callFunction data as the event (plus the `userInfo` the platform adds), and the caller's openid where the
 * runtime puts it — WX_OPENID / WX_APPID in the environment, named by WX_CONTEXT_KEYS, which is what node-sdk's
 * auth().getUserInfo() reads (getCloudbaseContext in @cloudbase/node-sdk 3.17.2). TCB_CONTEXT_CNFG points
 * node-sdk at the stand-in, TENCENTCLOUD=true keeps it from probing a cloud metadata address.
 *
 * Nothing calls Tencent: the database and storage requests go to the stand-in, and wx-server-sdk — which
 * the bundles require at their first open-API call — is replaced at that seam by jest.mock: subscribeMessage.send and msgSecCheck are recorded and
 * answered like WeChat does. Seed case 1 (飞线充电, 六四一三小区 2号楼) runs end to end through bundles only, on
 * demo data loaded into the stand-in through the CloudbaseStore; then the scheduler bundle gets a real timer
 * event and escalates a missed deadline.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { buildFunctions } from '../../scripts/build-functions';
import {
  startStandin,
  standinApp,
  standinRuntimeEnv,
  standinStore,
  type Standin,
} from '../../server/cloudbase-standin';
import type { CloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { seedDemo } from '../../server/demo/seed';
import { demoIds } from '../../server/demo/ids';
import type { ApiResult } from '../../typings/common';
import type { TicketDetail } from '../../typings/ticket';

/** What the bundles' wx-server-sdk was asked, in order. */
const wechat = { sends: [] as Array<Record<string, unknown>>, checks: [] as Array<Record<string, unknown>> };

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: () => undefined,
  openapi: {
    subscribeMessage: {
      send: async (body: Record<string, unknown>) => {
        wechat.sends.push(body);
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
      },
    },
    security: {
      msgSecCheck: async (body: Record<string, unknown>) => {
        wechat.checks.push(body);
        return { errCode: 0, result: { suggest: 'pass', label: 100 } };
      },
    },
  },
  getOpenData: async () => ({ list: [] }),
}));

type Main = (event: unknown, context: unknown) => Promise<ApiResult<unknown>>;

const APPID = 'wx-gridlink-test';
const outDir = join(__dirname, '..', '..', 'dist', 'test-bundles');

let standin: Standin;
let store: CloudbaseStore;
const mains: Record<string, Main> = {};
const savedEnv = { ...process.env };

beforeAll(async () => {
  const built = await buildFunctions(outDir);
  standin = await startStandin();
  store = standinStore(standin);
  await seedDemo(store);
  Object.assign(process.env, standinRuntimeEnv(standin), {
    GRIDLINK_APPID: APPID,
    GRIDLINK_MINIPROGRAM_STATE: 'trial',
  });
  delete process.env.GRIDLINK_PUSH_TEMPLATES; // the demo templates: pushes go to the mocked SDK
  for (const { name } of built) {
    // The bundle is CommonJS, built above: load it the way CloudBase's runtime does.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mains[name] = (require(join(outDir, 'functions', name, 'index.js')) as { main: Main }).main;
  }
}, 120_000);

afterAll(async () => {
  process.env = savedEnv;
  await standin?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** The context object CloudBase passes beside the event (its fields are not read by our code). */
const context = (fn: string) => ({
  function_name: fn,
  request_id: `req-${Math.random()}`,
  namespace: 'standin-env',
});

/** As wx.cloud.callFunction from this user's mini-program: the runtime's per-call identity, then main. */
async function callAs(
  openid: string,
  fn: string,
  data: Record<string, unknown>,
): Promise<ApiResult<unknown>> {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID';
  process.env.WX_OPENID = openid;
  process.env.WX_APPID = APPID;
  process.env.WX_UNIONID = '';
  return mains[fn]!({ ...data, userInfo: { appId: APPID, openId: openid } }, context(fn));
}

async function ok<T>(openid: string, fn: string, data: Record<string, unknown>): Promise<T> {
  const answer = await callAs(openid, fn, data);
  if (!answer.ok)
    throw new Error(
      `${fn}.${String(data.action)} as ${openid}: ${answer.error.code} ${answer.error.message}`,
    );
  return answer.data as T;
}

/** As the timer trigger: no caller in the environment, the trigger's event. */
function timer(fn: string): Promise<ApiResult<unknown>> {
  for (const key of ['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID', 'WX_UNIONID']) delete process.env[key];
  return mains[fn]!(
    { Type: 'timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' },
    context(fn),
  );
}

const LIU = 'dev-resident-liu';
const WORKER = 'dev-worker-jiaojiawan-01-1';

/** A photo as the mini-program's wx.cloud.uploadFile puts it: into the stand-in's storage, answering its fileID. */
async function photo(name: string): Promise<string> {
  const { fileID } = await standinApp(standin).uploadFile({
    cloudPath: `tickets/bundle-test/${name}.jpg`,
    fileContent: Buffer.from(`jpeg bytes of ${name}`),
  });
  return fileID;
}

async function subscribeAll(openid: string, purpose: string): Promise<void> {
  const { templateIds } = await ok<{ templateIds: string[] }>(openid, 'message', {
    action: 'templates',
    purpose,
  });
  await ok(openid, 'message', {
    action: 'subscribe',
    answers: Object.fromEntries(templateIds.map((id) => [id, 'accept'])),
  });
}

describe('the built bundles on the CloudBase stand-in', () => {
  test('every function bundle answers as the caller the runtime names, not as the body claims', async () => {
    const me = await callAs(LIU, 'user', { action: 'me', userInfo: { openId: 'dev-staff-wujiayuan' } });
    expect(me).toMatchObject({ ok: true, data: { name: '刘女士' } });
    for (const fn of Object.keys(mains).filter((name) => name !== 'scheduler')) {
      const unknown = await callAs(LIU, fn, { action: 'no-such-action' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION.UNKNOWN_ACTION' } });
    }
  });

  test('seed case 1, 飞线充电 in 六四一三小区 2号楼, from report to a rated, closed ticket', async () => {
    await subscribeAll(LIU, 'ticketSubmit');
    await subscribeAll(WORKER, 'task');
    wechat.sends.length = 0;
    wechat.checks.length = 0;

    const filed = await ok<TicketDetail>(LIU, 'ticket', {
      action: 'submit',
      clientRequestId: 'bundle-flying-wire-1',
      category: 'flyingWireCharging',
      description: '7楼有人从窗口吊电线给电动车充电，很危险',
      photos: [await photo('wire')],
      place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2', unit: '1单元', floor: 7 },
    });
    expect(filed).toMatchObject({
      status: 'assigned',
      urgent: true,
      microGridId: 'mg_jiaojiawan_01_1',
      assignee: { name: '何丽萍', roleLabel: '网格员' },
      placeText: '六四一三小区 2号楼 1单元 7层',
    });
    // The content check ran in the bundle, for the resident, on what she wrote.
    expect(wechat.checks).toEqual([
      expect.objectContaining({
        version: 2,
        openid: LIU,
        content: '7楼有人从窗口吊电线给电动车充电，很危险',
      }),
    ]);

    const signed = await ok<TicketDetail>(WORKER, 'ticket', {
      action: 'accept',
      ticketId: filed.ticketId,
      version: filed.version,
    });
    const coHandled = await ok<TicketDetail>(WORKER, 'ticket', {
      action: 'coHandle',
      ticketId: filed.ticketId,
      version: signed.version,
      party: '物业',
      request: '请唐经理通知住户拆除飞线',
    });
    const arranged = await ok<TicketDetail>(WORKER, 'ticket', {
      action: 'progress',
      ticketId: filed.ticketId,
      version: coHandled.version,
      note: '临时安排：楼下车棚集中充电点可用，已告知住户',
      photos: [],
    });
    const resolved = await ok<TicketDetail>(WORKER, 'ticket', {
      action: 'resolve',
      ticketId: filed.ticketId,
      version: arranged.version,
      note: '飞线已拆除',
      photos: [await photo('removed')],
    });
    expect(resolved.status).toBe('resolved');

    const seen = await ok<TicketDetail>(LIU, 'ticket', { action: 'get', ticketId: filed.ticketId });
    expect(seen.allowedActions).toEqual(['confirm', 'reopen']);
    const confirmed = await ok<TicketDetail>(LIU, 'ticket', {
      action: 'confirm',
      ticketId: filed.ticketId,
      version: seen.version,
    });
    const rated = await ok<TicketDetail>(LIU, 'ticket', {
      action: 'rate',
      ticketId: filed.ticketId,
      stars: 5,
      comment: '处理很及时',
    });
    expect(confirmed.status).toBe('closed');
    expect(rated.events.map((e) => e.type)).toEqual([
      'submitted',
      'accepted',
      'coHandling',
      'progress',
      'resolved',
      'confirmed',
      'rated',
    ]);

    // Subscribe messages left the bundles right after the actions, through wx-server-sdk, as WeChat expects them.
    // The submit's two are sent side by side (one pass, parallel lanes): in either order, both before the third.
    const sent = wechat.sends.map((s) => [s.touser, s.templateId]);
    expect(sent.slice(0, 2).sort()).toEqual(
      [
        [LIU, 'demo-tmpl-accepted'],
        [WORKER, 'demo-tmpl-task'],
      ].sort(),
    );
    expect(sent.slice(2)).toEqual([[LIU, 'demo-tmpl-resolved']]);
    expect(wechat.sends[0]).toMatchObject({ miniprogramState: 'trial', lang: 'zh_CN' });

    // And the stand-in holds what CloudBase would: the ticket closed, seven events.
    expect(await store.get('tickets', filed.ticketId)).toMatchObject({ status: 'closed', version: 7 });
    expect(await store.count('ticketEvents', { ticketId: filed.ticketId })).toBe(7);
  });

  test('the scheduler bundle runs its tick on a real timer event, and refuses a client', async () => {
    const filed = await ok<TicketDetail>('dev-resident-chen', 'ticket', {
      action: 'submit',
      clientRequestId: 'bundle-water-1',
      category: 'waterSupply',
      description: '3楼以上没有水，已经一上午了',
      photos: [],
      place: { kind: 'household', householdId: 'h_zhangjiayuan_zhonglukou27_1_1_502' },
    });
    // The bundles read the real clock: the sign-for deadline is moved into the past instead of waiting for it.
    const ticket = await store.get('tickets', filed.ticketId);
    const past = new Date(Date.now() - 60_000).toISOString();
    await store.update(
      'tickets',
      filed.ticketId,
      { signForBy: past, escalateAt: past },
      { ifVersion: ticket!.version },
    );

    const refused = await callAs('dev-resident-chen', 'scheduler', { action: 'tick' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await store.get('tickets', filed.ticketId)).toMatchObject({ escalationLevel: 0 });

    const tick = await timer('scheduler');
    expect(tick).toMatchObject({
      ok: true,
      data: { results: { ticketDeadlines: { escalatedToLeader: 1 } } },
    });
    expect(await store.get('tickets', filed.ticketId)).toMatchObject({ escalationLevel: 1 });
    const leaderId = demoIds.user('dev-leader-zhangjiayuan-01');
    expect(
      await store.count('notifications', { userId: leaderId, ticketId: filed.ticketId }),
    ).toBeGreaterThan(0);
  });

  test('no query the bundles sent went unserved by a declared index', () => {
    expect(standin.unindexedQueries()).toEqual([]);
  });
});
