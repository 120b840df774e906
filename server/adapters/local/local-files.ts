import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { AppError } from '../../core/errors';
import type { Files } from '../../core/ports/files';

/** Files in a local folder; fileIds look like CloudBase's (local://path) so records stay the same shape. */
export class LocalFiles implements Files {
  constructor(
    private readonly root: string,
    private readonly publicBaseUrl = 'http://127.0.0.1/files',
  ) {}

  private pathOf(fileId: string): string {
    const rel = normalize(fileId.replace(/^local:\/\//, ''));
    if (rel.startsWith('..')) throw new Error('file path escapes the storage folder');
    return join(this.root, rel);
  }

  async put(path: string, bytes: Uint8Array, _contentType: string): Promise<string> {
    const fileId = `local://${normalize(path).replace(/^(\.\.\/)+/, '')}`;
    const full = this.pathOf(fileId);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    return fileId;
  }

  async exists(fileId: string): Promise<boolean> {
    return fileId.startsWith('local://') && existsSync(this.pathOf(fileId));
  }

  async read(fileId: string): Promise<Uint8Array> {
    if (!(await this.exists(fileId))) throw new AppError('IMPORT.FILE_NOT_FOUND');
    return new Uint8Array(readFileSync(this.pathOf(fileId)));
  }

  async url(fileId: string): Promise<string> {
    const sig = createHash('sha1').update(fileId).digest('hex').slice(0, 8);
    return `${this.publicBaseUrl}/${fileId.replace(/^local:\/\//, '')}?sig=${sig}`;
  }

  async remove(fileId: string): Promise<void> {
    rmSync(this.pathOf(fileId), { force: true });
  }
}
