/**
 * A `wx.request` that really sends: pages under miniprogram-simulate reach the local cloud over HTTP, the
 * way the mini-program does in DevTools. Node's http, because jsdom test environments lack fetch.
 */
import { request as httpRequest } from 'node:http';

type RequestOptions = {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  success?: (res: { data: unknown; statusCode: number }) => void;
  fail?: (err: { errMsg: string }) => void;
};

export function wxRequest(options: RequestOptions): void {
  const body = options.data === undefined ? '' : JSON.stringify(options.data);
  const req = httpRequest(
    options.url,
    {
      method: options.method ?? 'GET',
      headers: { ...options.header, 'content-length': Buffer.byteLength(body) },
    },
    (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let data: unknown = text;
        try {
          data = JSON.parse(text);
        } catch {
          // Not JSON: handed over as text, as wx.request does.
        }
        options.success?.({ data, statusCode: res.statusCode ?? 0 });
      });
    },
  );
  req.on('error', (error) => options.fail?.({ errMsg: `request:fail ${error.message}` }));
  req.end(body);
}
