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
import { isCommunityStaff, requireCommunityStaff } from '../users/permissions';
import { isStreetOfficeOf } from '../street/scope';
import { codePrefixOf } from '../street/communities';
import type { CoordinateSystem } from './coordinates';
import { AppError } from '../errors';
import { importBoundaries } from './ledger/import-boundaries';
import { importBuildings } from './ledger/import-buildings';
import { importHouseholds } from './ledger/import-households';
import { importMembers } from './ledger/import-members';
import { inviteAll } from '../users/invites';
import type { LedgerTable } from './ledger/table';

type ImportDeps = Pick<Deps, 'store' | 'clock' | 'secrets'>;

/** Checks the caller is staff of an existing community, or of the street office that owns it. */
export async function requireStaffOf(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  communityId: string,
): Promise<void> {
  const actor = await loadActor(deps.store, caller);
  if (isCommunityStaff(actor, communityId)) {
    if (!(await deps.store.get('communities', communityId))) throw new AppError('COMMUNITY.NOT_FOUND');
    return;
  }
  const community = await deps.store.get('communities', communityId);
  if (!community || !(await isStreetOfficeOf(deps.store, actor._id, community))) {
    requireCommunityStaff(actor, communityId);
  }
}

/** Imports grid and micro-grid boundaries from parsed GeoJSON. */
export async function importGridMap(
  deps: ImportDeps & { routingIndexes?: RoutingIndexCache },
  caller: Caller,
  input: { communityId: string; geojson: unknown; coordinateSystem?: CoordinateSystem },
): Promise<ImportSummary> {
  await requireStaffOf(deps, caller, input.communityId);
  const community = (await deps.store.get('communities', input.communityId))!;
  const counts = await importBoundaries(deps.store, input.communityId, input.geojson, {
    coordinateSystem: input.coordinateSystem,
    codePrefix: await codePrefixOf(deps.store, community),
  });
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
  input: { communityId: string; kind: LedgerKind; table: LedgerTable; dryRun?: boolean },
): Promise<ImportSummary> {
  await requireStaffOf(deps, caller, input.communityId);
  const { store } = deps;
  const dryRun = input.dryRun === true;
  const preview = dryRun ? { dryRun: true as const } : {};
  if (input.kind !== 'members') {
    const counts =
      input.kind === 'buildings'
        ? await importBuildings(store, input.communityId, input.table, dryRun)
        : await importHouseholds(store, input.communityId, input.table, dryRun);
    // Buildings and households are in every instance's warm map memory (routing/map-reads.ts).
    if (!dryRun && counts.created + counts.updated > 0)
      await bumpGridMapVersion(store, toIso(deps.clock.now()));
    return { kind: input.kind, ...counts, ...preview };
  }
  const { invitees, ...counts } = await importMembers(
    store,
    input.communityId,
    input.table,
    toIso(deps.clock.now()),
    dryRun,
  );
  if (dryRun) return { kind: input.kind, ...counts, toInvite: invitees.length, ...preview };
  await bumpGridMapVersion(store, toIso(deps.clock.now()));
  return { kind: input.kind, ...counts, invites: await inviteAll(deps, caller, input.communityId, invitees) };
}
