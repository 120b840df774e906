/** @jest-environment jsdom */
/** The compose page opened on a draft from 我的通知: its content and audience come back, publishing edits it. */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { GridMapView } from '../../typings/grid';
import type { StaffNoticeView } from '../../typings/notice';
import { toBlocks, toParagraphs } from '../../miniprogram/packages/staff/pages/notice-compose/body-text';

const wxMock = {
  showToast: jest.fn(),
  navigateTo: jest.fn(),
  // A confirmation before publishing, if the page asks for one, is accepted.
  showModal: jest.fn((o: { success?(r: object): void }) => {
    o.success?.({ confirm: true, cancel: false });
    return Promise.resolve({ confirm: true, cancel: false });
  }),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

const draft: StaffNoticeView = {
  noticeId: 'ntc_draft',
  communityId: 'c_wujiayuan',
  state: 'draft',
  title: '防汛安全提示',
  body: [
    {
      kind: 'paragraph',
      spans: [
        { kind: 'text', text: '请' },
        { kind: 'text', text: '远离河道', bold: true },
        { kind: 'noticeLink', noticeId: 'ntc_old', text: '上期通知' },
      ],
    },
  ],
  category: 'safety',
  coverFileId: null,
  attachments: [{ fileId: 'cloud://notices/guide.pdf', name: '指南.pdf', kind: 'pdf' }],
  audience: { scope: 'places', gridIds: ['g2'], microGridIds: [], tags: ['elderly'] },
  publishAt: null,
  publishedAt: null,
  withdrawnAt: null,
  corrections: [],
  households: null,
  version: 3,
};

const api = {
  staffNotice: jest.fn<Promise<StaffNoticeView>, [string]>(),
  editNotice: jest.fn<Promise<StaffNoticeView>, unknown[]>(),
  composeNotice: jest.fn(),
  publishNotice: jest.fn<Promise<Partial<StaffNoticeView>>, [string, number, string?]>(),
};
const map: Partial<GridMapView> = {
  grids: [
    { gridId: 'g1', name: '第一网格', kind: 'community', unitName: null, sort: 1, boundary: null },
    { gridId: 'g2', name: '第二网格', kind: 'community', unitName: null, sort: 2, boundary: null },
  ],
  microGrids: [],
};
jest.mock('../../miniprogram/services/grid', () => ({ getGridMap: async () => map }));
jest.mock('../../miniprogram/services/notice', () => ({
  staffNotices: async () => [],
  staffNotice: (id: string) => api.staffNotice(id),
  audienceSize: async () => 85,
  composeNotice: (...args: unknown[]) => api.composeNotice(...args),
  editNotice: (...args: unknown[]) => api.editNotice(...args),
  publishNotice: (id: string, v: number, at?: string) => api.publishNotice(id, v, at),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;

describe('the compose page on a draft', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('the body written back into paragraphs reads as the same blocks', () => {
    expect(toBlocks(toParagraphs(draft.body))).toEqual(draft.body);
    expect(toParagraphs([])).toEqual(['']);
  });

  test('opens with its title, paragraphs, audience and attachments, and publishing edits it at its version', async () => {
    api.staffNotice.mockResolvedValue(draft);
    api.editNotice.mockResolvedValue({ ...draft, version: 4 });
    api.publishNotice.mockResolvedValue({ ...draft, state: 'published', households: 85, version: 5 });
    const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/notice-compose/index'));
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad({
      communityId: 'c_wujiayuan',
      noticeId: 'ntc_draft',
    });
    await simulate.sleep(0);

    expect(api.staffNotice).toHaveBeenCalledWith('ntc_draft');
    const data = comp.instance.data as Record<string, unknown>;
    expect(data.title).toBe('防汛安全提示');
    expect(data.paragraphs).toEqual(['请**远离河道**[上期通知](notice:ntc_old)']);
    expect(comp.querySelectorAll('.grid-chip.on').map((el) => el.dom!.textContent?.trim())).toEqual([
      '第二网格',
    ]);
    expect(comp.querySelectorAll('.tag.on').map((el) => el.dom!.textContent?.trim())).toEqual(['老年人']);
    expect([data.scheduleDate, data.scheduleTime]).toEqual(['', '']);

    comp.querySelector('.publish-btn')!.dispatchEvent('tap');
    for (let i = 0; i < 6; i++) await simulate.sleep(0);

    expect(api.composeNotice).not.toHaveBeenCalled();
    expect(api.editNotice).toHaveBeenCalledWith(
      'ntc_draft',
      3,
      expect.objectContaining({ title: '防汛安全提示', attachments: draft.attachments }),
      { scope: 'places', gridIds: ['g2'], microGridIds: [], tags: ['elderly'] },
    );
    expect(api.publishNotice).toHaveBeenCalledWith('ntc_draft', 4, undefined);
  });

  test('a scheduled notice opens with its date and time in the schedule pickers', async () => {
    api.staffNotice.mockResolvedValue({
      ...draft,
      state: 'scheduled',
      publishAt: '2026-06-24T09:30:00+08:00',
    });
    const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/notice-compose/index'));
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad({
      communityId: 'c_wujiayuan',
      noticeId: 'ntc_draft',
    });
    await simulate.sleep(0);
    const data = comp.instance.data as Record<string, unknown>;
    expect([data.scheduleDate, data.scheduleTime]).toEqual(['2026-06-24', '09:30']);
  });
});
