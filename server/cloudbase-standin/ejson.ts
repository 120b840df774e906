/** EJSON as node-sdk speaks it: canonical (relaxed: false) strings both ways, via the same bson the SDK uses. */
import { EJSON } from 'bson';
import { invalid } from './errors';

export type Doc = Record<string, unknown> & { _id: string };

/** Parses one EJSON string from a request; plain JSON is valid EJSON too. */
export function parseEjson(text: unknown, field: string): unknown {
  if (typeof text !== 'string') throw invalid(`${field} must be an EJSON string`);
  try {
    return EJSON.parse(text);
  } catch {
    throw invalid(`${field} is not valid EJSON`);
  }
}

/** A document for a response, as CloudBase returns it: one canonical EJSON string per document. */
export function stringifyDoc(doc: Record<string, unknown>): string {
  return EJSON.stringify(doc, { relaxed: false });
}
