import type { Me } from '../../../typings/user';
import { withRoles } from './role-keys';
import { AppError, isAppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { findInvite, inviteRefused } from './invite-code';
import { claimInviteFor } from './invites';
import { meView } from './me-view';
import { UNNAMED_USER, type User } from './model';

type LoginDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'secrets'>;

/**
 * Creates the caller's user on first login, or returns the existing one: login twice, one user. With an
 * invite code, the invite is claimed too; a bad code is refused before anything is written.
 */
export async function login(
  deps: LoginDeps,
  caller: Caller,
  input: { name?: string; inviteCode?: string },
): Promise<Me> {
  const { store } = deps;
  if (input.inviteCode) {
    const found = await findInvite(store, deps.secrets, input.inviteCode);
    if (!found) throw new AppError('INVITE.INVALID');
    const { invite } = found;
    if (invite.revokedAt) throw inviteRefused(found.kind, 'INVITE.REVOKED');
    const existing = await byOpenid(store, caller.openid);
    if (invite.claimedByUserId && invite.claimedByUserId !== existing?._id)
      throw inviteRefused(found.kind, 'INVITE.CLAIMED');
  }
  const user = await findOrCreate(deps, caller, input.name);
  if (!input.inviteCode) return meView(store, user);
  return meView(store, await claimInviteFor(deps, user, input.inviteCode));
}

async function byOpenid(store: Store, openid: string): Promise<User | undefined> {
  const [user] = await store.find('users', { where: { openid }, limit: 1 });
  return user;
}

async function findOrCreate(deps: LoginDeps, caller: Caller, name: string | undefined): Promise<User> {
  const { store } = deps;
  const existing = await byOpenid(store, caller.openid);
  if (existing) return existing;
  const now = toIso(deps.clock.now());
  const user: User = {
    _id: deps.ids.next('user'),
    openid: caller.openid,
    name: name?.trim() || UNNAMED_USER,
    phone: null,
    ...withRoles([]),
    householdId: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  try {
    await store.insert('users', user);
  } catch (error) {
    // Two first logins at once: the unique openid index lets one win; the other reads the winner.
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    const winner = await byOpenid(store, caller.openid);
    if (!winner) throw error;
    return winner;
  }
  return user;
}
