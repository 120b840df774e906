/**
 * @jest-environment jsdom
 *
 * Seed scenario 1 driven through the pages: 焦家湾社区 六四一三小区 2号楼 — 刘女士 reports 飞线充电 on the report
 * page; the real handlers route it to micro-grid mg_jiaojiawan_01_1, urgent, 4 h; worker 何丽萍 signs for it
 * on the worker ticket page, records 物业 as co-handler with the temporary arrangement, resolves with a photo;
 * 刘女士's detail page shows it resolved, she confirms and rates.
 */
import { createHarness, type Harness } from '../support/harness';
import { answersSubscription, choosesPhotos, phoneFollows, renderPage, uploads, wxMock } from './page-world';

const LIU = 'dev-resident-liu';
const WORKER = 'dev-worker-jiaojiawan-01-1';
const HOUR = 3600_000;

describe('scenario 1 through the pages: flying-wire charging in 六四一三小区 2号楼', () => {
  let h: Harness;
  beforeEach(async () => {
    jest.clearAllMocks();
    uploads.length = 0;
    h = await createHarness();
    phoneFollows(h);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    h.close();
  });

  it('goes from the report page to a confirmed, rated ticket on the resident detail page', async () => {
    // 刘女士 reports from her bound household, with a photo, and subscribes on the same tap.
    const report = await renderPage(h, 'pages/report/index', LIU);
    expect(report.text('.place-text')).toBe('六四一三小区 2号楼 1单元 701');
    await report.tap('#category-flyingWireCharging');
    await report.input('.description', '7楼有人从窗口吊电线给电动车充电，很危险');
    choosesPhotos(['wxfile://tmp/wire.jpg']);
    await report.tap('.add-photo');
    answersSubscription('accept');
    await report.tap('.submit-btn');
    await report.until(() => expect(wxMock.redirectTo).toHaveBeenCalled());

    expect(wxMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    const ticketId = /id=(tk_\w+)$/.exec(wxMock.redirectTo.mock.calls[0][0].url)![1]!;
    const filed = await h.as(LIU).ok('ticket', 'get', { ticketId });
    expect(filed).toMatchObject({
      category: 'flyingWireCharging',
      status: 'assigned',
      urgent: true,
      microGridId: 'mg_jiaojiawan_01_1',
      assignee: { name: '何丽萍', roleLabel: '网格员' },
      photos: [uploads[0]!.fileId],
    });
    // Safety hazard: resolved within 4 hours of the report.
    const signed0 = Date.parse(filed.createdAt);
    expect(Date.parse(filed.deadlineAt!) - signed0).toBe(2 * HOUR);

    // 何丽萍 signs for it, records 物业 and the temporary arrangement, resolves with a photo.
    h.clock.advance(20 * 60_000);
    const work = await renderPage(h, 'packages/worker/pages/ticket/index', WORKER, { id: ticketId });
    expect(work.text('.status')).toBe('待签收');
    expect(work.text('.deadline')).toBe('签收剩余 1小时40分钟');
    await work.tap('.accept-btn');
    await work.until(() => expect(work.text('.status')).toBe('已签收'));
    expect(work.text('.deadline')).toBe('办结剩余 3小时40分钟');

    await work.tap('.co-handle-btn');
    await work.tap('#party-0');
    await work.input('.request-input', '刘女士暂时在小区院门口的值班室给电动车充电，请物业督促拆除飞线');
    await work.tap('.co-handle-submit');
    await work.until(() => expect(work.texts('.co-handler')).toHaveLength(1));
    expect(work.texts('.co-handler')[0]).toMatch(/^物业：刘女士暂时在小区院门口的值班室给电动车充电/);

    await work.tap('.resolve-btn');
    expect(work.text('.missing')).toBe('安全隐患办结须填写办结说明并上传至少 1 张照片');
    await work.input('.note-input', '飞线已拆除，车辆改到值班室充电');
    choosesPhotos(['wxfile://tmp/removed.jpg']);
    await work.tap('.add-photo');
    expect(work.has('.missing')).toBe(false);
    await work.tap('.resolve-submit');
    await work.until(() => expect(work.text('.status')).toBe('已办结'));

    // 刘女士 sees it resolved, with the whole timeline, and confirms and rates.
    h.clock.advance(HOUR);
    const detail = await renderPage(h, 'pages/ticket-detail/index', LIU, { id: ticketId });
    expect(detail.text('.status')).toBe('已办结');
    expect(detail.inner('#timeline', '.type')).toEqual(['提交工单', '签收', '协办', '办结']);
    expect(detail.inner('#timeline', '.actor')).toEqual([
      '刘女士 · 居民',
      '何丽萍 · 网格员',
      '何丽萍 · 网格员',
      '何丽萍 · 网格员',
    ]);
    // The 协办 step says its party once: no note repeating it.
    expect(detail.inner('#timeline', '.party')).toEqual([
      '协调物业：刘女士暂时在小区院门口的值班室给电动车充电，请物业督促拆除飞线',
    ]);
    expect(detail.inner('#timeline', '.note')).not.toContainEqual(expect.stringContaining('协调物业'));
    // The report's photo on 提交工单, the evidence on 办结.
    const timelinePhotos = detail.comp.querySelector('#timeline')!.querySelectorAll('.photo');
    const src = (el: (typeof timelinePhotos)[number]) =>
      el.toJSON().attrs.find((a) => a.name === 'src')?.value;
    // Local file ids are shown through the local cloud's GET /files (a cloud:// id is its own source).
    expect(timelinePhotos.map(src)).toEqual(
      uploads.map((u) => `http://127.0.0.1:3900/files/${u.fileId.replace(/^local:\/\//, '')}`),
    );
    expect(uploads.map((u) => u.filePath)).toEqual(['wxfile://tmp/wire.jpg', 'wxfile://tmp/removed.jpg']);
    expect(detail.has('.confirm-btn')).toBe(true);
    expect(detail.has('.reopen-btn')).toBe(true);
    expect(detail.has('.cancel-btn')).toBe(false);

    await detail.tap('.confirm-btn');
    await detail.until(() => expect(detail.text('.status')).toBe('已完成'));
    // Confirming opens the rating straight away, with no stars chosen for her and no way to send none.
    expect(detail.texts('.star')).toEqual(['☆', '☆', '☆', '☆', '☆']);
    expect(detail.has('.star.on')).toBe(false);
    expect(detail.has('.stars-hint')).toBe(true);
    expect(detail.comp.querySelector('.rate-submit')!.toJSON().attrs).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'disabled', value: true })]),
    );
    await detail.tap('.rate-submit');
    expect(wxMock.showToast).toHaveBeenLastCalledWith({ title: '请先点选星级', icon: 'none' });
    expect(await h.as(LIU).ok('ticket', 'get', { ticketId })).toMatchObject({ rating: null });
    await detail.tap('#star-4');
    expect(detail.texts('.star')).toEqual(['★', '★', '★', '★', '☆']);
    expect(detail.has('.stars-hint')).toBe(false);
    await detail.input('.comment-input', '处理很及时');
    await detail.tap('.rate-submit');
    await detail.until(() => expect(detail.text('.stars-text')).toBe('★★★★☆'));
    expect(detail.text('.rating-comment')).toBe('处理很及时');
    expect(detail.inner('#timeline', '.type')).toEqual([
      '提交工单',
      '签收',
      '协办',
      '办结',
      '居民确认',
      '评价',
    ]);
    expect(detail.has('.rate-btn')).toBe(false);

    const closed = await h.as(LIU).ok('ticket', 'get', { ticketId });
    expect(closed).toMatchObject({ status: 'closed', rating: { stars: 4, comment: '处理很及时' } });
  });
});
