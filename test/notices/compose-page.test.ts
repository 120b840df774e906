/** @jest-environment jsdom */
/**
 * The staff compose page rendered with miniprogram-simulate: write, add a cover and attachments, choose the
 * audience, preview, publish.
 */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { GridMapView } from '../../typings/grid';
import type { NoticeAudience, NoticeContent, StaffNoticeView } from '../../typings/notice';
import type * as UploadModule from '../../miniprogram/services/upload';
import { sources, tap, texts } from '../support/simulate-page';

/** The confirmation before publishing: what it said, and the staff member's answer. */
const modal = { confirm: true };
const wxMock = {
  showToast: jest.fn(),
  showModal: jest.fn((o: { title: string; content: string; success(r: { confirm: boolean }): void }) =>
    o.success({ confirm: modal.confirm }),
  ),
  navigateTo: jest.fn(),
  /** The album answers with one photo per call, in this order. */
  chooseMedia: jest.fn((o: { count: number; success(r: object): void }) =>
    o.success({ tempFiles: [{ tempFilePath: photos.shift() ?? 'wxfile://tmp/none.jpg' }] }),
  ),
  chooseMessageFile: jest.fn((o: { success(r: object): void }) =>
    o.success({
      tempFiles: [
        { path: 'wxfile://tmp_guide', name: '缴费指南.pdf', size: 1000, type: 'file' },
        { path: 'wxfile://tmp_sheet', name: '名单.xlsx', size: 1000, type: 'file' },
      ],
    }),
  ),
};
(globalThis as unknown as { wx: object }).wx = wxMock;
let photos: string[] = [];

/** What the uploader stored: the local path, the storage path it was given, the id it returned. */
const uploads: Array<{ filePath: string; cloudPath: string; fileId: string }> = [];
let failUploadOf = '';

