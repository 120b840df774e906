/**
 * @jest-environment jsdom
 *
 * The workbench page, the leader's home and the secretary's home in miniprogram-simulate, against the real
 * `ticket` handlers on the demo world: loading, empty and error states, filters, paging, acting in place
 * (reassign, reject, merge into an original found by words), and no id shown to people.
 */
import type { TicketDetail } from '../../typings/ticket';
import { createHarness, type Harness } from '../support/harness';
import { phoneFollows, renderPage, wxMock, type RenderedPage } from '../ticket-pages/page-world';

const C = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';
const SECRETARY = 'dev-secretary-wujiayuan';
const LEADER = 'dev-leader-wujiayuan-02';
const WORKBENCH = 'packages/staff/pages/workbench/index';
const LEADER_HOME = 'packages/worker/pages/leader-home/index';
const SECRETARY_HOME = 'packages/staff/pages/secretary-home/index';

let h: Harness;
let serial = 0;

async function file(
  microGridId: string,
  description: string,
  category = 'garbage' as const,
): Promise<TicketDetail> {
  serial += 1;
  const [b] = await h.deps.store.find('buildings', { where: { microGridId }, limit: 1 });
  const reporter = serial % 2 ? 'dev-resident-li' : 'dev-resident-wujiayuan-1';
  const t = await h.as(reporter).ok('ticket', 'submit', {
    clientRequestId: `wb-page-${serial.toString().padStart(6, '0')}`,
    category,
    description,
    photos: [],
    place: { kind: 'building', buildingId: b!._id },
  });
  h.clock.advance(7 * 60_000); // two reporters, under their hourly limit
  return t;
}

/** No ticket id, user id or micro-grid id is shown on the page. */
function showsNoIds(page: RenderedPage): void {
  const text = page.comp.dom!.textContent ?? '';
  expect(text).not.toMatch(/tk_|u_|mg_|g_wujiayuan|c_wujiayuan/);
}

beforeEach(async () => {
  h = await createHarness();
  phoneFollows(h);
  jest.clearAllMocks();
});
afterEach(() => h.close());

