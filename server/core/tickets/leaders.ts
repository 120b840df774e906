/** Who stands above a ticket's assignee: the grid leader 网格长, then the community secretary 书记. */
import type { Store } from '../ports/store';
import type { User } from '../users/model';

/** The grid's leader (the primary one when several are listed). */
export async function gridLeaderOf(store: Store, gridId: string | null): Promise<User | null> {
  if (!gridId) return null;
  const members = await store.find('members', { where: { gridId, duty: 'leader' } });
  const leader = [...members].sort((a, b) => Number(b.primary) - Number(a.primary))[0];
  return leader ? store.get('users', leader.userId) : null;
}

/** The community's secretary, who receives letters and the last escalation. */
export async function secretaryOf(store: Store, communityId: string): Promise<User | null> {
  const community = await store.get('communities', communityId);
  return community?.secretaryUserId ? store.get('users', community.secretaryUserId) : null;
}
