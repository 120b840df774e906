/** The local cloud over real HTTP on a free loopback port, for tests of the wire (headers, bodies, status). */
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '../../typings/common';
import { seedDemo } from '../../server/demo/seed';
import { functions } from '../../server/functions';
import { createLocalDeps, type LocalDeps } from '../../server/local-cloud/deps';
import { createLocalCloud, DEV_OPENID_HEADER } from '../../server/local-cloud/http';

export interface HttpHarness {
  baseUrl: string;
  deps: LocalDeps;
  /** POST /fn/<name> with `body` as is (a string is sent raw, for malformed-JSON tests). */
  post(fn: string, body: unknown, openid?: string): Promise<{ status: number; json: ApiResult<unknown> }>;
  close(): Promise<void>;
}

/** `port` 0 (the default) takes a free one; the DevTools E2E needs the one miniprogram/config/env.ts names. */
export async function startHttpHarness(
  options: { seed?: boolean; port?: number } = {},
): Promise<HttpHarness> {
  const deps = createLocalDeps();
  if (options.seed !== false) await seedDemo(deps.store);
  const server = createLocalCloud({ deps, functions });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    deps,
    async post(fn, body, openid) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (openid) headers[DEV_OPENID_HEADER] = openid;
      const res = await fetch(`${baseUrl}/fn/${fn}`, {
        method: 'POST',
        headers,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as ApiResult<unknown> };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        deps.store.close();
      }),
  };
}
