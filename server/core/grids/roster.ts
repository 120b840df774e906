/** The member roster of a community (1+4+X), built from a whitelist of fields: phones masked. */
import { microGridLabel } from './labels';
import type { MemberView, RosterView } from '../../../typings/grid';
import type { Store } from '../ports/store';
import type { User } from '../users/model';
import type { Member } from './model';
import type { Invite } from '../users/invite-model';
import type { InviteView } from '../../../typings/grid';

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string | null): string | null {
  return phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null;
}

function memberView(m: Member, user: User | undefined): MemberView {
  return {
    memberId: m._id,
    userId: m.userId,
    name: user?.name ?? '（未知用户）',
    phone: maskPhone(user?.phone ?? null),
    duty: m.duty,
    gridId: m.gridId,
    microGridId: m.microGridId,
    primary: m.primary,
    onDuty: m.onDuty,
  };
}

const primaryFirst = (a: MemberView, b: MemberView) =>
  Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name, 'zh');

export async function rosterView(store: Store, communityId: string): Promise<RosterView> {
  const [community, grids, microGrids, members, invites] = await Promise.all([
    store.get('communities', communityId),
    store.find('grids', { where: { communityId }, orderBy: [['sort', 'asc']] }),
    store.find('microGrids', { where: { communityId }, orderBy: [['sort', 'asc']] }),
    store.find('members', { where: { communityId } }),
    store.find('invites', { where: { communityId, claimedByUserId: null, revokedAt: null } }),
  ]);
  const userIds = [
    ...new Set([
      ...members.map((m) => m.userId),
      ...(community?.secretaryUserId ? [community.secretaryUserId] : []),
    ]),
  ];
  const users = userIds.length ? await store.find('users', { where: { _id: { in: userIds } } }) : [];
  const user = new Map(users.map((u) => [u._id, u]));
  const views = members.map((m) => memberView(m, user.get(m.userId)));
  const secretary = community?.secretaryUserId ? user.get(community.secretaryUserId) : undefined;
  return {
    communityId,
    secretary: secretary ? { userId: secretary._id, name: secretary.name } : null,
    grids: grids.map((g) => ({
      gridId: g._id,
      name: g.name,
      kind: g.kind,
      leaders: views.filter((v) => v.gridId === g._id && v.duty === 'leader').sort(primaryFirst),
      force: views
        .filter((v) => v.gridId === g._id && v.duty !== 'leader' && v.duty !== 'worker')
        .sort(primaryFirst),
      microGrids: microGrids
        .filter((m) => m.gridId === g._id)
        .map((m) => ({
          microGridId: m._id,
          label: microGridLabel(g, m.name),
          workers: views.filter((v) => v.microGridId === m._id && v.duty === 'worker').sort(primaryFirst),
        })),
    })),
    invites: invites.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).map(inviteView),
  };
}

export function inviteView(invite: Invite): InviteView {
  return {
    inviteId: invite._id,
    name: invite.name,
    phone: maskPhone(invite.phone),
    duty: invite.duty,
    role: invite.role,
    gridId: invite.gridId,
    microGridId: invite.microGridId,
    primary: invite.primary,
    createdAt: invite.createdAt,
  };
}
