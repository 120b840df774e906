/**
 * The local cloud's stand-in for wx.cloud.uploadFile: POST /files?path=<cloud path> with the raw bytes as
 * the body answers `{ok: true, data: {fileId}}`, stored through the Files port. Production clients upload
 * with wx.cloud.uploadFile and send the fileIDs they get; the ticket actions take either kind of id.
 * GET /files/<path> gives the bytes back, so that DevTools can show local photos (a cloud:// fileID is an
 * image source by itself in production).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../core/errors';
import type { LocalFiles } from '../adapters/local/local-files';
import { unauthenticatedMessage } from './identity';
import { isStoragePath, isUploadPath, UPLOAD_EXTENSIONS } from './storage-paths';

/** Writes one JSON reply with the server's headers (CORS) and any extra ones. */
export type Reply = (status: number, body: unknown, headers?: Record<string, string>) => void;

const MAX_UPLOAD = 10 * 1024 * 1024;

function fail(reply: Reply, status: number, error: AppError, headers?: Record<string, string>): void {
  reply(status, { ok: false, error: { code: error.code, message: error.message } }, headers);
}

/** Stores one upload; the caller has already checked that the client is on loopback. */
export async function handleUpload(
  files: LocalFiles,
  req: IncomingMessage,
  reply: Reply,
  url: URL,
  openid: string | null,
): Promise<void> {
  if (!openid)
    return fail(reply, 401, new AppError('AUTH.UNAUTHENTICATED', { message: unauthenticatedMessage(null) }));
  const path = url.searchParams.get('path') ?? '';
  if (!isUploadPath(path))
    return fail(
      reply,
      400,
      new AppError('VALIDATION.FAILED', {
        message: `文件路径不合法：须为 文件夹/文件名.扩展名（扩展名为 ${UPLOAD_EXTENSIONS.join('、')} 之一）`,
      }),
    );
  const tooLarge = () =>
    fail(
      reply,
      413,
      new AppError('VALIDATION.FAILED', { message: '文件过大（上限 10 MB），请压缩或换一个较小的文件' }),
      {
        connection: 'close',
      },
    );
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD) return tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD) return tooLarge();
    chunks.push(chunk as Buffer);
  }
  if (size === 0)
    return fail(reply, 400, new AppError('VALIDATION.FAILED', { message: '文件内容为空，请重新选择文件' }));
  const contentType = req.headers['content-type'] ?? 'application/octet-stream';
  const fileId = await files.put(path, new Uint8Array(Buffer.concat(chunks)), contentType);
  reply(200, { ok: true, data: { fileId } });
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  json: 'application/json',
};

/** Serves one stored file by its (decoded) path; 404 when there is none, or it names a folder. */
export async function handleDownload(
  files: LocalFiles,
  res: ServerResponse,
  reply: Reply,
  path: string,
): Promise<void> {
  const fileId = `local://${path}`;
  if (!isStoragePath(path) || !(await files.exists(fileId)))
    return fail(reply, 404, new AppError('STORE.NOT_FOUND', { message: '找不到这个文件，请重新上传' }));
  const bytes = await files.read(fileId);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'content-length': bytes.length,
    // A Chinese file name travels percent-encoded (RFC 6266); the ASCII fallback keeps old clients working.
    'content-disposition': `inline; filename="download.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
  res.end(Buffer.from(bytes));
}
