/**
 * The HTTP face of the stand-in: node-sdk POSTs JSON `{action, envName, …}` to `<serviceUrl>?env=…&seqId=…`
 * and reads `{requestId, …}` back, or `{code, message, requestId}` (always HTTP 200: node-sdk turns any other
 * status into an error without a code).
 *
 * Signatures: any signature is accepted, but a request must carry what node-sdk always sends — an
 * `Authorization: TC3-HMAC-SHA256 …` header, `X-Timestamp`, `X-SDK-Version`, and `action` and `envName` in
 * the body — so that a caller that bypasses the SDK's signing path is noticed.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { ActionContext, Answer, Body } from './actions';
import { databaseActions } from './actions';
import { StandinError } from './errors';
import type { Faults } from './faults';
import type { RequestCounter } from './request-counter';
import { COS_PREFIX, type Storage } from './storage';

/** An extra action handler, e.g. for a test that answers `functions.invokeFunction` or `wx.openApi`. */
export type ExtraAction = (body: Body) => Answer | Promise<Answer>;

export interface ServerParts {
  ctx: ActionContext;
  faults: Faults;
  counter: RequestCounter;
  storage: Storage;
  extraActions: Record<string, ExtraAction>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function checkSigned(req: http.IncomingMessage, body: Body): void {
  const auth = req.headers.authorization ?? '';
  const missing = [
    !auth.startsWith('TC3-HMAC-SHA256 ') && 'Authorization',
    !req.headers['x-timestamp'] && 'X-Timestamp',
    !req.headers['x-sdk-version'] && 'X-SDK-Version',
    typeof body.action !== 'string' && 'action',
    typeof body.envName !== 'string' && 'envName',
  ].filter(Boolean);
  if (missing.length) throw new StandinError('SIGN_PARAM_INVALID', `missing ${missing.join(', ')}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answer(parts: ServerParts, req: http.IncomingMessage, text: string): Promise<Answer> {
  let body: Body;
  try {
    body = JSON.parse(text) as Body;
  } catch {
    throw new StandinError('INVALID_PARAM', 'the body is not JSON');
  }
  checkSigned(req, body);
  const action = body.action as string;
  parts.counter.add(action, typeof body.collectionName === 'string' ? body.collectionName : undefined);
  if (parts.faults.latencyMs > 0) await sleep(parts.faults.latencyMs);
  if (parts.faults.takeThrottle(action))
    throw new StandinError('RequestLimitExceeded', '[LimitExceeded] request limit exceeded, retry later');
  const handler = databaseActions[action];
  if (handler) return handler(parts.ctx, body);
  // A test's own handler answers first, so it can stand in for a built-in one (e.g. storage).
  const extra = parts.extraActions[action];
  if (extra) return extra(body);
  const storage = parts.storage.actions[action];
  if (storage) return storage(body);
  throw new StandinError('INVALID_ACTION', `the stand-in does not answer ${action}`);
}

export function createServer(parts: ServerParts): http.Server {
  const server = http.createServer((req, res) => {
    const requestId = randomBytes(8).toString('hex');
    const reply = (payload: Answer) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ...payload, requestId }));
    };
    if (req.url?.startsWith(COS_PREFIX)) {
      readBody(req).then(
        (bytes) => parts.storage.serve(req, bytes, res),
        () => res.writeHead(400).end(),
      );
      return;
    }
    readBody(req)
      .then((bytes) => answer(parts, req, bytes.toString('utf8')))
      .then(reply, (error: unknown) => {
        if (error instanceof StandinError) reply({ code: error.code, message: error.message });
        else reply({ code: 'SYS_ERR', message: `stand-in failure: ${(error as Error)?.message ?? error}` });
      });
  });
  // node-sdk keeps its connections alive. Node closes an idle one after 5 s, and a request the client sends on
  // it just then fails with ECONNRESET: a call that computes for over 5 s between two requests (a PDF of
  // household codes on a loaded machine) failed as INTERNAL. CloudBase does not drop a connection that soon.
  server.keepAliveTimeout = 120_000;
  return server;
}
