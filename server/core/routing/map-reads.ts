/**
 * A warm per-instance memory of the grid map and what hangs on it — households, buildings, estates, grids,
 * micro-grids, the roster (members), ticket policies and work calendars — valid for one grid-map version.
 * Every one of these is written only by staff (imports, edits, retirement, roster, deadline policy,
 * calendar), and each such write moves the one gridMapVersions document afterwards (bumpGridMapVersion).
 * So an action reads that document once and takes the rest from memory while the number stands: a submit
 * asks the database for 1 document instead of 8. A changed number empties the memory; the next reads fetch
 * afresh. Users, grants, tickets and everything else pass through: they change without a version.
 *
 * What it costs: a writer that changed one of these collections and died before moving the version leaves
 * instances reading the old document until the next move. Writers move it right after their write, so the
 * window is that of a crash between two requests.
 */
import type { Store } from '../ports/store';
import type { CollectionName } from '../store/collections';
import { GRID_MAP_VERSION_ID } from './map-version';

/** A JSON copy, not structuredClone: documents are plain JSON, and the pages' jsdom tests have no structuredClone. */
const copyOf = <T>(value: T): T =>
  value === null || value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

/** Collections whose every write moves the grid-map version (see the writers in core/grids, calendar, tickets). */
export const VERSIONED_COLLECTIONS: ReadonlySet<CollectionName> = new Set<CollectionName>([
  'households',
  'buildings',
  'estates',
  'grids',
  'microGrids',
  'members',
  'ticketPolicies',
  'workCalendars',
]);

/** Entries kept at most; past it the memory starts again (a street has ~50,000 households). */
const MAX_ENTRIES = 20_000;

export class MapReadCache {
  private version: number | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();
  /** Reads that went to the database for a versioned collection: tests check the memory is used. */
  misses = 0;

  /**
   * The store for one action: gets of the versioned collections and finds of members come from memory at
   * the version read (once) at the action's first such read; everything else passes through.
   */
  view(store: Store): Store {
    let current: Promise<void> | null = null;
    const atCurrentVersion = () =>
      (current ??= store.get('gridMapVersions', GRID_MAP_VERSION_ID).then((doc) => {
        const version = doc?.version ?? 0;
        if (version !== this.version) {
          this.entries.clear();
          this.version = version;
        }
      }));
    const remembered = async <T>(key: string, read: () => Promise<T>): Promise<T> => {
      await atCurrentVersion();
      let entry = this.entries.get(key) as Promise<T> | undefined;
      if (!entry) {
        if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
        this.misses += 1;
        entry = read();
        this.entries.set(key, entry);
        // A failed read is not remembered: the next caller asks again.
        entry.catch(() => this.entries.delete(key));
      }
      // A copy: the memory is shared by every action of the instance, and a caller may change what it got.
      return copyOf(await entry);
    };
    const forget = (collection: CollectionName) => {
      if (VERSIONED_COLLECTIONS.has(collection)) this.entries.clear();
    };
    return {
      get: (collection, id) =>
        VERSIONED_COLLECTIONS.has(collection)
          ? remembered(`${collection}\u0000${id}`, () => store.get(collection, id))
          : store.get(collection, id),
      find: (collection, query) =>
        collection === 'members'
          ? remembered(`members\u0000find\u0000${JSON.stringify(query ?? {})}`, () =>
              store.find(collection, query),
            )
          : store.find(collection, query),
      count: (collection, where) => store.count(collection, where),
      insert: async (collection, doc) => {
        forget(collection);
        await store.insert(collection, doc);
      },
      insertMany: async (collection, docs) => {
        forget(collection);
        await store.insertMany(collection, docs);
      },
      update: async (collection, id, patch, options) => {
        forget(collection);
        return store.update(collection, id, patch, options);
      },
      remove: async (collection, id) => {
        forget(collection);
        await store.remove(collection, id);
      },
      increment: async (collection, id, increment) => {
        forget(collection);
        return store.increment(collection, id, increment);
      },
      updateIf: async (collection, id, where, patch) => {
        forget(collection);
        return store.updateIf(collection, id, where, patch);
      },
      incrementMany: async (collection, ids, increment, options) => {
        forget(collection);
        return store.incrementMany(collection, ids, increment, options);
      },
      // Transactions read afresh, always: they are where decisions are checked.
      transaction: (work) => store.transaction(work),
    };
  }

  /** Forgets everything (the writer's own instance, right after it moved the version). */
  clear(): void {
    this.entries.clear();
    this.version = null;
  }
}
