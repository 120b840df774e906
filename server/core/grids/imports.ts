/**
 * The import and export use cases: staff of the community only; validate everything → write → reply.
 * A boundary import moves the grid-map version, so every warm routing index rebuilds on its next route.
 */
import type { ImportSummary, LedgerKind } from '../../../typings/grid';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { bumpGridMapVersion, type RoutingIndexCache } from '../routing/index-cache';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { requireCommunityStaff } from '../users/permissions';
import { AppError } from '../errors';
import { importBoundaries } from './ledger/import-boundaries';
import { importBuildings } from './ledger/import-buildings';
import { importHouseholds } from './ledger/import-households';
import { importMembers } from './ledger/import-members';
import { inviteAll } from '../users/invites';
import type { LedgerTable } from './ledger/table';

type ImportDeps = Pick<Deps, 'store' | 'clock' | 'secrets'>;

/** Checks the caller is staff of an existing community. */
export async function requireStaffOf(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  communityId: string,
): Promise<void> {
  requireCommunityStaff(await loadActor(deps.store, caller), communityId);
  if (!(await deps.store.get('communities', communityId))) throw new AppError('COMMUNITY.NOT_FOUND');
}

/** Imports grid and micro-grid boundaries from parsed GeoJSON. */
export async function importGridMap(
  deps: ImportDeps & { routingIndexes?: RoutingIndexCache },
  caller: Caller,
  input: { communityId: string; geojson: unknown },
): Promise<ImportSummary> {
  await requireStaffOf(deps, caller, input.communityId);
  const counts = await importBoundaries(deps.store, input.communityId, input.geojson);
  if (counts.created + counts.updated > 0) {
    await bumpGridMapVersion(deps.store, toIso(deps.clock.now()));
    deps.routingIndexes?.invalidate();
  }
  return { kind: 'boundaries', ...counts };
}

/** Imports one ledger table (buildings, households or members). */
export async function importLedgerTable(
  deps: ImportDeps,
  caller: Caller,
  input: { communityId: string; kind: LedgerKind; table: LedgerTable },
): Promise<ImportSummary> {
  await requireStaffOf(deps, caller, input.communityId);
  const { store } = deps;
  if (input.kind !== 'members') {
    const counts =
      input.kind === 'buildings'
        ? await importBuildings(store, input.communityId, input.table)
        : await importHouseholds(store, input.communityId, input.table);
    return { kind: input.kind, ...counts };
  }
  const { invitees, ...counts } = await importMembers(
    store,
    input.communityId,
    input.table,
    toIso(deps.clock.now()),
  );
  return { kind: input.kind, ...counts, invites: await inviteAll(deps, caller, input.communityId, invitees) };
}
