/**
 * @jest-environment jsdom
 *
 * Issue 13 items 3 and 4 through the pages, on the real handlers: 刘女士's 飞线充电 on the 7th floor. The
 * worker sent there sees her room and calls her, opens the place on the map, enlarges the photo, and grants
 * the 待签收 push by signing for it; the inbox's 开启提醒 switch asks too. 刘女士 calls her worker and asks to
 * hear about the 办结; a neighbour who follows it is asked for the 办结 push, and sees no room, no phone.
 */
import type { TicketDetail } from '../../typings/ticket';
import { withRoles } from '../../server/core/users/role-keys';
import { createHarness, type Harness } from '../support/harness';
import { answersSubscription, phoneFollows, renderPage, wxMock } from './page-world';

const LIU = 'dev-resident-liu';
const WORKER = 'dev-worker-jiaojiawan-01-1';
const NEIGHBOUR = 'test-neighbour-6413';
const LIU_PHONE = '13609311234';

async function userId(h: Harness, openid: string): Promise<string> {
  return (await h.deps.store.find('users', { where: { openid } }))[0]!._id;
}

/** The template ids the user holds a usable grant for (or answered at all), as the server recorded them. */
async function grants(h: Harness, openid: string, which: 'usable' | 'any' = 'usable'): Promise<string[]> {
  const rows = await h.deps.store.find('subscriptions', { where: { userId: await userId(h, openid) } });
  return rows.filter((g) => which === 'any' || g.available > 0 || g.active).map((g) => g.templateId);
}

