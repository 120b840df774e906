/**
 * Photos and documents from the phone to storage, so that pages only hand over local paths and get file ids
 * back. Production: wx.cloud.uploadFile → fileID. Local cloud: the raw bytes POSTed to /files?path=… (see
 * server/local-cloud/uploads.ts) as the dev user. Either id is accepted by the ticket and notice actions.
 */
import { appEnv } from '../config/env';
import { guideToSettings, refusedPermission } from './permissions';

/** Storage folders: ticket photos, notice covers and attachments, map and ledger files staff import. */
export type UploadFolder = 'tickets' | 'notices' | 'imports';

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  json: 'application/json',
};

/** The lower-case extension of a path or file name, '' when it has none. */
export function extensionOf(path: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
}

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
          header: {
            'content-type': CONTENT_TYPES[extensionOf(cloudPath)] ?? 'application/octet-stream',
            'x-gridlink-openid': openid,
          },
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
  const env = appEnv();
  if (!current)
    current = env.mode === 'cloud' ? cloudUploader() : localUploader(env.localBaseUrl, env.devOpenid);
  return current;
}

let serial = 0;

/** A storage path that no other upload takes: tickets/20260620/lq2x3k-8f3a-1.jpg (a PDF keeps .pdf). */
function cloudPathFor(folder: UploadFolder, filePath: string): string {
  serial += 1;
  const now = new Date();
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  const found = extensionOf(filePath);
  const ext = CONTENT_TYPES[found] ? found : 'jpg';
  const nonce = Math.random().toString(36).slice(2, 8);
  return `${folder}/${day}/${Date.now().toString(36)}-${nonce}-${serial}.${ext}`;
}

/** Uploads one file; its extension comes from `name` when given, since a chat file's temp path may lack it. */
export function uploadFile(filePath: string, folder: UploadFolder, name: string = filePath): Promise<string> {
  return uploader().upload(filePath, cloudPathFor(folder, name));
}

/**
 * Uploads the photos in order and returns their file ids; rejects on the first failure, so the caller sends
 * nothing half-done (already stored photos are simply unreferenced).
 */
export async function uploadPhotos(filePaths: string[], folder: UploadFolder): Promise<string[]> {
  const ids: string[] = [];
  for (const filePath of filePaths) ids.push(await uploadFile(filePath, folder));
  return ids;
}

/**
 * Up to `count` photos from the album or the camera; an empty list when the person backs out, or refused the
 * camera or album before (then told how to allow it).
 */
export function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => f.tempFilePath)),
      fail: (error) => {
        if (refusedPermission(error)) guideToSettings('camera');
        resolve([]);
      },
    });
  });
}

/**
 * Up to `count` PDFs sent in a chat (WeChat has no other document picker). The extension filter works only
 * with type 'file' and not on every client, so the names are checked again; an empty list when the person
 * backs out.
 */
export function choosePdfs(count: number): Promise<Array<{ path: string; name: string }>> {
  if (count <= 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count,
      type: 'file',
      extension: ['pdf'],
      success: (res) =>
        resolve(
          res.tempFiles
            .filter((f) => extensionOf(f.name) === 'pdf')
            .map((f) => ({ path: f.path, name: f.name })),
        ),
      fail: () => resolve([]),
    });
  });
}

/**
 * One file sent in a chat with one of `extensions` (a ledger from a colleague's spreadsheet, a map from the
 * surveyor); null when the person backs out or picks a file of another kind.
 */
export function chooseDataFile(extensions: string[]): Promise<{ path: string; name: string } | null> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: extensions,
      success: (res) => {
        const file = res.tempFiles[0];
        resolve(
          file && extensions.includes(extensionOf(file.name)) ? { path: file.path, name: file.name } : null,
        );
      },
      fail: () => resolve(null),
    });
  });
}
