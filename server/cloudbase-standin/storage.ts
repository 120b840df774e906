/**
 * Cloud storage as node-sdk uses it (node-sdk src/storage/index.ts): `storage.getUploadMetadata` hands out an
 * upload URL, the SDK PUTs the bytes there (COS answers an empty body on success); `batchGetDownloadUrl` gives
 * temporary URLs (code SUCCESS, or STORAGE_FILE_NONEXIST per file) that a GET reads; `batchDeleteFile`
 * removes. Files are kept in memory; file ids look like CloudBase's, `cloud://<env>.<bucket>/<path>`.
 */
import type http from 'node:http';
import type { Answer, Body } from './actions';
import { invalid } from './errors';

const BUCKET = 'standin-bucket';
/** The path prefix of upload and download URLs on the stand-in's own port. */
export const COS_PREFIX = '/cos/';

export class Storage {
  private readonly files = new Map<string, Buffer>();

  constructor(private readonly origin: () => string) {}

  private fileId(envName: string, path: string): string {
    return `cloud://${envName || 'standin-env'}.${BUCKET}/${path}`;
  }

  private pathOf(fileId: string): string | undefined {
    return /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)?.[1];
  }

  actions: Record<string, (body: Body) => Answer> = {
    'storage.getUploadMetadata': (body) => {
      if (typeof body.path !== 'string' || !body.path) throw invalid('path is required');
      return {
        data: {
          url: `${this.origin()}${COS_PREFIX}${encodeURIComponent(body.path)}`,
          token: 'standin-cos-token',
          authorization: 'standin-cos-authorization',
          fileId: this.fileId(String(body.envName ?? ''), body.path),
          // Sent back as a header by the SDK: ASCII only.
          cosFileId: `standin-cos-${Buffer.from(body.path).toString('hex')}`,
        },
      };
    },
    'storage.batchGetDownloadUrl': (body) => {
      const list = Array.isArray(body.file_list) ? (body.file_list as Array<{ fileid?: string }>) : [];
      return {
        data: {
          download_list: list.map(({ fileid = '' }) => {
            const path = this.pathOf(fileid);
            return path !== undefined && this.files.has(path)
              ? {
                  // Unencoded: downloadFile runs encodeURI on it.
                  fileid,
                  code: 'SUCCESS',
                  tempFileURL: `${this.origin()}${COS_PREFIX}${path}`,
                }
              : { fileid, code: 'STORAGE_FILE_NONEXIST', message: 'file does not exist', tempFileURL: '' };
          }),
        },
      };
    },
    'storage.batchDeleteFile': (body) => {
      const list = Array.isArray(body.fileid_list) ? (body.fileid_list as string[]) : [];
      return {
        data: {
          delete_list: list.map((fileid) => {
            const path = this.pathOf(fileid);
            const existed = path !== undefined && this.files.delete(path);
            return { fileid, code: existed ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
          }),
        },
      };
    },
  };

  /** The COS side: PUT stores the bytes, GET reads them back (404 if absent). */
  serve(req: http.IncomingMessage, bytes: Buffer, res: http.ServerResponse): void {
    const path = decodeURIComponent((req.url ?? '').slice(COS_PREFIX.length).split('?')[0] ?? '');
    if (req.method === 'PUT') {
      this.files.set(path, bytes);
      res.writeHead(200).end('');
      return;
    }
    const stored = this.files.get(path);
    if (req.method === 'GET' && stored)
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(stored);
    else res.writeHead(404).end();
  }

  clear(): void {
    this.files.clear();
  }
}
