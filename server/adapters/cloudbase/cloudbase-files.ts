import type tcb from '@cloudbase/node-sdk';
import { AppError } from '../../core/errors';
import type { Files } from '../../core/ports/files';

/** Files in CloudBase storage. Not exercised here (no CloudBase environment). */
export class CloudbaseFiles implements Files {
  constructor(private readonly app: ReturnType<typeof tcb.init>) {}

  async put(path: string, bytes: Uint8Array, _contentType: string): Promise<string> {
    const res = await this.app.uploadFile({ cloudPath: path, fileContent: Buffer.from(bytes) });
    return res.fileID;
  }

  async exists(fileId: string): Promise<boolean> {
    const res = await this.app.getTempFileURL({ fileList: [fileId] });
    return res.fileList?.[0]?.code === 'SUCCESS';
  }

  async read(fileId: string): Promise<Uint8Array> {
    try {
      const res = await this.app.downloadFile({ fileID: fileId });
      return new Uint8Array(res.fileContent as Buffer);
    } catch {
      throw new AppError('IMPORT.FILE_NOT_FOUND');
    }
  }

  async url(fileId: string): Promise<string> {
    const res = await this.app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 3600 }] });
    return res.fileList?.[0]?.tempFileURL ?? '';
  }

  async remove(fileId: string): Promise<void> {
    await this.app.deleteFile({ fileList: [fileId] });
  }
}
