/**
 * The local cloud over HTTP: every cloud function at POST /fn/<name>, with the body as the function's event.
 * The caller's identity comes from the dev header (identity.ts), from loopback clients only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionMap, ApiResult } from '../../typings/common';
import { AppError } from '../core/errors';
import type { Caller } from '../core/ports/identity';
import { invoke, type FunctionSpec } from '../functions/define';
import { corsHeaders, originAllowed, preflightHeaders } from './cors';
import type { LocalDeps } from './deps';
import { claimedOpenid, DEV_OPENID_HEADER, isLoopback, unauthenticatedMessage } from './identity';
import { localStatus } from './status';
import { handleDownload, handleUpload, type Reply } from './uploads';

export { DEV_OPENID_HEADER, isLoopback } from './identity';

const MAX_BODY = 100 * 1024; // CloudBase refuses call payloads over 100 KB: so does the local cloud.
/** Host names a request may address: a page on another name that resolves here (DNS rebinding) is refused. */
const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?$/;

function failure(error: AppError): ApiResult<never> {
  return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
}

/** A body over the limit: answered 413 and the connection closed, since its unread rest cannot be skipped. */
class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface LocalCloudOptions {
  deps: LocalDeps;
  functions: Record<string, FunctionSpec<ActionMap>>;
  /** Exact origins allowed beside loopback ones (cors.ts). */
  corsOrigins?: readonly string[];
}

export function createLocalCloud({ deps, functions, corsOrigins = [] }: LocalCloudOptions): Server {
  const names = Object.keys(functions);
  const server = createServer((req, res) => {
    const reply = replier(req, res);
    void handle(req, res, reply).catch((error: unknown) => {
      console.error('[local-cloud]', error);
      if (!res.headersSent) reply(500, failure(new AppError('INTERNAL')));
    });
  });
  // Links the core hands out (an export's download URL) name the port this server really listens on.
  server.on('listening', () => {
    const address = server.address() as AddressInfo;
    deps.files.servedAt(`http://127.0.0.1:${address.port}/files`);
  });
  return server;

  function replier(req: IncomingMessage, res: ServerResponse): Reply {
    const cors = corsHeaders(req.headers.origin, corsOrigins);
    return (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...cors, ...headers });
      res.end(JSON.stringify(body));
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> {
    if (!LOOPBACK_HOST.test(req.headers.host ?? '127.0.0.1'))
      return reply(421, {
        ok: false,
        error: {
          code: 'AUTH.DEV_IDENTITY_REFUSED',
          message: '本地云只接受发往 127.0.0.1 或 localhost 的请求',
        },
      });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      return reply(400, failure(new AppError('VALIDATION.FAILED', { message: '请求地址不合法' })));
    }
    if (req.method === 'OPTIONS') {
      const origin = req.headers.origin;
      if (!origin || !originAllowed(origin, corsOrigins))
        return reply(403, {
          ok: false,
          error: { code: 'AUTH.DEV_IDENTITY_REFUSED', message: '本地云不接受来自其他网站的跨域请求' },
        });
      res.writeHead(204, preflightHeaders(origin));
      res.end();
      return;
    }
    if (req.method === 'GET' && url.pathname === '/') return reply(200, await localStatus(deps, names));
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      if (!isLoopback(req.socket.remoteAddress))
        return reply(403, failure(new AppError('AUTH.DEV_IDENTITY_REFUSED')));
      let path: string;
      try {
        path = decodeURIComponent(url.pathname.slice('/files/'.length));
      } catch {
        return reply(
          400,
          failure(new AppError('VALIDATION.FAILED', { message: '文件路径不合法，请重新选择文件上传' })),
        );
      }
      return handleDownload(deps.files, res, reply, path);
    }
    if (req.method === 'POST' && url.pathname === '/files') {
      if (!isLoopback(req.socket.remoteAddress))
        return reply(403, failure(new AppError('AUTH.DEV_IDENTITY_REFUSED')));
      return handleUpload(deps.files, req, reply, url, claimedOpenid(req));
    }
    const match = /^\/fn\/([a-z][a-zA-Z0-9-]*)$/.exec(url.pathname);
    if (req.method !== 'POST' || !match)
      return reply(404, {
        ok: false,
        error: {
          code: 'VALIDATION.UNKNOWN_ACTION',
          message: `没有这个接口：请用 POST /fn/<函数名>，函数有 ${names.join('、')}`,
          details: { known: names },
        },
      });
    const name = match[1]!;
    // Own keys only: `constructor` or `toString` are names of nothing here, not of Object's prototype.
    const spec = Object.hasOwn(functions, name) ? functions[name] : undefined;
    if (!spec)
      return reply(404, {
        ok: false,
        error: {
          code: 'VALIDATION.UNKNOWN_ACTION',
          message: `没有名为 ${name} 的云函数，可用的有：${names.join('、')}`,
          details: { known: names },
        },
      });
    if (req.headers[DEV_OPENID_HEADER] !== undefined && !isLoopback(req.socket.remoteAddress))
      return reply(403, failure(new AppError('AUTH.DEV_IDENTITY_REFUSED')));
    const openid = claimedOpenid(req);
    const caller: Caller | null = openid ? { openid } : null;

    let event: unknown;
    try {
      const text = await readBody(req);
      event = text.trim() ? JSON.parse(text) : {};
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return reply(
          413,
          failure(new AppError('VALIDATION.FAILED', { message: '请求内容过大（上限 100 KB）' })),
          { connection: 'close' },
        );
      return reply(400, failure(new AppError('VALIDATION.FAILED', { message: '请求内容不是合法的 JSON' })));
    }
    const result = await invoke(spec, deps, caller, event);
    if (!result.ok && result.error.code === 'AUTH.UNAUTHENTICATED')
      result.error.message = unauthenticatedMessage(openid);
    reply(200, result);
  }
}
