/**
 * The local cloud's stand-in for wx.cloud.uploadFile: POST /files?path=<cloud path> with the raw bytes as
 * the body answers `{ok: true, data: {fileId}}`, stored through the Files port. Production clients upload
 * with wx.cloud.uploadFile and send the fileIDs they get; the ticket actions take either kind of id.
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