describe('the workbench page', () => {
  it('says so when there is nothing, then lists, filters and pages the community’s tickets', async () => {
    const empty = await renderPage(h, WORKBENCH, STAFF, { communityId: C });
    await empty.until(() => expect(empty.text('.empty')).toBe('没有符合条件的工单'));
    // While a page is on its way: 加载中…, and no "nothing here" yet.
    const loading = (empty.page as unknown as { load(reset: boolean): Promise<void> }).load(true);
    expect(empty.text('.loading')).toBe('加载中…');
    expect(empty.has('.empty')).toBe(false);
    await loading;
    expect(empty.has('.loading')).toBe(false);

    for (let i = 0; i < 23; i++)
      await file(i % 2 ? 'mg_wujiayuan_02_1' : 'mg_wujiayuan_01_1', `垃圾没人清运 ${i}`);
    const page = await renderPage(h, WORKBENCH, STAFF, { communityId: C });
    await page.until(() => expect(page.texts('.line')).toHaveLength(20));
    expect(page.texts('.place-line')[0]).toMatch(/网格-\d号微网格$/);
    expect(page.has('.more-btn')).toBe(true);
    await page.tap('.more-btn');
    await page.until(() => expect(page.texts('.line')).toHaveLength(23));
    expect(page.has('.more-btn')).toBe(false);
    showsNoIds(page);

    // The grid filter, then its micro-grid.
    const labels = (page.page as unknown as { data: { gridLabels: string[] } }).data.gridLabels;
    page.comp
      .querySelector('.grid-picker')!
      .dispatchEvent('change', { detail: { value: labels.indexOf('第二网格') } });
    await page.until(() => expect(page.texts('.line')).toHaveLength(11));
    expect(page.texts('.place-line').every((t) => t === '第二网格-1号微网格')).toBe(true);
    page.comp.querySelector('.micro-picker')!.dispatchEvent('change', { detail: { value: 2 } });
    await page.until(() => expect(page.text('.empty')).toBe('没有符合条件的工单'));
  });

  it('searches by words in the description and the place', async () => {
    await file('mg_wujiayuan_02_1', '单元门口井盖松动');
    await file('mg_wujiayuan_02_1', '楼道灯坏了');
    const page = await renderPage(h, WORKBENCH, STAFF, { communityId: C });
    await page.until(() => expect(page.texts('.line')).toHaveLength(2));
    await page.input('.search-input', '井盖');
    await page.tap('.search-btn');
    await page.until(() => expect(page.texts('.excerpt')).toEqual(['单元门口井盖松动']));
  });

  it('a leader sees their grid only and reassigns from the page', async () => {
    const mine = await file('mg_wujiayuan_02_2', '绿化带垃圾');
    await file('mg_wujiayuan_01_1', '别的网格的垃圾');
    const page = await renderPage(h, WORKBENCH, LEADER, { communityId: C });
    await page.until(() => expect(page.texts('.line')).toHaveLength(1));
    await page.tap('#line-0');
    await page.until(() => expect(page.has('.reassign-btn')).toBe(true));
    expect(page.has('.reject-btn')).toBe(false); // rejecting is staff's
    await page.tap('.reassign-btn');
    await page.until(() => expect(page.texts('.person-chip').length).toBeGreaterThan(1));
    const chips = page.texts('.person-chip');
    const target = chips.findIndex((c) => !c.startsWith(mine.assignee!.name));
    await page.tap(`#person-${target}`);
    await page.tap('.reassign-submit');
    await page.until(() =>
      expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已改派', icon: 'success' }),
    );
    const after = await h.as(LEADER).ok('ticket', 'get', { ticketId: mine.ticketId });
    expect(after.assignee?.name).toBe(chips[target]!.split(' · ')[0]);
  });

  it('staff merge a duplicate into an assigned original found by words, and reject spam', async () => {
    const original = await file('mg_wujiayuan_02_1', '三号楼下水井盖松动');
    const duplicate = await file('mg_wujiayuan_02_2', '下水井盖又松了');
    const spam = await file('mg_wujiayuan_01_1', '加微信领红包');
    const page = await renderPage(h, WORKBENCH, STAFF, { communityId: C });
    await page.until(() => expect(page.texts('.line')).toHaveLength(3));
    const ids = (page.page as unknown as { data: { lines: Array<{ ticketId: string }> } }).data.lines.map(
      (l) => l.ticketId,
    );

    await page.tap(`#line-${ids.indexOf(duplicate.ticketId)}`);
    await page.until(() => expect(page.has('.merge-btn')).toBe(true));
    await page.tap('.merge-btn');
    await page.input('.merge-input', '井盖');
    await page.tap('.merge-search');
    await page.until(() => expect(page.texts('.candidate-excerpt')).toEqual(['三号楼下水井盖松动']));
    await page.tap('#candidate-0');
    await page.tap('.merge-submit');
    await page.until(() =>
      expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已合并', icon: 'success' }),
    );
    const merged = await h.as(STAFF).ok('ticket', 'get', { ticketId: duplicate.ticketId });
    expect(merged).toMatchObject({ status: 'rejected', mergedIntoTicketId: original.ticketId });

    await page.until(() => expect(page.texts('.line')).toHaveLength(3));
    const now = (page.page as unknown as { data: { lines: Array<{ ticketId: string }> } }).data.lines.map(
      (l) => l.ticketId,
    );
    await page.tap(`#line-${now.indexOf(spam.ticketId)}`);
    await page.until(() => expect(page.has('.reject-btn')).toBe(true));
    await page.tap('.reject-btn');
    await page.tap('.reject-submit');
    expect(page.text('.missing')).toBe('请填写不予受理的原因');
    await page.input('.reason-input', '广告');
    await page.tap('.reject-submit');
    await page.until(() =>
      expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已处理', icon: 'success' }),
    );
    expect((await h.as(STAFF).ok('ticket', 'get', { ticketId: spam.ticketId })).status).toBe('rejected');
  });

  it('shows the server’s refusal in words to someone with no workbench', async () => {
    const page = await renderPage(h, WORKBENCH, 'dev-resident-li', { communityId: C });
    await page.until(() => expect(page.text('.error')).not.toBe(''));
    expect(page.text('.error')).toMatch(/[\u4e00-\u9fa5]/);
    expect(page.has('.line')).toBe(false);
  });
});

