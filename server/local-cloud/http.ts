/**
 * The local cloud over HTTP: every cloud function at POST /fn/<name>, with the body as the function's event.
 * The caller's identity comes from the dev header `x-gridlink-openid`, which only this server reads, and
 * only from loopback clients: production takes identity from the WeChat context alone.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ActionMap, ApiResult } from '../../typings/common';
import { AppError } from '../core/errors';
import type { Caller } from '../core/ports/identity';
import { invoke, type FunctionSpec } from '../functions/define';
import type { LocalDeps } from './deps';
import { localStatus } from './status';
import { handleDownload, handleUpload } from './uploads';

export const DEV_OPENID_HEADER = 'x-gridlink-openid';
const MAX_BODY = 100 * 1024; // CloudBase refuses call payloads over 100 KB: so does the local cloud.

/** Only the machine itself may claim an identity by header. */
export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'access-control-allow-origin': '*',
  });
  res.end(text);
}

function failure(error: AppError): ApiResult<never> {
  return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new AppError('VALIDATION.FAILED', { message: '请求内容过大（上限 100 KB）' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface LocalCloudOptions {
  deps: LocalDeps;
  functions: Record<string, FunctionSpec<ActionMap>>;
}

export function createLocalCloud({ deps, functions }: LocalCloudOptions): Server {
  return createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[local-cloud]', error);
      send(res, 500, failure(new AppError('INTERNAL')));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': `content-type, ${DEV_OPENID_HEADER}`,
        'access-control-allow-methods': 'GET, POST',
      });
      res.end();
      return;
    }
    if (req.method === 'GET' && url.pathname === '/') {
      send(res, 200, await localStatus(deps, Object.keys(functions)));
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      if (!isLoopback(req.socket.remoteAddress))
        return send(res, 403, failure(new AppError('AUTH.DEV_IDENTITY_REFUSED')));
      return handleDownload(deps.files, res, decodeURIComponent(url.pathname.slice('/files/'.length)));
    }
    if (req.method === 'POST' && url.pathname === '/files') {
      const header = req.headers[DEV_OPENID_HEADER];
      if (!isLoopback(req.socket.remoteAddress))
        return send(res, 403, failure(new AppError('AUTH.DEV_IDENTITY_REFUSED')));
      const uploader = typeof header === 'string' && header.trim() ? header.trim() : null;
      return handleUpload(deps.files, req, res, url, uploader);
    }
    const match = /^\/fn\/([a-z][a-zA-Z0-9-]*)$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) {
      send(res, 404, {
        ok: false,
        error: { code: 'VALIDATION.UNKNOWN_ACTION', message: '没有这个接口：请用 POST /fn/<函数名>' },
      });
      return;
    }
    const spec = functions[match[1]!];
    if (!spec) {
      send(res, 404, {
        ok: false,
        error: { code: 'VALIDATION.UNKNOWN_ACTION', message: `没有名为 ${match[1]} 的云函数` },
      });
      return;
    }
    const header = req.headers[DEV_OPENID_HEADER];
    if (header !== undefined && !isLoopback(req.socket.remoteAddress)) {
      send(res, 403, failure(new AppError('AUTH.DEV_IDENTITY_REFUSED')));
      return;
    }
    const openid = typeof header === 'string' && header.trim() ? header.trim() : null;
    const caller: Caller | null = openid ? { openid } : null;

    let event: unknown;
    try {
      const text = await readBody(req);
      event = text.trim() ? JSON.parse(text) : {};
    } catch (error) {
      send(
        res,
        400,
        failure(
          error instanceof AppError
            ? error
            : new AppError('VALIDATION.FAILED', { message: '请求内容不是合法的 JSON' }),
        ),
      );
      return;
    }
    const result = await invoke(spec, deps, caller, event);
    send(res, 200, result);
  }
}
