/**
 * The local cloud's stand-in for wx.cloud.uploadFile: POST /files?path=<cloud path> with the raw bytes as
 * the body answers `{ok: true, data: {fileId}}`, stored through the Files port. Production clients upload
 * with wx.cloud.uploadFile and send the fileIDs they get; the ticket actions take either kind of id.
 * GET /files/<path> gives the bytes back, so that DevTools can show local photos (a cloud:// fileID is an
 * image source by itself in production).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../core/errors';
import type { Files } from '../core/ports/files';

const MAX_UPLOAD = 10 * 1024 * 1024;
/** A relative path of safe segments, e.g. tickets/u_1/1718870000-1.jpg. */
const SAFE_PATH = /^(?!.*\.\.)[A-Za-z0-9_\-][A-Za-z0-9_\-./]{0,199}$/;

/** Stores one upload; the caller has already checked the dev identity. */
export async function handleUpload(
  files: Files,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  openid: string | null,
): Promise<void> {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
    });
    res.end(JSON.stringify(body));
  };
  const fail = (status: number, error: AppError) =>
    reply(status, { ok: false, error: { code: error.code, message: error.message } });
  if (!openid) return fail(401, new AppError('AUTH.UNAUTHENTICATED'));
  const path = url.searchParams.get('path') ?? '';
  if (!SAFE_PATH.test(path))
    return fail(400, new AppError('VALIDATION.FAILED', { message: '文件路径不合法' }));

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD)
      return fail(413, new AppError('VALIDATION.FAILED', { message: '文件过大（上限 10 MB）' }));
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return fail(400, new AppError('VALIDATION.FAILED', { message: '文件内容为空' }));
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
};

/** Serves one stored file by its path; 404 when there is none. */
export async function handleDownload(files: Files, res: ServerResponse, path: string): Promise<void> {
  const fileId = `local://${path}`;
  if (!SAFE_PATH.test(path) || !(await files.exists(fileId))) {
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: false, error: { code: 'STORE.NOT_FOUND', message: '文件不存在' } }));
    return;
  }
  const bytes = await files.read(fileId);
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'content-length': bytes.length,
    'access-control-allow-origin': '*',
  });
  res.end(Buffer.from(bytes));
}