const api = {
  getGridMap: jest.fn<Promise<Partial<GridMapView>>, [string]>(),
  staffNotices: jest.fn<Promise<Array<Partial<StaffNoticeView>>>, [string]>(),
  audienceSize: jest.fn<Promise<number>, [string, NoticeAudience]>(),
  composeNotice: jest.fn<Promise<Partial<StaffNoticeView>>, [string, NoticeContent, NoticeAudience]>(),
  editNotice: jest.fn(),
  publishNotice: jest.fn<Promise<Partial<StaffNoticeView>>, [string, number, string?]>(),
};
jest.mock('../../miniprogram/services/grid', () => ({ getGridMap: (id: string) => api.getGridMap(id) }));
jest.mock('../../miniprogram/services/notice', () => ({
  staffNotices: (id: string) => api.staffNotices(id),
  audienceSize: (id: string, a: NoticeAudience) => api.audienceSize(id, a),
  composeNotice: (id: string, c: NoticeContent, a: NoticeAudience) => api.composeNotice(id, c, a),
  editNotice: (...args: unknown[]) => api.editNotice(...args),
  publishNotice: (id: string, v: number, at?: string) => api.publishNotice(id, v, at),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const map: Partial<GridMapView> = {
  grids: [
    { gridId: 'g1', name: '第一网格', kind: 'community', unitName: null, sort: 1, boundary: null },
    { gridId: 'g2', name: '第二网格', kind: 'community', unitName: null, sort: 2, boundary: null },
  ],
  microGrids: [
    {
      microGridId: 'mg1',
      gridId: 'g1',
      name: '1号微网格',
      label: '第一网格-1号微网格',
      sort: 1,
      boundary: null,
    },
    {
      microGridId: 'mg2',
      gridId: 'g2',
      name: '1号微网格',
      label: '第二网格-1号微网格',
      sort: 1,
      boundary: null,
    },
  ],
};

async function renderPage(): Promise<Comp> {
  api.getGridMap.mockResolvedValue(map);
  api.staffNotices.mockResolvedValue([{ noticeId: 'ntc_old', title: '上期通知' }]);
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/notice-compose/index'));
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(q: object): void }).onLoad({ communityId: 'c_wujiayuan' });
  await simulate.sleep(0);
  return comp;
}

async function write(comp: Comp): Promise<void> {
  comp.querySelector('.title-input')!.dispatchEvent('input', { detail: { value: '防汛安全提示' } });
  comp
    .querySelector('.paragraph')!
    .dispatchEvent('input', { detail: { value: '请**远离河道**，详见[上期通知](notice:ntc_old)' } });
  await simulate.sleep(0);
}

const text = (comp: Comp, selector: string) => comp.querySelector(selector)?.dom?.textContent?.trim();

/** Lets a tap's chain of awaits (count, confirmation, uploads, compose, publish) run to its end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) await simulate.sleep(0);
}

describe('the notice compose page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
    uploads.length = 0;
    failUploadOf = '';
    modal.confirm = true;
    api.audienceSize.mockResolvedValue(792);
    photos = ['wxfile://tmp/cover.jpg', 'wxfile://tmp/map.png'];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
    const upload = require('../../miniprogram/services/upload') as typeof UploadModule;
    upload.setUploader({
      async upload(filePath, cloudPath) {
        if (filePath === failUploadOf) throw new Error('网络断开');
        const fileId = `local://${cloudPath}`;
        uploads.push({ filePath, cloudPath, fileId });
        return fileId;
      },
    });
  });

  test('previews the structured body and the number of households of the chosen grid', async () => {
    api.audienceSize.mockResolvedValue(85);
    const comp = await renderPage();
    await write(comp);

    comp.querySelector('.scope-places')!.dispatchEvent('tap');
    await simulate.sleep(0);
    comp.querySelector('#grid-1')!.dispatchEvent('tap');
    comp.querySelector('.preview-btn')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(api.audienceSize).toHaveBeenCalledWith('c_wujiayuan', {
      scope: 'places',
      gridIds: ['g2'],
      microGridIds: [],
      tags: [],
    });
    expect(text(comp, '.households')).toBe('预计送达 85 户');
    expect(text(comp, '.bold')).toBe('远离河道');
    expect(text(comp, '.link')).toBe('上期通知');
  });

  test('立即发布 composes the notice with structured blocks and publishes it', async () => {
    api.composeNotice.mockResolvedValue({ noticeId: 'ntc_1', version: 1, state: 'draft' });
    api.publishNotice.mockResolvedValue({
      noticeId: 'ntc_1',
      version: 2,
      state: 'published',
      households: 792,
    });
    const comp = await renderPage();
    await write(comp);

    comp.querySelector('.tag')!.dispatchEvent('tap');
    comp.querySelector('.publish-btn')!.dispatchEvent('tap');
    await settle();

    expect(wxMock.showModal).toHaveBeenCalledTimes(1);
    expect(wxMock.showModal.mock.calls[0]![0].content).toContain('将立即发布给 792 户居民');

    const [communityId, content, audience] = api.composeNotice.mock.calls[0]!;
    expect(communityId).toBe('c_wujiayuan');
    expect(content).toMatchObject({ title: '防汛安全提示', category: 'medicalInsurance' });
    expect(content.body).toEqual([
      {
        kind: 'paragraph',
        spans: [
          { kind: 'text', text: '请' },
          { kind: 'text', text: '远离河道', bold: true },
          { kind: 'text', text: '，详见' },
          { kind: 'noticeLink', text: '上期通知', noticeId: 'ntc_old' },
        ],
      },
    ]);
    expect(audience).toEqual({ scope: 'community', gridIds: [], microGridIds: [], tags: ['elderly'] });
    expect(api.publishNotice).toHaveBeenCalledWith('ntc_1', 1, undefined);
    expect(text(comp, '.done')).toBe('已发布，送达 792 户');
  });

  test('定时发布 without a date and time says so and sends nothing', async () => {
    const comp = await renderPage();
    await write(comp);

    comp.querySelector('.schedule-btn')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(text(comp, '.error')).toBe('请选择定时发布的日期和时间');
    expect(api.composeNotice).not.toHaveBeenCalled();
  });

  test('a refusal from the server is shown in Chinese', async () => {
    api.composeNotice.mockRejectedValue({
      code: 'NOTICE.AUDIENCE_EMPTY',
      message: '发布范围内没有住户，请调整范围或标签',
    });
    const comp = await renderPage();
    await write(comp);

    comp.querySelector('.publish-btn')!.dispatchEvent('tap');
    await settle();

    expect(text(comp, '.error')).toBe('发布范围内没有住户，请调整范围或标签');
    expect(api.publishNotice).not.toHaveBeenCalled();
  });

  test('立即发布 asks first, naming the household count; 再看看 publishes nothing and uploads nothing', async () => {
    api.audienceSize.mockResolvedValue(792);
    modal.confirm = false;
    const comp = await renderPage();
    await write(comp);

    comp.querySelector('.publish-btn')!.dispatchEvent('tap');
    await settle();

    expect(wxMock.showModal).toHaveBeenCalledTimes(1);
    const asked = wxMock.showModal.mock.calls[0]![0];
    expect(asked.title).toBe('确认发布');
    expect(asked.content).toContain('792 户');
    expect(api.composeNotice).not.toHaveBeenCalled();
    expect(api.publishNotice).not.toHaveBeenCalled();
    expect(uploads).toEqual([]);
  });

  test('an audience with no household is refused before asking or writing anything', async () => {
    api.audienceSize.mockResolvedValue(0);
    const comp = await renderPage();
    await write(comp);

    comp.querySelector('.publish-btn')!.dispatchEvent('tap');
    await settle();

    expect(text(comp, '.error')).toBe('发布范围内没有住户，请调整范围或标签');
    expect(wxMock.showModal).not.toHaveBeenCalled();
    expect(api.composeNotice).not.toHaveBeenCalled();
  });

  describe('cover and attachments', () => {
    async function addFiles(comp: Comp): Promise<void> {
      await tap(simulate, comp, '.choose-cover');
      await tap(simulate, comp, '.add-pdfs');
      await tap(simulate, comp, '.add-images');
    }

    test('chosen files are listed by name; only PDFs are taken from a chat', async () => {
      const comp = await renderPage();
      await addFiles(comp);

      expect(sources(comp, '.cover')).toEqual(['wxfile://tmp/cover.jpg']);
      expect(texts(comp, '.attachment-name')).toEqual(['PDF · 缴费指南.pdf', '图片 · 图片1.png']);
      expect(wxMock.chooseMessageFile).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'file', extension: ['pdf'], count: 9 }),
      );
    });

    /** The server drafts the notice and publishes it to 3 households. */
    const publishSucceeds = () => {
      api.composeNotice.mockResolvedValue({ noticeId: 'ntc_1', version: 1, state: 'draft' });
      api.publishNotice.mockResolvedValue({
        noticeId: 'ntc_1',
        version: 2,
        state: 'published',
        households: 3,
      });
    };

    test('the preview shows the cover and the attachments', async () => {
      api.audienceSize.mockResolvedValue(186);
      const comp = await renderPage();
      await write(comp);
      await addFiles(comp);

      await tap(simulate, comp, '.preview-btn');

      expect(sources(comp, '.preview-cover')).toEqual(['wxfile://tmp/cover.jpg']);
      expect(texts(comp, '.preview-attachment')).toEqual(['PDF · 缴费指南.pdf', '图片 · 图片1.png']);
      expect(uploads).toEqual([]);
    });

    test('立即发布 uploads each file under notices/ and sends their file ids with the notice', async () => {
      publishSucceeds();
      const comp = await renderPage();
      await write(comp);
      await addFiles(comp);

      await tap(simulate, comp, '.publish-btn');

      expect(uploads.map((u) => u.filePath)).toEqual([
        'wxfile://tmp/cover.jpg',
        'wxfile://tmp_guide',
        'wxfile://tmp/map.png',
      ]);
      expect(uploads.map((u) => /^notices\/\d{8}\/.+\.(\w+)$/.exec(u.cloudPath)?.[1])).toEqual([
        'jpg',
        'pdf',
        'png',
      ]);
      const [, content] = api.composeNotice.mock.calls[0]!;
      expect(content.coverFileId).toBe(uploads[0]!.fileId);
      expect(content.attachments).toEqual([
        { fileId: uploads[1]!.fileId, name: '缴费指南.pdf', kind: 'pdf' },
        { fileId: uploads[2]!.fileId, name: '图片1.png', kind: 'image' },
      ]);
    });

    test('a failed upload sends nothing; the retry uploads only what is missing', async () => {
      publishSucceeds();
      const comp = await renderPage();
      await write(comp);
      await addFiles(comp);
      failUploadOf = 'wxfile://tmp_guide';

      await tap(simulate, comp, '.publish-btn');
      expect(texts(comp, '.error')).toEqual(['附件上传失败：网络断开']);
      expect(api.composeNotice).not.toHaveBeenCalled();

      failUploadOf = '';
      await tap(simulate, comp, '.publish-btn');

      expect(uploads.map((u) => u.filePath)).toEqual([
        'wxfile://tmp/cover.jpg',
        'wxfile://tmp_guide',
        'wxfile://tmp/map.png',
      ]);
      expect(api.composeNotice).toHaveBeenCalledTimes(1);
      expect(text(comp, '.done')).toBe('已发布，送达 3 户');
    });

    test('a removed attachment and cover are not sent', async () => {
      publishSucceeds();
      const comp = await renderPage();
      await write(comp);
      await addFiles(comp);

      await tap(simulate, comp, '.remove-attachment');
      await tap(simulate, comp, '.remove-cover');
      await tap(simulate, comp, '.publish-btn');

      const [, content] = api.composeNotice.mock.calls[0]!;
      expect(content.coverFileId).toBeNull();
      expect(content.attachments).toEqual([{ fileId: uploads[0]!.fileId, name: '图片1.png', kind: 'image' }]);
      expect(uploads.map((u) => u.filePath)).toEqual(['wxfile://tmp/map.png']);
    });
  });
});
