/**
 * The one place routing's dependencies are built (issue 11 item 5): the staff preview (`grid.route`), a
 * submission and a manual routing all route with the same warm index, the same open-ticket counts and the
 * same category rules, so the preview names whom a real report would reach.
 */
import type { Store } from '../ports/store';
import { openTicketCounts } from '../tickets/open-counts';
import type { OpenTicketCounts } from './assign';
import { categoryRules as projectRules, type CategoryRule } from './category-rules';
import { routingIndexesFor, type RoutingIndexCache } from './index-cache';

export interface RouteDeps {
  store: Store;
  /** The warm index cache; default: the one kept beside `store` (see index-cache.ts). */
  routingIndexes?: RoutingIndexCache;
  /** Open tickets per user; default: counted from the tickets collection (tickets/open-counts.ts). */
  openTicketCounts?: OpenTicketCounts;
  /** Category rules; default: the project's table. */
  categoryRules?: readonly CategoryRule[];
}

export type RoutingDeps = Required<RouteDeps>;

/** Routing's dependencies from the application's: what is not given is the production default. */
export function routingDepsOf(deps: RouteDeps): RoutingDeps {
  return {
    store: deps.store,
    routingIndexes: deps.routingIndexes ?? routingIndexesFor(deps.store),
    openTicketCounts: deps.openTicketCounts ?? openTicketCounts(deps.store),
    categoryRules: deps.categoryRules ?? projectRules,
  };
}
