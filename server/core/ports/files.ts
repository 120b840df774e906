/** Stored files (photos, attachments): CloudBase storage in production, a local folder otherwise. */
export interface Files {
  /** Stores the bytes under `path` and returns a fileId to keep on records. */
  put(path: string, bytes: Uint8Array, contentType: string): Promise<string>;
  exists(fileId: string): Promise<boolean>;
  /** The stored bytes (e.g. an uploaded ledger to import); IMPORT.FILE_NOT_FOUND if there are none. */
  read(fileId: string): Promise<Uint8Array>;
  /** A URL a client can fetch for a while. */
  url(fileId: string): Promise<string>;
  remove(fileId: string): Promise<void>;
}
