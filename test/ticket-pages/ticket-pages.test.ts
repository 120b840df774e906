/**
 * @jest-environment jsdom
 *
 * The ticket pages against the real handlers: the report page's "same problem" offer and idempotent retry,
 * the resident's list, the worker inbox tabs, a stale-version conflict, polling while shown, and the staff
 * duty queue.
 */
import type { TicketActions, TicketDetail } from '../../typings/ticket';
import { createHarness, type Harness } from '../support/harness';
import {
  answersSubscription,
  choosesPhotos,
  network,
  phoneFollows,
  renderPage,
  uploads,
  wxMock,
} from './page-world';

const LIU = 'dev-resident-liu';
const WORKER = 'dev-worker-jiaojiawan-01-1';
const HOUSEHOLD = 'h_jiaojiawan_6413_2_1_701';
const BUILDING_1 = { lat: 36.051754, lng: 103.852935 };
let serial = 0;

async function file(
  h: Harness,
  openid: string,
  over: Partial<TicketActions['submit']['req']> = {},
): Promise<TicketDetail> {
  serial += 1;
  return h.as(openid).ok('ticket', 'submit', {
    clientRequestId: `page-test-${serial}`,
    category: 'streetLight',
    description: '楼下路灯不亮',
    photos: [],
    place: { kind: 'household', householdId: HOUSEHOLD },
    ...over,
  });
}

