/**
 * A leader or worker member needs the matching role grant on their user, or they could not see the tickets
 * routed to them. Members are the roster; grants are the permissions: this keeps the second in step.
 */
import type { RoleGrant } from '../../../typings/user';
import { AppError } from '../errors';
import type { Store } from '../ports/store';
import { sameGrant } from '../users/permissions';
import type { Member } from './model';
import { withRoles } from '../users/role-keys';

/** The role grant a member implies, if any. */
export function grantFor(
  member: Pick<Member, 'communityId' | 'gridId' | 'microGridId' | 'duty'>,
): RoleGrant | null {
  if (member.duty === 'leader')
    return { role: 'leader', communityId: member.communityId, gridId: member.gridId };
  if (member.duty === 'worker' && member.microGridId) {
    return {
      role: 'worker',
      communityId: member.communityId,
      gridId: member.gridId,
      microGridId: member.microGridId,
    };
  }
  return null;
}

/** Adds the grants these members imply to their users (once each; existing grants are kept). */
export async function ensureGrants(
  store: Store,
  members: Array<Pick<Member, 'userId' | 'communityId' | 'gridId' | 'microGridId' | 'duty'>>,
  now: string,
): Promise<void> {
  const wanted = new Map<string, RoleGrant[]>();
  for (const m of members) {
    const grant = grantFor(m);
    if (grant) wanted.set(m.userId, [...(wanted.get(m.userId) ?? []), grant]);
  }
  for (const [userId, grants] of wanted) {
    for (let attempt = 0; ; attempt++) {
      const user = await store.get('users', userId);
      if (!user) throw new AppError('USER.NOT_FOUND');
      const add = grants.filter(
        (g, i) => !user.roles.some((r) => sameGrant(r, g)) && grants.findIndex((o) => sameGrant(o, g)) === i,
      );
      if (add.length === 0) break;
      const ok = await store.update(
        'users',
        userId,
        {
          ...withRoles([...user.roles, ...add]),
          updatedAt: now,
          version: user.version + 1,
        },
        { ifVersion: user.version },
      );
      if (ok) break;
      if (attempt >= 2) throw new AppError('STORE.CONFLICT');
    }
  }
}
