/**
 * @jest-environment jsdom
 *
 * Onboarding through the pages in miniprogram-simulate, against the real `user` handlers (in-memory SQLite,
 * the demo seeded): a newcomer opens the bind page with a household code → the request is pending → the
 * micro-grid's worker approves it on their page → the resident's home shows the household. Also: a scan of
 * the printed QR code, and a forged code refused with the server's words.
 */
import { join } from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type * as SimulateModule from 'miniprogram-simulate';
import type { ApiResult } from '../../typings/common';
import type { FunctionName } from '../../typings/functions';
import type * as EnvModule from '../../miniprogram/config/env';
import type * as TransportModule from '../../miniprogram/services/transport';
import { createHarness, type Harness } from '../support/harness';
import { asDevelopBuild } from '../support/simulate-page';
import { tdesignStubs } from '../support/tdesign-stubs';
import { fromMiniprogramRoot } from '../support/miniprogram-root';

const wxMock = {
  showToast: jest.fn(),
  navigateTo: jest.fn(),
  reLaunch: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  scanCode: jest.fn(),
  showModal: jest.fn((o: { success?: (r: { confirm: boolean }) => void }) => o.success?.({ confirm: true })),
  downloadFile: jest.fn((o: { success: (r: object) => void }) =>
    o.success({ statusCode: 200, tempFilePath: '/tmp/sheet.pdf' }),
  ),
  openDocument: jest.fn(),
};
(globalThis as unknown as { wx: typeof wxMock }).wx = wxMock;
// The handlers run in this jsdom test too; the QR library needs Node's TextEncoder, which jsdom leaves out.
Object.assign(globalThis, { TextEncoder, TextDecoder });

type Simulate = typeof SimulateModule;
type Comp = ReturnType<Simulate['render']>;
const root = join(__dirname, '..', '..', 'miniprogram');

const STAFF = 'dev-staff-wujiayuan';
const WORKER = 'dev-worker-wujiayuan-02-2';
const MICRO_GRID = 'mg_wujiayuan_02_2';
const NEWCOMER = 'wx-newcomer-sun';

