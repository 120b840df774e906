/**
 * Keeps the routing index warm: built once per grid-map version, reused by every route until the map changes.
 *
 * The version lives in the store (one gridMapVersions document), not in memory, because the writer (the
 * `grid` function importing a map) and the readers (e.g. the `ticket` function) are separate instances in
 * production: each route reads that one document by id, and a changed number makes the next route rebuild.
 * A cache is a plain object: pass one in `RouteDeps.routingIndexes`, or let `routingIndexesFor(store)` keep
 * one beside the store it indexes, so a new store (every test) starts cold and nothing leaks between tests.
 */
import type { Store } from '../ports/store';
import { MapReadCache } from './map-reads';
import { GRID_MAP_VERSION_ID } from './map-version';
import { RoutingIndex, type GridMapSnapshot } from './routing-index';

export { bumpGridMapVersion, GRID_MAP_VERSION_ID } from './map-version';

/** Every community, grid and micro-grid, as the index needs them. */
export async function loadGridMap(store: Store): Promise<GridMapSnapshot> {
  const [communities, grids, microGrids] = await Promise.all([
    store.find('communities'),
    store.find('grids'),
    store.find('microGrids'),
  ]);
  // Retired grids and micro-grids keep their tickets' history but take no new reports.
  return {
    communities,
    grids: grids.filter((g) => !g.retiredAt),
    microGrids: microGrids.filter((m) => !m.retiredAt),
  };
}

export class RoutingIndexCache {
  private warm: { version: number; index: RoutingIndex } | null = null;
  private building: { version: number; promise: Promise<RoutingIndex> } | null = null;
  /** How many times an index was built: tests check that routes reuse it. */
  builds = 0;
  /** The documents the map hangs on, at the same version (map-reads.ts): one instance, one memory. */
  readonly mapReads = new MapReadCache();

  /** The index for the store's current map version, building it only when the version moved. */
  async get(store: Store): Promise<RoutingIndex> {
    // Read the version before the map: a map written meanwhile carries a newer version and rebuilds later.
    const version = (await store.get('gridMapVersions', GRID_MAP_VERSION_ID))?.version ?? 0;
    if (this.warm?.version === version) return this.warm.index;
    if (this.building?.version !== version) {
      const promise = loadGridMap(store).then((map) => {
        const index = new RoutingIndex(map);
        this.builds++;
        if (this.building?.promise === promise) this.building = null;
        if (!this.warm || this.warm.version <= version) this.warm = { version, index };
        return index;
      });
      promise.catch(() => {
        if (this.building?.promise === promise) this.building = null;
      });
      this.building = { version, promise };
    }
    return this.building.promise;
  }

  /** Drops the warm index (the writer's own instance calls this right after an import). */
  invalidate(): void {
    this.warm = null;
    this.building = null;
    this.mapReads.clear();
  }
}

const perStore = new WeakMap<Store, RoutingIndexCache>();

/** The cache that lives beside this store: one per store object, gone with it. */
export function routingIndexesFor(store: Store): RoutingIndexCache {
  let cache = perStore.get(store);
  if (!cache) {
    cache = new RoutingIndexCache();
    perStore.set(store, cache);
  }
  return cache;
}
