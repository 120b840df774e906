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
    incrementMany: async (collection, ids, increment, options) => {
      for (const id of ids) forget(collection, id);
      return store.incrementMany(collection, ids, increment, options);
    },
    transaction: (work) => {
      // What a transaction writes is not known here: forget everything once it is done.
      const done = store.transaction(work);
      void done.finally(() => seen.clear()).catch(() => undefined);
      return done;
    },
  };
}