describe('ticket pages', () => {
  let h: Harness;
  beforeEach(async () => {
    jest.clearAllMocks();
    uploads.length = 0;
    h = await createHarness();
    phoneFollows(h);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
    h.close();
  });

  describe('the report page', () => {
    test('offers an open ticket of the same category nearby, and 关注 follows it instead of filing', async () => {
      const first = await file(h, 'dev-resident-wang', {
        category: 'sewerBlocked',
        description: '1号楼前下水井堵了',
        place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_1' },
      });
      wxMock.chooseLocation.mockImplementation((o: { success: (r: object) => void }) =>
        o.success({
          latitude: BUILDING_1.lat + 0.0003,
          longitude: BUILDING_1.lng,
          name: '文明村小区1号楼北',
          address: '',
        }),
      );

      const report = await renderPage(h, 'pages/report/index', 'dev-resident-he');
      await report.tap('#category-sewerBlocked');
      await report.tap('.mode-point');
      await report.until(() => expect(report.has('.nearby')).toBe(true));

      expect(report.text('.point-text')).toBe('文明村小区1号楼北');
      expect(report.text('.nearby .section-title')).toBe('附近已有同类问题，同一个问题？关注它');
      expect(report.text('.nearby-item')).toContain('下水井堵塞 · 文明村小区 1号楼');
      await report.tap('#follow-0');
      await report.until(() => expect(wxMock.redirectTo).toHaveBeenCalled());

      expect(wxMock.redirectTo).toHaveBeenCalledWith({
        url: `/pages/ticket-detail/index?id=${first.ticketId}`,
      });
      const followed = await h.as('dev-resident-he').ok('ticket', 'get', { ticketId: first.ticketId });
      expect(followed).toMatchObject({ following: true, followers: 1 });
      expect(await h.deps.store.count('tickets')).toBe(1);
    });

    test('offers nothing for a category with no open ticket nearby', async () => {
      const report = await renderPage(h, 'pages/report/index', LIU);
      await report.tap('#category-roadDamage');
      await report.simulate.sleep(20);
      expect(report.has('.nearby')).toBe(false);
    });

    test('says what is missing and asks nothing of WeChat until the report is complete', async () => {
      const report = await renderPage(h, 'pages/report/index', LIU);
      await report.tap('.submit-btn');
      expect(report.text('.error')).toBe('请选择问题类型');
      await report.tap('#category-streetLight');
      await report.tap('.submit-btn');
      expect(report.text('.error')).toBe('请描述一下问题');
      expect(wxMock.requestSubscribeMessage).not.toHaveBeenCalled();
      expect(await h.deps.store.count('tickets')).toBe(0);
    });

    test('a retry after a failed attempt files one ticket with the same request id, uploading each photo once', async () => {
      const report = await renderPage(h, 'pages/report/index', LIU);
      await report.tap('#category-streetLight');
      await report.input('.description', '2号楼门口路灯不亮');
      choosesPhotos(['wxfile://tmp/a.jpg']);
      await report.tap('.add-photo');
      answersSubscription('reject');
      // The first answer is lost on the way back, though the ticket was filed: the page says so.
      network.loseNextAnswerOf = 'submit';
      await report.tap('.submit-btn');
      await report.until(() => expect(report.text('.error')).toBe('网络不稳定，请重试'));
      expect(wxMock.redirectTo).not.toHaveBeenCalled();

      await report.tap('.submit-btn');
      await report.until(() => expect(wxMock.redirectTo).toHaveBeenCalledTimes(1));

      expect(await h.deps.store.count('tickets')).toBe(1);
      expect(uploads).toHaveLength(1);
      // Whatever the subscription answer, the ticket is filed.
      expect(wxMock.requestSubscribeMessage).toHaveBeenCalled();
    });
  });

  test('my tickets: open ones with state and deadline, done ones in the other tab', async () => {
    const open = await file(h, LIU, { category: 'flyingWireCharging', description: '飞线充电' });
    const gone = await file(h, LIU);
    await h.as(LIU).ok('ticket', 'cancel', { ticketId: gone.ticketId, version: gone.version });
    h.clock.advance(30 * 60_000);

    const list = await renderPage(h, 'pages/my-tickets/index', LIU);
    expect(list.texts('.ticket')).toHaveLength(1);
    const card = list.text('#ticket-0');
    expect(card).toContain('飞线充电 · 六四一三小区 2号楼 1单元');
    expect(card).toContain('待签收');
    expect(card).toContain('30分钟前');
    expect(card).toContain('签收剩余 1小时30分钟');

    await list.tap('#tab-done');
    await list.until(() => expect(list.text('#ticket-0')).toContain('已撤销'));
    expect(list.texts('.ticket')).toHaveLength(1);

    await list.tap('#tab-open');
    await list.until(() => expect(list.text('#ticket-0')).toContain('待签收'));
    await list.tap('#ticket-0');
    expect(wxMock.navigateTo).toHaveBeenCalledWith({ url: `/pages/ticket-detail/index?id=${open.ticketId}` });
  });

  test('the worker inbox: 待签收, 办理中, 已超时 and 已办结 tabs, each card with place, age and time left', async () => {
    const toSign = await file(h, LIU, { description: '路灯不亮' });
    const inHand = await file(h, LIU, { category: 'sanitation', description: '楼道垃圾' });
    await h.as(WORKER).ok('ticket', 'accept', { ticketId: inHand.ticketId, version: inHand.version });
    h.clock.advance(3 * 3600_000);

    const inbox = await renderPage(h, 'packages/worker/pages/inbox/index', WORKER);
    expect(inbox.texts('.tab')).toEqual(['待签收', '办理中', '已超时', '已办结']);
    // Both were filed 3 hours ago; the sign-for deadline (2 h) of the unsigned one has passed.
    expect(inbox.texts('.ticket')).toHaveLength(1);
    expect(inbox.text('#ticket-0')).toContain('路灯 · 六四一三小区 2号楼 1单元');
    expect(inbox.text('#ticket-0')).toContain('3小时前');
    expect(inbox.text('#ticket-0')).toContain('签收已超时 1小时');

    await inbox.tap('#tab-inProgress');
    await inbox.until(() => expect(inbox.text('#ticket-0')).toContain('环境卫生'));
    expect(inbox.text('#ticket-0')).toContain('办结剩余 2天21小时');

    await inbox.tap('#tab-overdue');
    await inbox.until(() => expect(inbox.text('#ticket-0')).toContain('签收已超时'));

    await inbox.tap('#tab-done');
    await inbox.until(() => expect(inbox.inner('#list-state', '.empty-text')).toEqual(['这里没有工单']));

    await inbox.tap('#tab-toSign');
    await inbox.until(() => expect(inbox.texts('.ticket')).toHaveLength(1));
    await inbox.tap('#ticket-0');
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: `/packages/worker/pages/ticket/index?id=${toSign.ticketId}`,
    });
  });

  test('a stale version: the detail page reloads, shows the new state and says why', async () => {
    const filed = await file(h, LIU);
    const detail = await renderPage(h, 'pages/ticket-detail/index', LIU, { id: filed.ticketId });
    expect(detail.text('.status')).toBe('待签收');
    expect(detail.has('.cancel-btn')).toBe(true);

    // Meanwhile the worker signs for it: the page still shows the old version.
    await h.as(WORKER).ok('ticket', 'accept', { ticketId: filed.ticketId, version: filed.version });
    await detail.tap('.cancel-btn');
    await detail.until(() => expect(detail.text('.status')).toBe('已签收'));

    expect(wxMock.showToast).toHaveBeenLastCalledWith({
      title: '工单已有新进展，已刷新为最新状态',
      icon: 'none',
    });
    expect(detail.has('.cancel-btn')).toBe(false);
    expect(detail.inner('#timeline', '.type')).toEqual(['提交工单', '签收']);
    expect((await h.as(LIU).ok('ticket', 'get', { ticketId: filed.ticketId })).status).toBe('accepted');
  });

  test('the detail page refreshes itself while shown and stops when hidden', async () => {
    const filed = await file(h, LIU);
    const detail = await renderPage(h, 'pages/ticket-detail/index', LIU, { id: filed.ticketId });
    jest.useFakeTimers({
      doNotFake: ['setTimeout', 'clearTimeout', 'nextTick', 'setImmediate', 'queueMicrotask', 'Date'],
    });
    detail.page.onShow!();

    await h.as(WORKER).ok('ticket', 'accept', { ticketId: filed.ticketId, version: filed.version });
    jest.advanceTimersByTime(5000);
    await detail.until(() => expect(detail.text('.status')).toBe('已签收'));

    detail.page.onHide!();
    const current = await h.as(WORKER).ok('ticket', 'get', { ticketId: filed.ticketId });
    await h.as(WORKER).ok('ticket', 'progress', {
      ticketId: filed.ticketId,
      version: current.version,
      note: '已联系物业',
      photos: [],
    });
    jest.advanceTimersByTime(20_000);
    await detail.simulate.sleep(20);
    expect(detail.text('.status')).toBe('已签收');
    expect(jest.getTimerCount()).toBe(0);
  });

  test('the worker ticket page mirrors the evidence rule and returns a ticket with a reason', async () => {
    const filed = await file(h, LIU, { category: 'gasLeak', description: '楼道有燃气味' });
    const work = await renderPage(h, 'packages/worker/pages/ticket/index', WORKER, { id: filed.ticketId });
    expect(work.has('.resolve-btn')).toBe(false);
    await work.tap('.accept-btn');
    await work.until(() => expect(work.has('.resolve-btn')).toBe(true));

    await work.tap('.resolve-btn');
    await work.input('.note-input', '已关阀');
    expect(work.text('.missing')).toBe('安全隐患办结须上传至少 1 张现场照片');
    await work.tap('.resolve-submit');
    expect((await h.as(WORKER).ok('ticket', 'get', { ticketId: filed.ticketId })).status).toBe('accepted');

    await work.tap('.close-panel');
    await work.tap('.return-btn');
    await work.tap('.return-submit');
    expect(work.text('.missing')).toBe('请说明退回原因，如：不属于本网格');
    await work.input('.reason-input', '该楼栋不属于本网格');
    await work.tap('.return-submit');
    await work.until(() => expect(work.text('.status')).toBe('已退回'));
    expect(work.has('.accept-btn')).toBe(false);
    expect(work.has('.progress-btn')).toBe(false);
  });

  test('the duty queue routes a returned ticket by hand to a micro-grid', async () => {
    const filed = await file(h, LIU);
    const worker = h.as(WORKER);
    await worker.ok('ticket', 'return', {
      ticketId: filed.ticketId,
      version: filed.version,
      reason: '不属于本网格',
    });

    const queue = await renderPage(h, 'packages/staff/pages/duty-queue/index', 'dev-staff-jiaojiawan');
    await queue.until(() => expect(queue.texts('.queue-item')).toHaveLength(1));
    expect(queue.text('#ticket-0')).toContain('已退回');
    await queue.tap('#ticket-0');
    await queue.until(() => expect(queue.has('.route-btn')).toBe(true));
    expect(queue.has('.reject-btn')).toBe(true);
    expect(queue.has('.merge-btn')).toBe(true);

    await queue.tap('.route-btn');
    const labels = (queue.page as unknown as { data: { microGridLabels: string[] } }).data.microGridLabels;
    const index = labels.indexOf('第一网格-1号微网格');
    expect(index).toBeGreaterThanOrEqual(0);
    queue.comp.querySelector('.micro-grid-picker')!.dispatchEvent('change', { detail: { value: index } });
    await queue.simulate.sleep(0);
    await queue.tap('.route-submit');
    await queue.until(() =>
      expect(queue.inner('#list-state', '.empty-text')).toEqual(['值班台没有待处理的工单']),
    );

    const routed = await h.as(LIU).ok('ticket', 'get', { ticketId: filed.ticketId });
    expect(routed).toMatchObject({ status: 'assigned', microGridId: 'mg_jiaojiawan_01_1' });
  });
});
