/**
 * @jest-environment jsdom
 *
 * Pages of the deadlines branch against the real handlers: the street office's ranked community list and its
 * create form; extension 延期 on the worker's ticket page (ask, the leader grants), and the resident's page
 * showing the expected completion time.
 */
import { createHarness, type Harness } from '../support/harness';
import { requestId } from '../scenarios/ticket-world';
import { phoneFollows, renderPage, wxMock } from '../ticket-pages/page-world';

const WORKER_PAGE = 'packages/worker/pages/ticket/index';

describe('deadline and street pages', () => {
  let h: Harness;
  beforeEach(async () => {
    jest.clearAllMocks();
    // Friday 2026-11-27 10:00.
    h = await createHarness({ now: '2026-11-27T10:00:00+08:00' });
    phoneFollows(h);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    h.close();
  });

  test('the street office sees its communities ranked and creates one', async () => {
    const p = await renderPage(h, 'packages/street/pages/communities/index', 'dev-street-jianlanlu');
    expect(p.text('.street-name')).toBe('建兰路街道');
    expect(p.texts('.row .name')).toEqual(['吴家园社区 001']);
    await p.tap('.open-create');
    await p.tap('.create-submit');
    expect(p.text('.missing')).toBe('请填写社区名称、3 位社区编码，并在地图上选择社区位置');
    await p.input('.name-input', '兰新社区');
    await p.input('.code-input', '002');
    wxMock.chooseLocation.mockImplementation((o: { success: (r: object) => void }) =>
      o.success({ latitude: 36.1012, longitude: 103.7045, name: '兰新路', address: '' }),
    );
    await p.tap('.center-pick');
    expect(p.text('.center-pick')).toBe('兰新路');
    await p.tap('.create-submit');
    await p.until(() => expect(p.texts('.row .name').sort()).toEqual(['兰新社区 002', '吴家园社区 001']));
    expect(p.texts('.row .counts')[0]).toBe('受理 0 · 办理中 0 · 已结案 0 · 督办 0');
    // A row opens the community's grid setup (test/street/community-setup-page.test.ts).
    const row = p.texts('.row .name').indexOf('兰新社区 002');
    await p.tap(`#row-${row}`);
    expect(wxMock.navigateTo).toHaveBeenLastCalledWith({
      url: expect.stringMatching(
        new RegExp(
          `^/packages/street/pages/community-setup/index\\?communityId=[^&]+&name=${encodeURIComponent('兰新社区')}$`,
        ),
      ),
    });
  });

  test('a worker asks for an extension, the leader grants it, the resident sees the new expected time', async () => {
    const t = await h.as('dev-resident-liu').ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'propertyService',
      description: '楼道灯不亮',
      photos: [],
      place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_3' },
    });
    const worker = (await h.deps.store.get('users', t.assignee!.userId))!.openid;
    await h.as(worker).ok('ticket', 'accept', { ticketId: t.ticketId, version: t.version });

    const w = await renderPage(h, WORKER_PAGE, worker, { id: t.ticketId });
    await w.tap('.ask-extension-btn');
    await w.tap('.ask-extension-submit');
    expect(w.text('.missing')).toBe('请选择延期天数并说明原因');
    await w.tap('#days-2');
    await w.input('.reason-input', '灯具需厂家配件');
    await w.tap('.ask-extension-submit');
    const name = t.assignee!.name;
    await w.until(() => expect(w.text('.extension-text')).toBe(`${name}申请延期2个工作日：灯具需厂家配件`));
    expect(w.has('.ask-extension-btn')).toBe(false);
    expect(w.has('.approve-extension-btn')).toBe(false);

    const l = await renderPage(h, WORKER_PAGE, 'dev-leader-jiaojiawan-01', { id: t.ticketId });
    expect(l.text('.extension-text')).toContain('申请延期2个工作日：灯具需厂家配件');
    await l.tap('.approve-extension-btn');
    await l.until(() => expect(l.has('.extension-request')).toBe(false));

    const r = await renderPage(h, 'pages/ticket-detail/index', 'dev-resident-liu', { id: t.ticketId });
    const expected = (await h.deps.store.get('tickets', t.ticketId))!.resolveBy!;
    // 72 calendar hours from Friday 10:00 (the default policy): Monday 10:00; then 2 working days: Wednesday.
    expect(expected).toBe('2026-12-02T17:30:00+08:00');
    expect(r.text('.expected')).toBe('预计 12月2日 17:30 前办结（已延期）');
  });
});
