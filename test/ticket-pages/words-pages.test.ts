/**
 * @jest-environment jsdom
 *
 * Words and risky steps on the resident's and the staff's ticket pages (issue 13): 我的工单 groups resolved
 * tickets under 待确认 for their reporter alone, a returned ticket's countdown says what it waits for, the
 * report page offers the same problem before any typing, and a list shows 加载中 (never its empty text) while
 * it loads and its error with 重试 when the load fails.
 */
import type { TicketActions, TicketDetail } from '../../typings/ticket';
import { createHarness, type Harness } from '../support/harness';
import { network, phoneFollows, renderPage, wxMock } from './page-world';

const LIU = 'dev-resident-liu';
const WORKER = 'dev-worker-jiaojiawan-01-1';
const HOUSEHOLD = 'h_jiaojiawan_6413_2_1_701';
let serial = 0;

async function file(
  h: Harness,
  over: Partial<TicketActions['submit']['req']> = {},
  openid = LIU,
): Promise<TicketDetail> {
  serial += 1;
  return h.as(openid).ok('ticket', 'submit', {
    clientRequestId: `words-page-${serial}`,
    category: 'streetLight',
    description: '楼下路灯不亮',
    photos: [],
    place: { kind: 'household', householdId: HOUSEHOLD },
    ...over,
  });
}

async function resolve(h: Harness, ticket: TicketDetail, workerOpenid = WORKER): Promise<TicketDetail> {
  const worker = h.as(workerOpenid);
  const current = await worker.ok('ticket', 'get', { ticketId: ticket.ticketId });
  const signed = await worker.ok('ticket', 'accept', { ticketId: ticket.ticketId, version: current.version });
  return worker.ok('ticket', 'resolve', {
    ticketId: ticket.ticketId,
    version: signed.version,
    note: '已更换灯泡',
    photos: [],
  });
}

