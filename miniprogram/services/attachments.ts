/**
 * Opening a notice's attachments: a PDF is downloaded and handed to WeChat's document viewer, an image opens
 * in the image viewer beside the notice's other images. Pages call `openAttachment`; tests replace the module.
 */
import type { NoticeAttachment } from '../../typings/notice';
import { displayUrl } from './files';

/** A local temp path for a stored file: cloud:// ids through CloudBase, local ones from the local cloud. */
function download(fileId: string): Promise<string> {
  if (fileId.startsWith('cloud://'))
    return wx.cloud.downloadFile({ fileID: fileId }).then((res) => res.tempFilePath);
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url: displayUrl(fileId),
      success: (res) =>
        res.statusCode === 200 ? resolve(res.tempFilePath) : reject(new Error(`HTTP ${res.statusCode}`)),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

/** Opens one attachment; `all` gives an image its neighbours to swipe through. Rejects when it cannot. */
export async function openAttachment(attachment: NoticeAttachment, all: NoticeAttachment[]): Promise<void> {
  if (attachment.kind === 'image') {
    const urls = all.filter((a) => a.kind === 'image').map((a) => displayUrl(a.fileId));
    wx.previewImage({ urls, current: displayUrl(attachment.fileId) });
    return;
  }
  const filePath = await download(attachment.fileId);
  await new Promise<void>((resolve, reject) => {
    wx.openDocument({
      filePath,
      fileType: 'pdf',
      showMenu: true,
      success: () => resolve(),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}
