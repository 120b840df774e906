/** Opening a notice's attachments: PDFs downloaded into WeChat's document viewer, images in the image viewer. */
import { openAttachment } from '../../miniprogram/services/attachments';
import type { NoticeAttachment } from '../../typings/notice';

type Callbacks<T> = { success?(res: T): void; fail?(err: { errMsg: string }): void };

const wxMock = {
  downloadFile: jest.fn((o: { url: string } & Callbacks<{ tempFilePath: string; statusCode: number }>) =>
    o.success?.({ tempFilePath: '/tmp/downloaded.pdf', statusCode: 200 }),
  ),
  openDocument: jest.fn((o: { filePath: string } & Callbacks<object>) => o.success?.({})),
  previewImage: jest.fn(),
  cloud: {
    downloadFile: jest.fn(async (_o: { fileID: string }) => ({ tempFilePath: '/tmp/cloud.pdf' })),
  },
};
(globalThis as unknown as { wx: object }).wx = wxMock;

const pdf: NoticeAttachment = {
  fileId: 'local://notices/20260620/a-1.pdf',
  name: '缴费指南.pdf',
  kind: 'pdf',
};
const photo1: NoticeAttachment = {
  fileId: 'local://notices/20260620/b-2.jpg',
  name: '图片1.jpg',
  kind: 'image',
};
const photo2: NoticeAttachment = { fileId: 'cloud://env/notices/c-3.png', name: '图片2.png', kind: 'image' };
const all = [pdf, photo1, photo2];

describe('openAttachment', () => {
  beforeEach(() => jest.clearAllMocks());

  test('a local PDF is downloaded from the local cloud and opened in the document viewer', async () => {
    await openAttachment(pdf, all);

    expect(wxMock.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'http://127.0.0.1:3900/files/notices/20260620/a-1.pdf' }),
    );
    expect(wxMock.openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: '/tmp/downloaded.pdf', fileType: 'pdf', showMenu: true }),
    );
  });

  test('a cloud PDF is downloaded through CloudBase', async () => {
    await openAttachment({ ...pdf, fileId: 'cloud://env/notices/a.pdf' }, all);

    expect(wxMock.cloud.downloadFile).toHaveBeenCalledWith({ fileID: 'cloud://env/notices/a.pdf' });
    expect(wxMock.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: '/tmp/cloud.pdf' }));
    expect(wxMock.downloadFile).not.toHaveBeenCalled();
  });

  test('an image opens in the image viewer among the notice’s other images', async () => {
    await openAttachment(photo2, all);

    expect(wxMock.previewImage).toHaveBeenCalledWith({
      urls: ['http://127.0.0.1:3900/files/notices/20260620/b-2.jpg', 'cloud://env/notices/c-3.png'],
      current: 'cloud://env/notices/c-3.png',
    });
    expect(wxMock.openDocument).not.toHaveBeenCalled();
  });

  test('a failed download rejects and opens nothing', async () => {
    wxMock.downloadFile.mockImplementationOnce((o) => o.success?.({ tempFilePath: '', statusCode: 404 }));

    await expect(openAttachment(pdf, all)).rejects.toThrow('HTTP 404');
    expect(wxMock.openDocument).not.toHaveBeenCalled();
  });
});