describe('onboarding through the pages', () => {
  let h: Harness;
  let householdId: string;

  beforeEach(async () => {
    jest.clearAllMocks();
    h = await createHarness();
    const bound = new Set((await h.deps.store.find('users')).map((u) => u.householdId));
    const households = await h.deps.store.find('households', { where: { microGridId: MICRO_GRID } });
    householdId = households.find((x) => !bound.has(x._id))!._id;
  });
  afterEach(() => h.close());

  /** Renders a page as `openid` with a fresh module registry and the transport into the harness. */
  async function render(page: string, openid: string, query: Record<string, string> = {}): Promise<Comp> {
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    const simulate = require('miniprogram-simulate') as Simulate;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
    const env = require('../../miniprogram/config/env') as typeof EnvModule;
    // A develop build (DevTools): stored files are served by the local cloud.
    env.setAppEnv(env.appEnvFor('develop'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
    const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
    asDevelopBuild();
    transport.setTransport({
      async call(name, data) {
        const { action, ...req } = data;
        const sent = JSON.parse(JSON.stringify(req)) as object;
        const answer = await h.as(openid).call(name as FunctionName, action as never, sent as never);
        return JSON.parse(JSON.stringify(answer)) as ApiResult<unknown>;
      },
    });
    const id = simulate.load(join(root, page), {
      ...fromMiniprogramRoot(),
      usingComponents: tdesignStubs(simulate),
    });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad(query);
    await simulate.sleep(0);
    return comp;
  }

  const text = (comp: Comp, selector: string) => comp.querySelector(selector)?.dom?.textContent?.trim() ?? '';
  const tap = async (comp: Comp, selector: string) => {
    const el = comp.querySelector(selector);
    if (!el) throw new Error(`nothing to tap at ${selector}`);
    el.dispatchEvent('tap');
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  async function issue(): Promise<{ scene: string; imageFileId: string }> {
    const { codes } = await h
      .as(STAFF)
      .ok('user', 'issueHouseholdCodes', { communityId: 'c_wujiayuan', householdId });
    return codes[0]!;
  }

  test('open with a code → pending → the worker approves → the resident’s home shows the household', async () => {
    await h.as(NEWCOMER).ok('user', 'login', { name: '孙阿姨' });
    const { scene } = await issue();
    const household = (await h.deps.store.get('households', householdId))!;

    // WeChat hands the mini-program code's scene to the page URL-encoded.
    const bind = await render('pages/bind-household/index', NEWCOMER, { scene: encodeURIComponent(scene) });
    expect(text(bind, '.community')).toBe('吴家园社区');
    expect(text(bind, '.address')).toMatch(/\*+$/);
    expect(text(bind, '.address')).not.toContain(household.room);
    expect(text(bind, '.approval')).toContain('网格员');
    await tap(bind, '.submit');
    expect(text(bind, '.done .title')).toBe('已提交，等待网格员审核');

    const waiting = await render('pages/home/index', NEWCOMER);
    expect(text(waiting, '.pending')).toContain('绑定申请审核中');
    expect(waiting.querySelector('.address')).toBeUndefined();

    const inbox = await render('packages/worker/pages/bind-requests/index', WORKER);
    expect(text(inbox, '.applicant')).toBe('申请人：孙阿姨');
    expect(text(inbox, '.request .address')).toContain(household.room);
    await tap(inbox, '.approve');
    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已通过', icon: 'success' });
    expect(inbox.querySelectorAll('.request')).toHaveLength(0);

    const home = await render('pages/home/index', NEWCOMER);
    const me = await h.as(NEWCOMER).ok('user', 'me', {});
    expect(text(home, '.address')).toBe(me.household!.address);
    expect(text(home, '.address')).toContain(household.room);
    expect(home.querySelector('.pending')).toBeUndefined();
    expect(
      home.querySelectorAll('.entry').map((e) => e.dom!.querySelector('.t-cell__title')?.textContent),
    ).toEqual(['随手拍', '我的工单', '政策通知']);
  });

  test('a scan of the printed QR code opens the same claim; with no approval the resident is bound at once', async () => {
    await h.as(STAFF).ok('user', 'setOnboardingPolicy', {
      communityId: 'c_wujiayuan',
      policy: { mode: 'singleUse', memberLimit: 1, approval: false },
    });
    await h.as(NEWCOMER).ok('user', 'login', { name: '孙阿姨' });
    const { imageFileId } = await issue();
    const png = PNG.sync.read(Buffer.from(await h.deps.files.read(imageFileId)));
    const printed = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
    wxMock.scanCode.mockImplementation((o: { success: (r: object) => void }) =>
      o.success({ result: printed, scanType: 'QR_CODE' }),
    );
    const bind = await render('pages/bind-household/index', NEWCOMER);
    expect(bind.querySelector('.claim')).toBeUndefined();
    await tap(bind, '.scan');
    expect(text(bind, '.community')).toBe('吴家园社区');
    await tap(bind, '.submit');
    expect(text(bind, '.done .title')).toBe('绑定成功');
    expect((await h.as(NEWCOMER).ok('user', 'me', {})).household?.householdId).toBe(householdId);

    // The code is single-use: the next person is refused in plain words.
    await h.as('wx-second').ok('user', 'login', {});
    const second = await render('pages/bind-household/index', 'wx-second');
    await tap(second, '.scan');
    await tap(second, '.submit');
    expect(text(second, '.error')).toBe('此住户码已达到可绑定人数上限，请联系社区工作人员');
  });

  test('a forged code shows the refusal and offers to scan again', async () => {
    await h.as(NEWCOMER).ok('user', 'login', {});
    const { scene } = await issue();
    const forged = `${scene.slice(0, -1)}${scene.endsWith('A') ? 'B' : 'A'}`;
    const bind = await render('pages/bind-household/index', NEWCOMER, { scene: forged });
    expect(bind.querySelector('.claim')).toBeUndefined();
    expect(text(bind, '.error')).toBe('住户码无法识别，请重新扫描社区张贴或发放的住户码');
    expect(text(bind, '.scan')).toBe('扫描住户码');
  });

  test('a newcomer claims a worker invite from the home page', async () => {
    const invite = await h.as(STAFF).ok('grid', 'invite', {
      communityId: 'c_wujiayuan',
      name: '马晓燕',
      duty: 'worker',
      gridId: 'g_wujiayuan_02',
      microGridId: MICRO_GRID,
    });
    const home = await render('pages/home/index', 'wx-ma', { invite: invite.code });
    expect(text(home, '.name')).toBe('您好，马晓燕');
    expect(
      home.querySelectorAll('.entry').map((e) => e.dom!.querySelector('.t-cell__title')?.textContent),
    ).toEqual(['工单收件箱', '排查与走访', '入户走访', '工作日志', '住户申请']);
  });

  test('staff open a building’s codes, print its sheet, and revoke a code that leaked', async () => {
    const household = (await h.deps.store.get('households', householdId))!;
    // pdfkit cannot load under jsdom (it resolves its font metrics from a file URL): the PDF itself is
    // tested in test/households/onboarding.test.ts; here the page's handling of the sheet.
    h.deps.codeSheets = { render: async () => new TextEncoder().encode('%PDF-stand-in') };
    const page = await render('packages/staff/pages/household-codes/index', STAFF, {
      communityId: 'c_wujiayuan',
    });
    const buildings = page.querySelectorAll('.building');
    expect(buildings.length).toBeGreaterThan(10);
    const index = page.instance.data.buildings.findIndex(
      (b: { buildingId: string }) => b.buildingId === household.buildingId,
    );
    buildings[index]!.dispatchEvent('tap');
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(page.querySelectorAll('.code')).toHaveLength(0);

    await tap(page, '.sheet');
    expect(wxMock.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/\/files\/exports\/c_wujiayuan\/.+\.pdf$/) }),
    );
    expect(wxMock.openDocument).toHaveBeenCalledWith({
      filePath: '/tmp/sheet.pdf',
      fileType: 'pdf',
      showMenu: true,
    });
    const households = await h.deps.store.count('households', { buildingId: household.buildingId });
    expect(page.querySelectorAll('.code')).toHaveLength(households);

    const [first] = (
      await h
        .as(STAFF)
        .ok('user', 'householdCodes', { communityId: 'c_wujiayuan', buildingId: household.buildingId })
    ).codes;
    await tap(page, '.revoke');
    expect(page.querySelectorAll('.code')).toHaveLength(households - 1);
    const answer = await h.as(STAFF).call('user', 'previewHouseholdCode', { code: first!.scene });
    expect(answer).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD.CODE_REVOKED' } });
  }, 60_000);
});
