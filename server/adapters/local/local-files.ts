import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { AppError } from '../../core/errors';
import type { Files } from '../../core/ports/files';

const BAD_ID = () => new AppError('VALIDATION.FAILED', { message: '文件编号不合法，请重新上传文件' });

/** Files in a local folder; fileIds look like CloudBase's (local://path) so records stay the same shape. */
export class LocalFiles implements Files {
  constructor(
    private readonly root: string,
    private publicBaseUrl = 'http://127.0.0.1/files',
  ) {}

  /** Where the local cloud serves files (it knows its port only once it listens). */
  servedAt(baseUrl: string): void {
    this.publicBaseUrl = baseUrl;
  }

  /** The file's place under the root; a path that climbs out (`..`) is bad input, not a server fault. */
  private pathOf(fileId: string): string {
    const rel = fileId.replace(/^local:\/\//, '');
    if (rel.split(/[\\/]/).includes('..') || rel.startsWith('/') || rel.includes('\0')) throw BAD_ID();
    const full = join(this.root, normalize(rel));
    if (!full.startsWith(join(this.root, sep)) && full !== this.root) throw BAD_ID();
    return full;
  }

  async put(path: string, bytes: Uint8Array, _contentType: string): Promise<string> {
    const fileId = `local://${normalize(path).replace(/\\/g, '/')}`;
    const full = this.pathOf(fileId);
    // A file may not take a folder's place, nor sit under a file: either would break later uploads.
    if (kindOf(full) === 'folder')
      throw new AppError('VALIDATION.FAILED', { message: '文件路径已是一个文件夹，请换一个文件名' });
    for (let dir = dirname(full); dir.length > this.root.length; dir = dirname(dir)) {
      if (kindOf(dir) === 'file')
        throw new AppError('VALIDATION.FAILED', { message: '文件路径中的文件夹已是一个文件，请换一个路径' });
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    return fileId;
  }

  /** True only for a stored file: a folder is not one. An id that could not name a file is not one either. */
  async exists(fileId: string): Promise<boolean> {
    if (!fileId.startsWith('local://')) return false;
    let full: string;
    try {
      full = this.pathOf(fileId);
    } catch {
      return false;
    }
    return kindOf(full) === 'file';
  }

  async read(fileId: string): Promise<Uint8Array> {
    if (!(await this.exists(fileId))) throw new AppError('IMPORT.FILE_NOT_FOUND');
    return new Uint8Array(readFileSync(this.pathOf(fileId)));
  }

  /** A link the local cloud serves; each segment percent-encoded, so Chinese names arrive intact. */
  async url(fileId: string): Promise<string> {
    const sig = createHash('sha1').update(fileId).digest('hex').slice(0, 8);
    const path = fileId
      .replace(/^local:\/\//, '')
      .split('/')
      .map(encodeURIComponent)
      .join('/');
    return `${this.publicBaseUrl}/${path}?sig=${sig}`;
  }

  async remove(fileId: string): Promise<void> {
    rmSync(this.pathOf(fileId), { force: true });
  }
}

function kindOf(path: string): 'file' | 'folder' | null {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return !stat ? null : stat.isDirectory() ? 'folder' : 'file';
  } catch {
    // ENOTDIR: a parent is a file, so nothing is stored here.
    return null;
  }
}
