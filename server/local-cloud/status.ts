import { pendingNotifications } from '../core/notifications/pending';
import type { LocalDeps } from './deps';

export interface LocalStatus {
  service: 'gridlink-local-cloud';
  functions: string[];
  counts: { communities: number; grids: number; microGrids: number; households: number; users: number };
  /** Every community's id and name: the ids most actions take as `communityId`. */
  communities: Array<{ communityId: string; name: string }>;
  /** Notifications not yet delivered or given up: outbox recipients not fanned out, plus pending and sending. */
  pendingNotifications: number;
}

/** What GET / answers: the functions served, the size of the data, the communities, what is waiting to be pushed. */
export async function localStatus(deps: LocalDeps, functionNames: string[]): Promise<LocalStatus> {
  const { store } = deps;
  return {
    service: 'gridlink-local-cloud',
    functions: functionNames,
    counts: {
      communities: await store.count('communities'),
      grids: await store.count('grids'),
      microGrids: await store.count('microGrids'),
      households: await store.count('households'),
      users: await store.count('users'),
    },
    communities: (await store.find('communities', { orderBy: [['_id', 'asc']] })).map((c) => ({
      communityId: c._id,
      name: c.name,
    })),
    pendingNotifications: await pendingNotifications(store),
  };
}
