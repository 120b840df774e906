/**
 * WeChat group binding. A worker shares a notice card into the grid's group; when anyone opens the card
 * there, the client sends the group's cloudID, the decoder (a port) turns it into the opengid, and the group
 * is bound to the sharer's grid. The first binding wins (a later share from another grid's worker does not
 * move it); staff can move or remove a wrong one. Every (notice, group) pair is recorded as a share.
 *
 * The sharer is proven by a signed token in the card's path (share-token.ts), issued to a worker or leader of
 * a grid of the notice's community, and checked again when the card is opened: a crafted path names no one,
 * and someone who left the roster binds nothing. Only published notices are shared and bound.
 */
import type { BindGroupResult, GridGroupView, NoticeActions } from '../../../typings/notice';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { GroupTicketDecoder } from '../ports/group-ticket';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { requireCommunityStaff } from '../users/permissions';
import { loadNotice, loadNoticeInCommunity } from './access';
import { noticeIds, type GroupBinding, type GroupShare, type Notice } from './model';
import { chunks, findAll } from './paging';
import { signShare, verifyShare, type ShareClaim } from './share-token';

const REFUSALS = {
  forged: 'GROUP.TICKET_FORGED',
  expired: 'GROUP.TICKET_EXPIRED',
  unavailable: 'GROUP.UNAVAILABLE',
} as const;

/** The share path's token, for a worker or leader of a grid of the (published) notice's community. */
export async function issueShareToken(
  deps: Deps,
  caller: Caller,
  noticeId: string,
): Promise<{ shareToken: string }> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const notice = requirePublished(await loadNoticeInCommunity(store, user, noticeId));
  const gridId = await gridOf(store, user, notice.communityId);
  if (!gridId)
    throw new AppError('AUTH.FORBIDDEN', {
      message: '只有本社区的网格员和网格长可以分享通知到网格群，请转给您的网格员分享',
    });
  const shareToken = await signShare(deps, notice.communityId, notice._id, {
    sharerUserId: user._id,
    gridId,
  });
  return { shareToken };
}

/** A draft does not exist for anyone but staff; a withdrawn notice says so. */
function requirePublished(notice: Notice): Notice {
  if (notice.state === 'withdrawn') throw new AppError('NOTICE.WITHDRAWN');
  if (notice.state !== 'published') throw new AppError('NOTICE.NOT_FOUND');
  return notice;
}

/** The grid the token's sharer still works in: its leader, or a worker of one of its micro-grids. */
async function sharerGrid(store: Store, communityId: string, claim: ShareClaim | null): Promise<string> {
  const sharer = claim ? await store.get('users', claim.sharerUserId) : null;
  const grid = claim ? await store.get('grids', claim.gridId) : null;
  if (!claim || !sharer || !grid || grid.communityId !== communityId)
    throw new AppError('GROUP.SHARE_INVALID');
  for (const g of sharer.roles) {
    if (g.communityId !== communityId) continue;
    if (g.role === 'leader' && g.gridId === grid._id) return grid._id;
    if (g.role === 'worker' && g.gridId === grid._id) return grid._id;
    if (
      g.role === 'worker' &&
      g.microGridId &&
      (await store.get('microGrids', g.microGridId))?.gridId === grid._id
    )
      return grid._id;
  }
  throw new AppError('GROUP.SHARE_INVALID');
}

export async function bindGroup(
  deps: Deps,
  decoder: GroupTicketDecoder,
  caller: Caller,
  input: NoticeActions['bindGroup']['req'],
): Promise<BindGroupResult> {
  const { store } = deps;
  await loadActor(store, caller);
  const notice = requirePublished(await loadNotice(store, input.noticeId));
  const now = deps.clock.now();
  const decoded = await decoder.decode(input.cloudID, now);
  if (!decoded.ok) throw new AppError(REFUSALS[decoded.reason]);
  const claim = await verifyShare(deps, notice.communityId, notice._id, input.shareToken);
  const gridId = await sharerGrid(store, notice.communityId, claim);
  const sharerUserId = claim!.sharerUserId;
  const at = toIso(now);

  const binding = await store.transaction(async (tx) => {
    const bindingId = noticeIds.binding(decoded.opengid);
    let bound = await tx.get('groupBindings', bindingId);
    let fresh = false;
    if (bound && !bound.gridId && gridId) {
      // Staff unbound it: the group is free again, and the next card opened from it binds it afresh.
      bound = {
        ...bound,
        gridId,
        boundAt: at,
        boundBy: sharerUserId,
        fixedBy: null,
        version: bound.version + 1,
      };
      await tx.set('groupBindings', bound);
      fresh = true;
    } else if (!bound && gridId) {
      bound = {
        _id: bindingId,
        opengid: decoded.opengid,
        communityId: notice.communityId,
        gridId,
        boundAt: at,
        boundBy: sharerUserId,
        fixedBy: null,
        version: 1,
      };
      await tx.insert('groupBindings', bound);
      fresh = true;
    }
    const shareId = noticeIds.share(notice._id, decoded.opengid);
    const share = await tx.get('groupShares', shareId);
    if (share) await tx.update('groupShares', shareId, { opens: share.opens + 1 });
    else {
      const doc: GroupShare = {
        _id: shareId,
        noticeId: notice._id,
        opengid: decoded.opengid,
        communityId: notice.communityId,
        gridId: bound?.gridId ?? gridId,
        sharer: sharerUserId,
        firstOpenedAt: at,
        opens: 1,
      };
      await tx.insert('groupShares', doc);
    }
    return { bound, fresh };
  });
  if (!binding.bound?.gridId) return { outcome: 'noGrid', gridName: null };
  const grid = await store.get('grids', binding.bound.gridId);
  return { outcome: binding.fresh ? 'bound' : 'kept', gridName: grid?.name ?? null };
}