/** Waits until an asynchronous check passes (the page's report of the answers settles), or fails with it. */
async function eventually(check: () => Promise<void>): Promise<void> {
  let last: unknown;
  for (let i = 0; i < 100; i++) {
    try {
      return await check();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  throw last;
}

describe('acting on the world from the ticket pages', () => {
  let h: Harness;
  let ticket: TicketDetail;
  let workerPhone: string;

  beforeEach(async () => {
    jest.clearAllMocks();
    h = await createHarness();
    phoneFollows(h);
    const liu = (await h.deps.store.find('users', { where: { openid: LIU } }))[0]!;
    await h.deps.store.update('users', liu._id, { phone: LIU_PHONE });
    workerPhone = (await h.deps.store.find('users', { where: { openid: WORKER } }))[0]!.phone!;
    const photo = await h.deps.files.put(
      'tickets/wire.jpg',
      new Uint8Array([0xff, 0xd8, 0xff]),
      'image/jpeg',
    );
    ticket = await h.as(LIU).ok('ticket', 'submit', {
      clientRequestId: 'world-0001',
      category: 'flyingWireCharging',
      description: '7楼有人从窗口吊电线给电动车充电',
      photos: [photo],
      place: { kind: 'household', householdId: liu.householdId! },
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    h.close();
  });

  test('the worker sees the room, calls the reporter, opens the place, enlarges the photo', async () => {
    const work = await renderPage(h, 'packages/worker/pages/ticket/index', WORKER, { id: ticket.ticketId });
    expect(work.text('.place')).toBe('六四一三小区 2号楼 1单元');
    expect(work.text('.reporter-text')).toBe('报告人：刘女士 · 六四一三小区 2号楼 1单元 701');

    await work.tap('.call-reporter-btn');
    expect(wxMock.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: LIU_PHONE }));

    await work.tap('.place-btn');
    expect(wxMock.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({
        latitude: ticket.location!.lat,
        longitude: ticket.location!.lng,
        name: '飞线充电',
        address: '六四一三小区 2号楼 1单元',
      }),
    );

    await work.tap('.photo');
    const shown = wxMock.previewImage.mock.calls[0][0] as { urls: string[]; current: string };
    expect(shown.urls).toHaveLength(1);
    expect(shown.current).toBe(shown.urls[0]);
    expect(shown.urls[0]).toMatch(/wire\.jpg$/);
  });

  test('signing for it asks for the worker’s templates on the same tap, and the grants reach the server', async () => {
    const work = await renderPage(h, 'packages/worker/pages/ticket/index', WORKER, { id: ticket.ticketId });
    answersSubscription('accept');
    await work.tap('.accept-btn');
    expect(wxMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(wxMock.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual([
      'demo-tmpl-task',
      'demo-tmpl-escalation',
      'demo-tmpl-progress',
    ]);
    await work.until(() => expect(work.text('.status')).toBe('已签收'));
    await work.until(() => expect(wxMock.requestSubscribeMessage).toHaveBeenCalledTimes(1));
    expect((await h.deps.store.get('tickets', ticket.ticketId))!.status).toBe('accepted');
    const held = await grants(h, WORKER);
    expect(held.sort()).toEqual(['demo-tmpl-escalation', 'demo-tmpl-progress', 'demo-tmpl-task']);

    // The next report reaches the worker on the street as a WeChat push, with the grant just given.
    const liu = (await h.deps.store.find('users', { where: { openid: LIU } }))[0]!;
    await h.as(LIU).ok('ticket', 'submit', {
      clientRequestId: 'world-0002',
      category: 'streetLight',
      description: '2号楼门口路灯不亮',
      photos: [],
      place: { kind: 'household', householdId: liu.householdId! },
    });
    await h.anonymous('scheduler', 'tick', {});
    expect(h.deps.push.sentTo(WORKER).map((m) => m.templateId)).toEqual(['demo-tmpl-task']);
  });

  test('the inbox’s 开启提醒 switch is off without a grant, asks on a tap, and is on after an accept', async () => {
    const inbox = await renderPage(h, 'packages/worker/pages/inbox/index', WORKER);
    expect(inbox.has('.switch.on')).toBe(false);
    answersSubscription('accept');
    await inbox.tap('.reminders');
    expect(wxMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    await inbox.until(() => expect(inbox.has('.switch.on')).toBe(true));
    expect(await grants(h, WORKER)).toContain('demo-tmpl-task');
    // On: turning it off is WeChat's, in the settings, said first.
    wxMock.showModal.mockClear();
    await inbox.tap('.reminders');
    expect(wxMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '去设置' }));
    expect(wxMock.openSetting).toHaveBeenCalledTimes(1);
    expect(wxMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });

  test('a refusal leaves the switch off and records the refusal', async () => {
    const inbox = await renderPage(h, 'packages/worker/pages/inbox/index', WORKER);
    answersSubscription('reject');
    await inbox.tap('.reminders');
    expect(wxMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    await eventually(async () => expect(await grants(h, WORKER, 'any')).toHaveLength(3));
    expect(inbox.has('.switch.on')).toBe(false);
    const rows = await h.deps.store.find('subscriptions', { where: { userId: await userId(h, WORKER) } });
    expect(rows.map((r) => r.lastAnswer)).toEqual(['reject', 'reject', 'reject']);
  });

  test('the reporter calls her worker and asks to hear about the 办结; once granted the offer goes', async () => {
    const detail = await renderPage(h, 'pages/ticket-detail/index', LIU, { id: ticket.ticketId });
    expect(detail.text('.call-btn')).toBe('联系网格员 何丽萍');
    await detail.tap('.call-btn');
    expect(wxMock.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: workerPhone }));

    expect(detail.has('.remind-btn')).toBe(true);
    answersSubscription('accept');
    await detail.tap('.remind-btn');
    expect(wxMock.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['demo-tmpl-resolved']);
    await detail.until(() => expect(detail.has('.remind-btn')).toBe(false));
    expect(await grants(h, LIU)).toEqual(['demo-tmpl-resolved']);

    await detail.tap('.place-btn');
    expect(wxMock.openLocation).toHaveBeenCalledTimes(1);
  });

  test('a neighbour who follows is asked for the 办结 push on the tap, and never sees a room or a phone', async () => {
    const liu = (await h.deps.store.find('users', { where: { openid: LIU } }))[0]!;
    const home = (await h.deps.store.get('households', liu.householdId!))!;
    const other = (await h.deps.store.find('households', { where: { buildingId: home.buildingId } })).find(
      (x) => x._id !== home._id,
    )!;
    const at = h.clock.now().toISOString();
    await h.deps.store.insert('users', {
      _id: 'u_test_neighbour_6413',
      openid: NEIGHBOUR,
      name: '楼上邻居',
      phone: null,
      ...withRoles([{ role: 'resident', communityId: ticket.communityId! }]),
      householdId: other._id,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    // From home, the report page offers the same problem: 关注 it asks for the follower's templates.
    const report = await renderPage(h, 'pages/report/index', NEIGHBOUR);
    await report.tap('#category-flyingWireCharging');
    await report.until(() => expect(report.has('#follow-0')).toBe(true));
    answersSubscription('accept');
    await report.tap('#follow-0');
    expect(wxMock.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual([
      'demo-tmpl-resolved',
      'demo-tmpl-progress',
      'demo-tmpl-accepted',
    ]);
    await report.until(() => expect(wxMock.redirectTo).toHaveBeenCalled());
    await eventually(async () => expect(await grants(h, NEIGHBOUR)).toHaveLength(3));

    const page = await renderPage(h, 'pages/ticket-detail/index', NEIGHBOUR, { id: ticket.ticketId });
    expect(page.text('.title')).toBe('飞线充电 · 六四一三小区 2号楼 1单元');
    expect(page.has('.call-btn')).toBe(false);
    // The 办结 grant is held: no reminder offered.
    expect(page.has('.remind-btn')).toBe(false);
    const shown = page.comp.dom!.textContent ?? '';
    expect(shown).not.toContain('701');
    expect(shown).not.toContain(LIU_PHONE);
    expect(shown).not.toContain(workerPhone);
  });

  test('reopening asks for the next 办结 on the same tap', async () => {
    const worker = h.as(WORKER);
    const accepted = await worker.ok('ticket', 'accept', {
      ticketId: ticket.ticketId,
      version: ticket.version,
    });
    await worker.ok('ticket', 'resolve', {
      ticketId: ticket.ticketId,
      version: accepted.version,
      note: '已拆除',
      photos: [ticket.photos[0]!],
    });
    const detail = await renderPage(h, 'pages/ticket-detail/index', LIU, { id: ticket.ticketId });
    // Resolved: the 办结 has come, so no reminder is offered.
    expect(detail.has('.remind-btn')).toBe(false);
    await detail.tap('.reopen-btn');
    await detail.input('.reason-input', '电线还在');
    answersSubscription('accept');
    await detail.tap('.reopen-submit');
    expect(wxMock.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['demo-tmpl-resolved']);
    await detail.until(() => expect(detail.text('.status')).toBe('办理中'));
    await eventually(async () => expect(await grants(h, LIU)).toEqual(['demo-tmpl-resolved']));
  });

  describe('a refused permission guides to the settings instead of failing silently', () => {
    const refused = (api: string) => (o: { fail: (e: object) => void }) =>
      o.fail({ errMsg: `${api}:fail auth deny` });

    test('location refused on the report page: said, and 去设置 opens the settings', async () => {
      wxMock.chooseLocation.mockImplementation(refused('chooseLocation'));
      const report = await renderPage(h, 'pages/report/index', LIU);
      await report.tap('.mode-point');
      await report.until(() => expect(wxMock.showModal).toHaveBeenCalled());
      expect(wxMock.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '需要位置权限', confirmText: '去设置' }),
      );
      expect(wxMock.openSetting).toHaveBeenCalledTimes(1);
    });

    test('backing out of the map is no refusal: nothing is said', async () => {
      wxMock.chooseLocation.mockImplementation((o: { fail: (e: object) => void }) =>
        o.fail({ errMsg: 'chooseLocation:fail cancel' }),
      );
      const report = await renderPage(h, 'pages/report/index', LIU);
      await report.tap('.mode-point');
      await report.simulate.sleep(10);
      expect(wxMock.chooseLocation).toHaveBeenCalledTimes(1);
      expect(wxMock.showModal).not.toHaveBeenCalled();
      expect(wxMock.openSetting).not.toHaveBeenCalled();
    });

    test('camera or album refused on the worker’s page: said, and the settings open', async () => {
      const worker = h.as(WORKER);
      await worker.ok('ticket', 'accept', { ticketId: ticket.ticketId, version: ticket.version });
      wxMock.chooseMedia.mockImplementation(refused('chooseMedia'));
      const work = await renderPage(h, 'packages/worker/pages/ticket/index', WORKER, { id: ticket.ticketId });
      await work.tap('.progress-btn');
      await work.tap('.add-photo');
      await work.until(() => expect(wxMock.showModal).toHaveBeenCalled());
      expect(wxMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要相机和相册权限' }));
      expect(wxMock.openSetting).toHaveBeenCalledTimes(1);
    });
  });
});
