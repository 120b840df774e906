/** @jest-environment jsdom */
/**
 * The field pages under miniprogram-simulate against the real handlers (test/ticket-pages/page-world.ts): the
 * walk kept as a draft while offline and sent once when the network returns, also when its first answer was
 * lost and it is sent again; the due list, the visit record, the work log, and the staff pages.
 */
import { errorMessages } from '../../server/core/errors';
import type * as TransportModule from '../../miniprogram/services/transport';
import type * as UploadModule from '../../miniprogram/services/upload';
import { createHarness, type Harness } from '../support/harness';
import {
  choosesPhotos,
  network,
  phoneFollows,
  renderPage,
  wxMock,
  type RenderedPage,
} from '../ticket-pages/page-world';
import { JIAOJIAWAN, planBuilding2, STAFF, WORKER } from './field-world';

const storage = new Map<string, unknown>();
const networkListeners: Array<(res: { isConnected: boolean }) => void> = [];
const downloadFile = jest.fn();
Object.assign(wxMock, {
  getStorageSync: (key: string) => (storage.has(key) ? JSON.parse(JSON.stringify(storage.get(key))) : ''),
  setStorageSync: (key: string, value: unknown) => storage.set(key, JSON.parse(JSON.stringify(value))),
  onNetworkStatusChange: (fn: (res: { isConnected: boolean }) => void) => networkListeners.push(fn),
  downloadFile,
});

/** Cuts the page's network: calls and uploads fail as wx.cloud does with no signal, until `online()`. */
function offline(h: Harness): { online(): void } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the rendered page's module registry
  const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the rendered page's module registry
  const upload = require('../../miniprogram/services/upload') as typeof UploadModule;
  const real = transport.currentTransport()!;
  let up = false;
  transport.setTransport({
    call: async (name, data) =>
      up
        ? real.call(name, data)
        : { ok: false, error: { code: 'INTERNAL', message: '网络不给力，请稍后重试' } },
  });
  upload.setUploader({
    async upload(_path, cloudPath) {
      if (!up) throw new Error('uploadFile:fail network');
      return h.deps.files.put(cloudPath, new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg');
    },
  });
  return { online: () => (up = true) };
}

async function answer(page: RenderedPage, choices: number[]): Promise<void> {
  for (const i of choices) {
    page.comp.querySelectorAll('.choice')[i]!.dispatchEvent('tap');
    await page.simulate.sleep(0);
  }
}

const kept = () => (storage.get('fieldDrafts') as unknown[] | undefined) ?? [];

