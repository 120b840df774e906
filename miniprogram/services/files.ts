/** How a stored file is shown: a cloud:// fileID is an image source by itself; a local one is served by the local cloud. */
import { appEnv } from '../config/env';

/** The `src` for an <image> (or a download URL) of a stored file. */
export function displayUrl(fileId: string): string {
  const env = appEnv();
  if (fileId.startsWith('local://') && env.mode === 'local') {
    return `${env.localBaseUrl}/files/${fileId.slice('local://'.length)}`;
  }
  return fileId;
}