/** The grid a sharer works in within the community: a leader's grid, or a worker's micro-grid's grid. */
async function gridOf(store: Store, user: User, communityId: string): Promise<string | null> {
  for (const g of user.roles) {
    if (g.communityId !== communityId) continue;
    if (g.role === 'leader' && g.gridId) return g.gridId;
    if (g.role === 'worker') {
      if (g.gridId) return g.gridId;
      if (g.microGridId) {
        const micro = await store.get('microGrids', g.microGridId);
        if (micro) return micro.gridId;
      }
    }
  }
  return null;
}

/** Staff: every grid of the community with the groups bound to it and what was shared there. */
export async function groupsView(
  deps: Deps,
  caller: Caller,
  communityId: string,
): Promise<{ grids: GridGroupView[] }> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  requireCommunityStaff(user, communityId);
  const [grids, bindings, shares] = await Promise.all([
    findAll(store, 'grids', { communityId }),
    findAll(store, 'groupBindings', { communityId }),
    store.find('groupShares', { where: { communityId }, orderBy: [['firstOpenedAt', 'desc']], limit: 1000 }),
  ]);
  const titles = await titlesOf(store, [...new Set(shares.map((s) => s.noticeId))]);
  const names = await namesOf(store, [...new Set(bindings.map((b) => b.boundBy))]);
  return {
    grids: grids
      .sort((a, b) => a.sort - b.sort)
      .map((grid) => ({
        gridId: grid._id,
        name: grid.name,
        groups: bindings
          .filter((b) => b.gridId === grid._id)
          .map((b) => ({
            bindingId: b._id,
            label: `群 ${b.opengid.slice(-4).toUpperCase()}`,
            boundAt: b.boundAt,
            boundBy: names.get(b.boundBy) ?? '',
            fixed: b.fixedBy !== null,
            shares: shares
              .filter((s) => s.opengid === b.opengid)
              .map((s) => ({
                noticeId: s.noticeId,
                title: titles.get(s.noticeId) ?? '',
                firstOpenedAt: s.firstOpenedAt,
                opens: s.opens,
              })),
          })),
      })),
  };
}

/** Staff: move a group to another grid of its community, or unbind it (null). */
export async function fixGroup(
  deps: Deps,
  caller: Caller,
  input: { bindingId: string; gridId: string | null },
): Promise<{ grids: GridGroupView[] }> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const binding = await store.get('groupBindings', input.bindingId);
  if (!binding) throw new AppError('GROUP.NOT_FOUND');
  requireCommunityStaff(user, binding.communityId);
  if (input.gridId) {
    const grid = await store.get('grids', input.gridId);
    if (!grid || grid.communityId !== binding.communityId) throw new AppError('GRID.NOT_FOUND');
  }
  const patch: Partial<GroupBinding> = {
    gridId: input.gridId,
    fixedBy: user._id,
    version: binding.version + 1,
  };
  if (!(await store.update('groupBindings', binding._id, patch, { ifVersion: binding.version })))
    throw new AppError('STORE.CONFLICT');
  return groupsView(deps, caller, binding.communityId);
}

async function titlesOf(store: Store, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(ids, 100))
    for (const n of await store.find('notices', { where: { _id: { in: part } }, limit: part.length }))
      out.set(n._id, n.title);
  return out;
}

async function namesOf(store: Store, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(ids, 100))
    for (const u of await store.find('users', { where: { _id: { in: part } }, limit: part.length }))
      out.set(u._id, u.name);
  return out;
}