describe('the field pages', () => {
  let h: Harness;
  beforeEach(async () => {
    storage.clear();
    networkListeners.length = 0;
    jest.clearAllMocks();
    h = await createHarness();
    phoneFollows(h);
  });
  afterEach(() => h.close());

  it('keeps a walk made offline on the phone and sends it once when the network returns, even if told twice', async () => {
    const taskId = await planBuilding2(h);
    const walk = await renderPage(h, 'packages/worker/pages/inspection-walk/index', WORKER, { taskId });
    expect(walk.texts('.item-text')).toEqual([
      '楼道内无飞线充电',
      '燃气管道无私改、无泄漏',
      '消防通道畅通、无堆放',
    ]);
    const net = offline(h);
    // 不合格 for the first item (choices 0..2 are its 合格 / 不合格 / 不适用), 合格 for the others.
    await answer(walk, [1, 3, 6]);
    choosesPhotos(['wxfile://tmp/wire.jpg']);
    await walk.tap('.photo-button');
    await walk.tap('.submit');
    await walk.until(() =>
      expect(walk.text('.outcome')).toBe('网络不通，排查记录已保存在手机上，联网后自动提交'),
    );
    expect(kept()).toHaveLength(1);
    expect(await h.deps.store.count('inspections', { taskId })).toBe(0);

    net.online();
    // The phone reports the network back twice in a row: one walk, one ticket.
    networkListeners.forEach((fn) => fn({ isConnected: true }));
    networkListeners.forEach((fn) => fn({ isConnected: true }));
    await walk.until(() => expect(kept()).toHaveLength(0));
    expect(await h.deps.store.count('inspections', { taskId })).toBe(1);
    expect(await h.deps.store.count('tickets', { category: 'flyingWireCharging' })).toBe(1);
  });

  it('an incomplete walk is stopped on the phone with the server’s own words, and nothing is sent', async () => {
    const taskId = await planBuilding2(h);
    const walk = await renderPage(h, 'packages/worker/pages/inspection-walk/index', WORKER, { taskId });
    await answer(walk, [1, 3]);
    await walk.tap('.submit');
    expect(wxMock.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: errorMessages['FIELD.ANSWERS_INVALID'] }),
    );
    await answer(walk, [6]);
    await walk.tap('.submit');
    // 不合格 with no photo.
    expect(wxMock.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: errorMessages['FIELD.PHOTO_REQUIRED'] }),
    );
    expect(await h.deps.store.count('inspections', { taskId })).toBe(0);
  });

  it('a walk whose answer was lost is sent again from the due list, and recorded once', async () => {
    const taskId = await planBuilding2(h);
    const walk = await renderPage(h, 'packages/worker/pages/inspection-walk/index', WORKER, { taskId });
    await answer(walk, [0, 3, 6]);
    network.loseNextAnswerOf = 'submitInspection';
    await walk.tap('.submit');
    await walk.until(() => expect(walk.text('.outcome')).toContain('已保存在手机上'));
    expect(kept()).toHaveLength(1);
    expect(await h.deps.store.count('inspections', { taskId })).toBe(1);

    const due = await renderPage(h, 'packages/worker/pages/field-due/index', WORKER);
    await due.until(() => expect(kept()).toHaveLength(0));
    await due.until(() => expect(due.texts('.inspection .place')).toEqual(['六四一三小区 2号楼']));
    expect(await h.deps.store.count('inspections', { taskId })).toBe(1);
    // Passed: this month's round is done, next month's is listed.
    expect(due.texts('.inspection .due')[0]).toBe('7月31日 23:59 前');
  });

  it('keeps the draft when the server says "later" (rate limited), and drops it on a refusal', async () => {
    const taskId = await planBuilding2(h);
    const walk = await renderPage(h, 'packages/worker/pages/inspection-walk/index', WORKER, { taskId });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the rendered page's module registry
    const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
    const real = transport.currentTransport()!;
    let answerWith = 'RATE.LIMITED';
    transport.setTransport({
      call: async (name, data) =>
        data.action === 'submitInspection'
          ? { ok: false, error: { code: answerWith as 'RATE.LIMITED', message: `${answerWith} 的说明` } }
          : real.call(name, data),
    });
    await answer(walk, [0, 3, 6]);
    await walk.tap('.submit');
    await walk.until(() => expect(walk.text('.outcome')).toContain('已保存在手机上'));
    expect(kept()).toHaveLength(1);
    answerWith = 'FIELD.INVALID_STATE';
    await walk.tap('.submit');
    await walk.until(() =>
      expect(wxMock.showToast).toHaveBeenCalledWith({ title: 'FIELD.INVALID_STATE 的说明', icon: 'none' }),
    );
    expect(kept()).toHaveLength(0);
  });

  it('the due list shows visits with their tags; the visit page records nobody home and the visit stays due', async () => {
    await h.as(STAFF).ok('field', 'saveCareGroup', {
      communityId: JIAOJIAWAN,
      name: '独居老人',
      tags: ['elderly'],
      cadence: 'weekly',
    });
    const due = await renderPage(h, 'packages/worker/pages/field-due/index', WORKER);
    await due.until(() => expect(due.texts('.visit .place').length).toBeGreaterThan(0));
    expect(due.texts('.visit .reason')[0]).toBe('独居老人');
    expect(due.texts('.visit .tags')[0]).toBe('户情：老年人');
    const [first] = (await h.as(WORKER).ok('field', 'due', {})).visits;
    const visit = await renderPage(h, 'packages/worker/pages/care-visit/index', WORKER, {
      dueId: first!.dueId,
      place: encodeURIComponent(first!.placeText),
      reason: encodeURIComponent(first!.reason),
    });
    expect(visit.texts('.choice.outcome')).toEqual(['入户见到本人', '电话联系', '无人在家']);
    await visit.tap('.submit');
    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '请选择走访结果', icon: 'none' });
    visit.comp.querySelectorAll('.choice.outcome')[2]!.dispatchEvent('tap');
    await visit.simulate.sleep(0);
    await visit.tap('.submit');
    await visit.until(() => expect(visit.text('.result')).toBe('已记录无人在家，走访仍待完成'));
    const after = (await h.as(WORKER).ok('field', 'due', {})).visits.find((v) => v.dueId === first!.dueId);
    expect(after).toMatchObject({ attempts: 1, lastOutcome: 'nobodyHome' });
  });

  it('the work log page lists the day and adds a note', async () => {
    const taskId = await planBuilding2(h);
    await h.as(WORKER).ok('field', 'submitInspection', {
      taskId,
      clientRequestId: 'p1',
      answers: ['wire', 'gas', 'lane'].map((itemKey) => ({ itemKey, result: 'pass' as const })),
    });
    const log = await renderPage(h, 'packages/worker/pages/worklog/index', WORKER);
    await log.until(() => expect([log.text('.error'), log.texts('.date')]).toEqual(['', ['2026-06-20']]));
    await log.input('.note', '下午参加安全培训');
    await log.tap('.add-note');
    await log.until(() =>
      expect(log.texts('.entry-text')).toEqual([
        '安全排查：用电燃气消防安全排查 · 六四一三小区 2号楼：全部合格',
        '备注：下午参加安全培训',
      ]),
    );
  });

  it("staff pages: templates and care groups, progress per micro-grid, a worker's log for the month", async () => {
    const setup = await renderPage(h, 'packages/staff/pages/field-setup/index', STAFF, {
      communityId: JIAOJIAWAN,
    });
    await setup.input('.note', '用电燃气消防安全排查');
    setup.comp
      .querySelectorAll('.note')[1]!
      .dispatchEvent('input', { detail: { value: '楼道内无飞线充电 / 飞线充电\n消防通道畅通 / 消防通道' } });
    await setup.tap('.save-template');
    await setup.until(() => expect(setup.texts('.template-name')).toEqual(['用电燃气消防安全排查']));
    await setup.tap('.plan');
    await setup.until(() =>
      expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已安排本月 11 栋楼的排查', icon: 'none' }),
    );
    setup.comp.querySelectorAll('.note')[2]!.dispatchEvent('input', { detail: { value: '独居老人' } });
    await setup.tap('.choice.tag');
    await setup.tap('.save-group');
    await setup.until(() => expect(setup.texts('.group-name')).toEqual(['独居老人']));

    const progress = await renderPage(h, 'packages/staff/pages/field-progress/index', STAFF, {
      communityId: JIAOJIAWAN,
    });
    await progress.until(() =>
      expect(progress.text('.summary')).toBe('2026-06 已完成 0 · 待排查 11 · 已逾期 0'),
    );
    expect(progress.texts('.row .name').length).toBe(4);

    const logs = await renderPage(h, 'packages/staff/pages/worklogs/index', STAFF, {
      communityId: JIAOJIAWAN,
      month: '2026-06',
    });
    await logs.until(() => expect(logs.texts('.person .place')).toContain('何丽萍'));
    const index = logs.texts('.person .place').indexOf('何丽萍');
    logs.comp.querySelectorAll('.person')[index]!.dispatchEvent('tap');
    await logs.until(() => expect(logs.text('.title')).toBe('何丽萍 2026-06 工作日志'));
    await logs.tap('.export');
    await logs.until(() =>
      expect(downloadFile).toHaveBeenCalledWith(
        expect.objectContaining({ url: expect.stringContaining('.xlsx') }),
      ),
    );
  });
});
