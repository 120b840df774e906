/**
 * Photos from the phone to storage, so that pages only hand over local paths and get file ids back.
 * Production: wx.cloud.uploadFile → fileID. Local cloud: the raw bytes POSTed to /files?path=… (see
 * server/local-cloud/uploads.ts) as the dev user. Either id is accepted by the ticket actions.
 */
import { appEnv } from '../config/env';

export interface Uploader {
  upload(filePath: string, cloudPath: string): Promise<string>;
}

/** Production: CloudBase storage. */
export function cloudUploader(): Uploader {
  return {
    async upload(filePath, cloudPath) {
      const res = await wx.cloud.uploadFile({ cloudPath, filePath });
      return res.fileID;
    },
  };
}

function readBytes(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

/** Development: the local cloud's upload route, acting as the dev user. */
export function localUploader(baseUrl: string, openid: string): Uploader {
  return {
    async upload(filePath, cloudPath) {
      const data = await readBytes(filePath);
      return new Promise((resolve, reject) => {
        wx.request({
          url: `${baseUrl}/files?path=${encodeURIComponent(cloudPath)}`,
          method: 'POST',
          data,
          header: { 'content-type': 'image/jpeg', 'x-gridlink-openid': openid },
          success: (res) => {
            const body = res.data as {
              ok?: boolean;
              data?: { fileId?: string };
              error?: { message?: string };
            };
            if (body?.ok && body.data?.fileId) resolve(body.data.fileId);
            else reject(new Error(body?.error?.message ?? '照片上传失败'));
          },
          fail: (err) => reject(new Error(`照片上传失败：${err.errMsg}`)),
        });
      });
    },
  };
}

let current: Uploader | null = null;

/** Set by a test; otherwise chosen from the app's environment on first use. */
export function setUploader(uploader: Uploader): void {
  current = uploader;
}

function uploader(): Uploader {
  if (!current)
    current =
      appEnv.mode === 'cloud' ? cloudUploader() : localUploader(appEnv.localBaseUrl, appEnv.devOpenid);
  return current;
}

let serial = 0;

/** A storage path that no other upload takes: tickets/20260620/lq2x3k-8f3a-1.jpg. */
function cloudPathFor(folder: string, filePath: string): string {
  serial += 1;
  const now = new Date();
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  const ext = /\.(jpe?g|png|webp|gif)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
  const nonce = Math.random().toString(36).slice(2, 8);
  return `${folder}/${day}/${Date.now().toString(36)}-${nonce}-${serial}.${ext}`;
}

/**
 * Uploads the photos in order and returns their file ids; rejects on the first failure, so the caller sends
 * nothing half-done (already stored photos are simply unreferenced).
 */
export async function uploadPhotos(filePaths: string[], folder: 'tickets'): Promise<string[]> {
  const ids: string[] = [];
  for (const filePath of filePaths)
    ids.push(await uploader().upload(filePath, cloudPathFor(folder, filePath)));
  return ids;
}

/** Up to `count` photos from the album or the camera; an empty list when the person backs out. */
export function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => f.tempFilePath)),
      fail: () => resolve([]),
    });
  });
}