describe('the leader’s home', () => {
  it('counts and lists the grid’s overdue and escalated tickets, and opens the workbench', async () => {
    const empty = await renderPage(h, LEADER_HOME, LEADER, { communityId: C });
    await empty.until(() => expect(empty.text('.overdue-empty')).toBe('没有超时的工单'));
    expect(empty.text('.open-count .number')).toBe('0');

    await file('mg_wujiayuan_02_1', '垃圾');
    await file('mg_wujiayuan_02_2', '垃圾');
    h.clock.advance(3 * 3_600_000);
    await h.anonymous('scheduler', 'tick', {});
    const page = await renderPage(h, LEADER_HOME, LEADER, { communityId: C });
    await page.until(() => expect(page.text('.open-count .number')).toBe('2'));
    expect(page.text('.overdue-count .number')).toBe('2');
    expect(page.texts('.overdue-line')).toHaveLength(2);
    expect(page.texts('.open-line')).toHaveLength(2);
    expect(page.text('.grid-names')).toBe('第二网格');
    showsNoIds(page);
    await page.tap('.workbench-btn');
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: '/packages/staff/pages/workbench/index?communityId=c_wujiayuan',
    });
    // Their grid's figures, which the server answers a leader for their own grid only.
    expect(page.texts('.figures-btn')).toEqual(['第二网格工单统计']);
    await page.tap('.figures-btn');
    const url = (wxMock.navigateTo.mock.calls.at(-1)![0] as { url: string }).url;
    expect(url).toBe('/packages/staff/pages/figures/index?communityId=c_wujiayuan&gridId=g_wujiayuan_02');
    const figures = await renderPage(h, '/packages/staff/pages/figures/index', LEADER, {
      communityId: C,
      gridId: 'g_wujiayuan_02',
    });
    await figures.until(() => expect(figures.texts('.headline .value').length).toBeGreaterThan(0));
    expect(figures.text('.error')).toBe('');
  });
});

describe('the secretary’s home', () => {
  it('shows escalations to the secretary and her letters; staff are refused in words', async () => {
    await file('mg_wujiayuan_02_1', '垃圾');
    serial += 1;
    await h.as('dev-resident-li').ok('ticket', 'submit', {
      clientRequestId: `wb-page-letter-${serial}`,
      category: 'secretaryLetter',
      description: '书记您好',
      photos: [],
      place: {
        kind: 'building',
        buildingId: (
          await h.deps.store.find('buildings', { where: { microGridId: 'mg_wujiayuan_02_1' } })
        )[0]!._id,
      },
    });
    for (let i = 0; i < 3; i++) {
      h.clock.advance(30 * 3_600_000);
      await h.anonymous('scheduler', 'tick', {});
    }
    const page = await renderPage(h, SECRETARY_HOME, SECRETARY, { communityId: C });
    await page.until(() => expect(page.texts('.letter-line')).toHaveLength(1));
    expect(page.texts('.letter-line')[0]).toContain('书记您好');
    expect(Number(page.text('.to-secretary .number'))).toBeGreaterThan(0);
    expect(page.texts('.escalation-line').length).toBeGreaterThan(0);
    expect(page.text('.community-name')).toBe('吴家园社区');
    showsNoIds(page);

    const refused = await renderPage(h, SECRETARY_HOME, STAFF, { communityId: C });
    await refused.until(() => expect(refused.text('.error')).not.toBe(''));
    expect(refused.has('.letter-line')).toBe(false);
  });
});

describe('the duty queue’s merge', () => {
  it('finds an assigned original by words instead of a typed id', async () => {
    const original = await file('mg_wujiayuan_02_1', '小区东门路灯不亮');
    serial += 1;
    const queued = await h.as('dev-resident-li').ok('ticket', 'submit', {
      clientRequestId: `wb-page-queued-${serial}`,
      category: 'garbage',
      description: '东门那盏路灯还是不亮',
      photos: [],
      place: { kind: 'point', point: { lat: 36.2, lng: 104.2 } },
    });
    expect(queued.status).toBe('submitted');
    const page = await renderPage(h, 'packages/staff/pages/duty-queue/index', STAFF, { communityId: C });
    await page.until(() => expect(page.texts('.queue-item')).toHaveLength(1));
    await page.tap('#ticket-0');
    await page.until(() => expect(page.has('.merge-btn')).toBe(true));
    await page.tap('.merge-btn');
    await page.input('.merge-input', '东门 路灯');
    await page.tap('.merge-search');
    await page.until(() => expect(page.texts('.into-chip')).toHaveLength(1));
    expect(page.has('.into-input')).toBe(false);
    await page.tap('#candidate-0');
    await page.tap('.merge-submit');
    await page.until(() =>
      expect(page.inner('#list-state', '.empty-text')).toEqual(['值班台没有待处理的工单']),
    );
    const merged = await h.as(STAFF).ok('ticket', 'get', { ticketId: queued.ticketId });
    expect(merged.mergedIntoTicketId).toBe(original.ticketId);
    showsNoIds(page);
  });
});
