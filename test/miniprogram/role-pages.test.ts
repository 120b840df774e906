/**
 * @jest-environment jsdom
 *
 * Render tests for the pages no other suite renders: 我的 (pages/mine/index), the worker's 入户走访
 * (packages/worker/pages/visits/index) and the secretary's 书记信箱 (packages/staff/pages/letters/index), in
 * miniprogram-simulate against the real handlers on the demo world. Each shows what the server holds for
 * that person, its empty state, and an error in words when the server refuses.
 */
import { tdesignStubs } from '../support/tdesign-stubs';
import { COMMUNITY, LI, grids, noticeWorld, type NoticeWorld } from '../notices/fixture';
import { renderPage, wxMock } from '../ticket-pages/page-world';

const MINE = 'pages/mine/index';
const VISITS = 'packages/worker/pages/visits/index';
const LETTERS = 'packages/staff/pages/letters/index';
const WORKER = 'dev-worker-wujiayuan-02-2';
const SECRETARY = 'dev-secretary-wujiayuan';
const STAFF = 'dev-staff-wujiayuan';

let w: NoticeWorld;
beforeEach(async () => {
  jest.clearAllMocks();
  w = await noticeWorld();
});
afterEach(() => w.h.close());

describe('我的', () => {
  /** All the page shows, TDesign cells included (their stubs render title and note). */
  const shown = (page: { comp: { dom?: { textContent: string | null } } }) =>
    page.comp.dom?.textContent ?? '';

  it('shows the person’s name, roles in words and household address from the server', async () => {
    await w.h.as(LI).ok('user', 'login', {});
    const li = (await w.h.deps.store.find('users', { where: { openid: LI } }))[0]!;
    const page = await renderPage(w.h, MINE, LI, {}, tdesignStubs);
    await page.page.onShow!();
    await page.until(() => expect(shown(page)).toContain(li.name));
    expect(shown(page)).toMatch(/身份\s*居民/);
    expect(shown(page)).toMatch(/住户\s*吴家园西区 3号楼/);
    expect(shown(page)).not.toContain('未绑定');
  });

  it('says 未绑定 and 居民（未认证） for a newcomer with no household or role', async () => {
    await w.h.as('wx-newcomer-mine').ok('user', 'login', {});
    const page = await renderPage(w.h, MINE, 'wx-newcomer-mine', {}, tdesignStubs);
    await page.page.onShow!();
    await page.until(() => expect(shown(page)).toMatch(/住户\s*未绑定/));
    expect(shown(page)).toMatch(/身份\s*居民（未认证）/);
  });
});

describe('入户走访', () => {
  it('lists a published notice with households left, opens them and records a visit', async () => {
    await w.publish(grids('g_wujiayuan_02'));
    const page = await renderPage(w.h, VISITS, WORKER);
    await page.until(() => expect(page.texts('.task .title')).toEqual(['城乡居民医保缴费提醒']));
    expect(page.text('.task .progress')).toMatch(/已覆盖 0\/\d+ 户，待走访 \d+ 户/);

    await page.tap('.task');
    await page.until(() => expect(page.texts('.household .address').length).toBeGreaterThan(0));
    const before = page.texts('.household .address');
    expect(before[0]).toMatch(/吴家园西区 \d+号楼/);

    await page.tap('.household .outcome.inPerson');
    await page.until(() => expect(page.texts('.household .address')).toHaveLength(before.length - 1));
    expect(wxMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已入户告知' }));
    expect(page.text('.header .progress')).toMatch(/已覆盖 1\/\d+ 户/);
  });

  it('says there is nothing to visit when no notice is waiting', async () => {
    const page = await renderPage(w.h, VISITS, WORKER);
    await page.until(() => expect(page.inner('#list-state', '.empty-text')).toEqual(['没有待走访的通知']));
    expect(page.has('.task')).toBe(false);
  });
});

describe('书记信箱', () => {
  async function letter(description: string): Promise<string> {
    const [building] = await w.h.deps.store.find('buildings', {
      where: { microGridId: 'mg_wujiayuan_02_1' },
      limit: 1,
    });
    const ticket = await w.h.as(LI).ok('ticket', 'submit', {
      clientRequestId: `letters-page-${description.length}`,
      category: 'secretaryLetter',
      description,
      photos: [],
      place: { kind: 'building', buildingId: building!._id },
    });
    return ticket.ticketId;
  }

  it('shows the empty mailbox, then a resident’s letter, which opens on the handler’s page', async () => {
    const empty = await renderPage(w.h, LETTERS, SECRETARY, { communityId: COMMUNITY });
    await empty.until(() => expect(empty.inner('#list-state', '.empty-text')).toEqual(['信箱里还没有来信']));

    const ticketId = await letter('书记您好，小区东门的路灯坏了一个月了');
    const page = await renderPage(w.h, LETTERS, SECRETARY, { communityId: COMMUNITY });
    await page.until(() => expect(page.has('#letter-0')).toBe(true));
    expect(page.has('#letter-1')).toBe(false);
    // The card says what the letter says (书记信箱 · 3号楼 said nothing); only the secretary reads it.
    expect(page.inner('#letter-0', '.title')).toEqual(['书记您好，小区东门的路灯坏了一个月了']);
    expect(page.has('.empty')).toBe(false);

    await page.tap('#letter-0');
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: `/packages/worker/pages/ticket/index?id=${ticketId}`,
    });
  });

  it('refuses someone who is not the secretary, in words', async () => {
    await letter('书记您好');
    const page = await renderPage(w.h, LETTERS, STAFF, { communityId: COMMUNITY });
    await page.until(() => expect(page.inner('#list-state', '.error-text')).toHaveLength(1));
    expect(page.inner('#list-state', '.error-text')[0]).toMatch(/[\u4e00-\u9fa5]/);
    expect(page.has('#letter-0')).toBe(false);
  });
});
