import type { Me } from '../../../typings/user';
import { withRoles } from './role-keys';
import { isAppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { meView } from './me-view';
import type { User } from './model';

/** Creates the caller's user on first login, or returns the existing one: login twice, one user. */
export async function login(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  caller: Caller,
  input: { name?: string },
): Promise<Me> {
  const { store } = deps;
  const [existing] = await store.find('users', { where: { openid: caller.openid }, limit: 1 });
  if (existing) return meView(store, existing);

  const now = toIso(deps.clock.now());
  const user: User = {
    _id: deps.ids.next('user'),
    openid: caller.openid,
    name: input.name?.trim() || '微信用户',
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
    const [winner] = await store.find('users', { where: { openid: caller.openid }, limit: 1 });
    if (!winner) throw error;
    return meView(store, winner);
  }
  return meView(store, user);
}