describe('words and list states on the ticket pages', () => {
  let h: Harness;
  beforeEach(async () => {
    jest.clearAllMocks();
    h = await createHarness();
    phoneFollows(h);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    h.close();
  });

  test('我的工单: a resolved ticket waits under 待确认 with a prompt for its reporter, not under 办理中', async () => {
    const open = await file(h, { description: '路灯一直闪' });
    const resolved = await resolve(h, await file(h));

    const list = await renderPage(h, 'pages/my-tickets/index', LIU);
    expect(list.texts('.tab')).toEqual(['办理中', '待确认', '已完成']);
    await list.until(() => expect(list.texts('.ticket')).toHaveLength(1));
    expect(list.inner('#ticket-0', '.status')).toEqual(['待签收']);
    expect(list.inner('#ticket-0', '.prompt')).toEqual([]);

    await list.tap('#tab-toConfirm');
    await list.until(() => expect(list.inner('#ticket-0', '.status')).toEqual(['已办结']));
    expect(list.texts('.ticket')).toHaveLength(1);
    expect(list.inner('#ticket-0', '.prompt')).toEqual(['网格员已办结，请点开确认问题是否解决']);
    await list.tap('#ticket-0');
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: `/pages/ticket-detail/index?id=${resolved.ticketId}`,
    });
    expect(open.ticketId).not.toBe(resolved.ticketId);

    const detail = await renderPage(h, 'pages/ticket-detail/index', LIU, { id: resolved.ticketId });
    expect(detail.text('.confirm-prompt')).toBe('网格员已办结，请确认问题是否已经解决');
    expect(detail.has('.confirm-btn')).toBe(true);
  });

  test('a follower keeps a resolved ticket under 办理中, told who confirms, and is asked nothing', async () => {
    const place = { kind: 'building' as const, buildingId: 'b_wulipucun_wenmingcun_1' };
    const ticket = await file(h, { category: 'sewerBlocked', place }, 'dev-resident-wang');
    const neighbour = 'dev-resident-he';
    await h.as(neighbour).ok('ticket', 'follow', { ticketId: ticket.ticketId, from: place });
    await resolve(h, ticket, 'dev-worker-wulipucun-01-1');

    const list = await renderPage(h, 'pages/my-tickets/index', neighbour, { scope: 'toConfirm' });
    await list.until(() => expect(list.inner('#list-state', '.empty-text')).toEqual(['没有等您确认的工单']));
    await list.tap('#tab-open');
    await list.until(() => expect(list.inner('#ticket-0', '.prompt')).toEqual(['已办结，等待发起人确认']));

    const detail = await renderPage(h, 'pages/ticket-detail/index', neighbour, { id: ticket.ticketId });
    expect(detail.has('.confirm-prompt')).toBe(false);
    expect(detail.has('.confirm-btn')).toBe(false);
  });

  test('a list shows 加载中 and not its empty text while loading; a failed load shows the error with 重试', async () => {
    const list = await renderPage(h, 'pages/my-tickets/index', LIU);
    await list.until(() => expect(list.inner('#list-state', '.empty-text')).toEqual(['没有办理中的工单']));

    // Switching tabs clears the rows: until the answer arrives the page says it is loading, never "nothing".
    // Called as the tap would, so that the page is seen before the server answers.
    const page = list.page as unknown as { onTabTap(e: object): Promise<void> };
    const pending = page.onTabTap({ currentTarget: { dataset: { key: 'done' } } });
    expect(list.inner('#list-state', '.loading')).toEqual(['加载中…']);
    expect(list.inner('#list-state', '.empty-text')).toEqual([]);
    await pending;
    await list.until(() => expect(list.inner('#list-state', '.empty-text')).toEqual(['还没有已完成的工单']));

    network.loseNextAnswerOf = 'mine';
    await list.tap('#tab-open');
    await list.until(() => expect(list.inner('#list-state', '.error-text')).toEqual(['网络不稳定，请重试']));
    expect(list.inner('#list-state', '.empty-text')).toEqual([]);
    await file(h);
    list.comp.querySelector('#list-state')!.querySelector('.retry-btn')!.dispatchEvent('tap');
    await list.until(() => expect(list.texts('.ticket')).toHaveLength(1));
    expect(list.inner('#list-state', '.error-text')).toEqual([]);
  });

  test("a returned ticket's countdown says it waits to be routed again, not 签收", async () => {
    const ticket = await file(h);
    await h.as(WORKER).ok('ticket', 'return', {
      ticketId: ticket.ticketId,
      version: ticket.version,
      reason: '不属于本网格',
    });
    h.clock.advance(30 * 60_000);

    const list = await renderPage(h, 'pages/my-tickets/index', LIU);
    await list.until(() => expect(list.inner('#ticket-0', '.status')).toEqual(['已退回']));
    const deadline = list.inner('#ticket-0', '.deadline')[0] ?? '';
    expect(deadline).toMatch(/^重新分派剩余 /);
    expect(deadline).not.toContain('签收');

    const queue = await renderPage(h, 'packages/staff/pages/duty-queue/index', 'dev-staff-jiaojiawan');
    await queue.until(() => expect(queue.inner('#ticket-0', '.deadline')).toEqual([deadline]));
  });

  test('the report page offers the same problem right after category and place, before description and photos', async () => {
    const report = await renderPage(h, 'pages/report/index', LIU);
    const titles = report.texts('.section-title');
    const at = (start: string) => titles.findIndex((t) => t.startsWith(start));
    expect(at('问题类型')).toBe(0);
    expect(at('问题位置')).toBe(1);
    expect(at('问题描述')).toBeGreaterThan(at('问题位置'));
    expect(at('照片')).toBeGreaterThan(at('问题描述'));

    await file(
      h,
      { category: 'sewerBlocked', place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_1' } },
      'dev-resident-wang',
    );
    const neighbour = await renderPage(h, 'pages/report/index', 'dev-resident-he');
    wxMock.chooseLocation.mockImplementation((o: { success: (r: object) => void }) =>
      o.success({
        latitude: 36.051754 + 0.0003,
        longitude: 103.852935,
        name: '文明村小区1号楼北',
        address: '',
      }),
    );
    await neighbour.tap('#category-sewerBlocked');
    await neighbour.tap('.mode-point');
    await neighbour.until(() => expect(neighbour.texts('.nearby .follow-btn')).toHaveLength(1));
    // Nothing typed, nothing uploaded: the offer is already there, above the description.
    const order = neighbour.texts('.section-title');
    expect(order.findIndex((t) => t.startsWith('附近已有同类问题'))).toBe(order.indexOf('问题位置') + 1);
    expect(order.findIndex((t) => t.startsWith('附近已有同类问题'))).toBeLessThan(order.indexOf('问题描述'));
  });

  test("the worker's 入户走访 list says 加载中, then 没有待走访的通知; a lost answer offers 重试", async () => {
    network.loseNextAnswerOf = 'visitTasks';
    const visits = await renderPage(h, 'packages/worker/pages/visits/index', WORKER);
    await visits.until(() =>
      expect(visits.inner('#list-state', '.error-text')).toEqual(['网络不稳定，请重试']),
    );
    expect(visits.inner('#list-state', '.empty-text')).toEqual([]);

    visits.comp.querySelector('#list-state')!.querySelector('.retry-btn')!.dispatchEvent('tap');
    await visits.until(() =>
      expect(visits.inner('#list-state', '.empty-text')).toEqual(['没有待走访的通知']),
    );
    expect(visits.inner('#list-state', '.error-text')).toEqual([]);
  });

  test("the worker's 待办 says a failed load once, with 重试, and no empty section under it", async () => {
    network.loseNextAnswerOf = 'due';
    const due = await renderPage(h, 'packages/worker/pages/field-due/index', WORKER);
    await due.until(() =>
      expect(due.inner('#inspections-state', '.error-text')).toEqual(['网络不稳定，请重试']),
    );
    expect(due.inner('#inspections-state', '.empty-text')).toEqual([]);
    expect(due.inner('#visits-state', '.empty-text')).toEqual([]);

    due.comp.querySelector('#inspections-state')!.querySelector('.retry-btn')!.dispatchEvent('tap');
    await due.until(() => expect(due.inner('#inspections-state', '.error-text')).toEqual([]));
    // Answered: rows or the empty text, one or the other.
    await due.until(() =>
      expect(
        due.texts('.inspection').length + due.inner('#inspections-state', '.empty-text').length,
      ).toBeGreaterThan(0),
    );
  });
});
