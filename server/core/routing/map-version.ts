/**
 * The grid-map version: one document that every write to the map or to what hangs on it moves (boundaries,
 * buildings, estates, households, the roster, ticket policies, work calendars), so that each instance's
 * warm memory of them (the routing index, map-reads.ts) knows when to read again.
 */
import { isAppError } from '../errors';
import type { Store } from '../ports/store';

export const GRID_MAP_VERSION_ID = 'current';

/**
 * Marks the grid map changed; call right after every write to the collections of map-reads.ts
 * (VERSIONED_COLLECTIONS). One atomic increment: concurrent writers each move it.
 */
export async function bumpGridMapVersion(store: Store, updatedAt: string): Promise<void> {
  const move = { add: { version: 1 }, set: { updatedAt } };
  if (await store.increment('gridMapVersions', GRID_MAP_VERSION_ID, move)) return;
  try {
    await store.insert('gridMapVersions', { _id: GRID_MAP_VERSION_ID, version: 1, updatedAt });
  } catch (error) {
    // Another writer created it meanwhile: move theirs.
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    await store.increment('gridMapVersions', GRID_MAP_VERSION_ID, move);
  }
}
