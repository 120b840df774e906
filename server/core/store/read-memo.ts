/**
 * One action's memory of what it read by id: a use case that needs the same document twice (the household
 * for the place and for the home community, the building for the place and for routing) asks the database
 * once. Every round trip costs a serverless function ~10 ms; this is the cheapest of them to cut. Lives only
 * as long as the action: a write through it forgets the document, and transactions always read afresh.
 */
import type { Store } from '../ports/store';

/** The store, with `get` remembered per (collection, id) for as long as the returned object is used. */
export function memoReads(store: Store): Store {
  const seen = new Map<string, Promise<unknown>>();
  const key = (collection: string, id: string) => `${collection}\u0000${id}`;
  const forget = (collection: string, id: string) => seen.delete(key(collection, id));
  return {
    get: (collection, id) => {
      const k = key(collection, id);
      let read = seen.get(k) as ReturnType<Store['get']> | undefined;
      if (!read) {
        read = store.get(collection, id);
        seen.set(k, read);
        // A failed read is not remembered: the next caller asks again.
        read.catch(() => seen.delete(k));
      }
      return read as never;
    },
    find: (collection, query) => store.find(collection, query),
    count: (collection, where) => store.count(collection, where),
    insert: async (collection, doc) => {
      forget(collection, doc._id);
      await store.insert(collection, doc);
    },
    insertMany: async (collection, docs) => {
      for (const doc of docs) forget(collection, doc._id);
      await store.insertMany(collection, docs);
    },
    update: async (collection, id, patch, options) => {
      forget(collection, id);
      return store.update(collection, id, patch, options);
    },
    remove: async (collection, id) => {
      forget(collection, id);
      await store.remove(collection, id);
    },
    increment: async (collection, id, increment) => {
      forget(collection, id);
      return store.increment(collection, id, increment);
    },
    updateIf: async (collection, id, where, patch) => {
      forget(collection, id);
      return store.updateIf(collection, id, where, patch);
    },
    incrementMany: async (collection, ids, increment, options) => {
      for (const id of ids) forget(collection, id);
      return store.incrementMany(collection, ids, increment, options);
    },
    transaction: (work) => {
      // What the transaction writes is forgotten as it writes and again once it is done (a read between its
      // write and its commit may have remembered the old document); what it does not write stays known.
      const written = new Set<string>();
      const wrote = (collection: string, id: string) => {
        written.add(key(collection, id));
        forget(collection, id);
      };
      const done = store.transaction((tx) =>
        work({
          get: (collection, id) => tx.get(collection, id),
          insert: (collection, doc) => (wrote(collection, doc._id), tx.insert(collection, doc)),
          insertMany: (collection, docs) => {
            for (const doc of docs) wrote(collection, doc._id);
            return tx.insertMany(collection, docs);
          },
          increment: (collection, id, increment) => (
            wrote(collection, id),
            tx.increment(collection, id, increment)
          ),
          set: (collection, doc) => (wrote(collection, doc._id), tx.set(collection, doc)),
          update: (collection, id, patch) => (wrote(collection, id), tx.update(collection, id, patch)),
          delete: (collection, id) => (wrote(collection, id), tx.delete(collection, id)),
        }),
      );
      void done.finally(() => written.forEach((k) => seen.delete(k))).catch(() => undefined);
      return done;
    },
  };
}
