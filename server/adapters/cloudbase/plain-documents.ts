/**
 * Documents as the Store returns them: plain data. node-sdk turns every stored object that looks like GeoJSON
 * ({type: 'Polygon', coordinates}, Point, MultiPolygon, …) into its own Geo class instance on read
 * (@cloudbase/database Util.formatResDocumentData), which has no `coordinates`: a micro-grid's boundary
 * would reach the routing index as a `Polygon { lines }`. Such instances are turned back into their JSON.
 */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function plainData(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(plainData);
  if (!isPlainObject(value) && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return plainData((value as { toJSON(): unknown }).toJSON());
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = plainData(item);
  return out;
}
