/**
 * Writes an import's documents after every row has been validated. CloudBase has no multi-document
 * transactions over queries, so "nothing is written if any row is wrong" holds by order, not by a transaction:
 * every check (cells, references to existing documents and to other rows) runs before the first write.
 * Writes are idempotent upserts under stable ids, so an import cut off by a failure is completed by running
 * the same file again; a document that is already as the file says is not written at all.
 */
import type { CollectionDocs, CollectionName } from '../../store/collections';
import type { Store } from '../../ports/store';

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const INSERT_BATCH = 100;
const SET_BATCH = 20;

/** JSON with sorted keys, so that two documents with the same fields compare equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Inserts new documents and replaces changed ones, in batches; leaves equal ones alone. A dry run counts what
 * it would do and writes nothing: the import's preview.
 */
export async function upsertAll<C extends CollectionName>(
  store: Store,
  collection: C,
  docs: Array<CollectionDocs[C]>,
  existing: ReadonlyMap<string, CollectionDocs[C]>,
  dryRun = false,
): Promise<UpsertCounts> {
  const created: Array<CollectionDocs[C]> = [];
  const changed: Array<CollectionDocs[C]> = [];
  for (const doc of docs) {
    const before = existing.get(doc._id);
    if (!before) created.push(doc);
    else if (canonical(before) !== canonical(doc)) changed.push(doc);
  }
  if (dryRun)
    return {
      created: created.length,
      updated: changed.length,
      unchanged: docs.length - created.length - changed.length,
    };
  for (let i = 0; i < created.length; i += INSERT_BATCH)
    await store.insertMany(collection, created.slice(i, i + INSERT_BATCH));
  for (let i = 0; i < changed.length; i += SET_BATCH) {
    const batch = changed.slice(i, i + SET_BATCH);
    await store.transaction(async (tx) => {
      for (const doc of batch) await tx.set(collection, doc);
    });
  }
  return {
    created: created.length,
    updated: changed.length,
    unchanged: docs.length - created.length - changed.length,
  };
}

/** Documents by id. */
export function byId<T extends { _id: string }>(docs: T[]): Map<string, T> {
  return new Map(docs.map((d) => [d._id, d]));
}
