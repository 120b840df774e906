import { AppError } from '../errors';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import type { User } from './model';

/** The user behind the caller; AUTH.UNAUTHENTICATED until they have logged in once. */
export async function loadActor(store: Store, caller: Caller): Promise<User> {
  const [user] = await store.find('users', { where: { openid: caller.openid }, limit: 1 });
  if (!user) throw new AppError('AUTH.UNAUTHENTICATED');
  return user;
}
