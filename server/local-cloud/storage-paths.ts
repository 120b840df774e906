/**
 * Which storage paths the local cloud takes and serves. Segments may be in any script (exported ledgers are
 * named 楼栋台账.xlsx), never empty, `.` or `..`, and never hold a slash, backslash or control character.
 */

const SEGMENT = /^[\p{L}\p{M}\p{N}_\-.]+$/u;
const MAX_PATH = 200;

/** Extensions an upload may carry: photos, notice attachments, and the ledgers and maps staff import. */
export const UPLOAD_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'pdf',
  'csv',
  'xlsx',
  'geojson',
  'json',
];

/** A relative path of safe segments, e.g. tickets/20260620/lq2x3k-1.jpg or exports/c_1/17-楼栋台账.xlsx. */
export function isStoragePath(path: string): boolean {
  if (path.length === 0 || path.length > MAX_PATH) return false;
  return path.split('/').every((segment) => SEGMENT.test(segment) && !/^\.+$/.test(segment));
}

/**
 * A path an upload may create: a safe path whose folders have no dot and whose last segment is a file name
 * with a known extension. So an upload can never take a folder's name: a file at `tickets/20260620` would
 * make every later photo of that day fail to store under it.
 */
export function isUploadPath(path: string): boolean {
  if (!isStoragePath(path)) return false;
  const segments = path.split('/');
  const name = segments.pop()!;
  const ext = /^[^.]+.*\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return !!ext && UPLOAD_EXTENSIONS.includes(ext) && segments.every((folder) => !folder.includes('.'));
}
