/**
 * Who stands above a ticket's assignee: the grid leader 网格长, then the community secretary 书记; and who
 * keeps the community's duty queue 值班台: its staff and secretary.
 */
import type { Store } from '../ports/store';
import type { User } from '../users/model';
import { roleKey } from '../users/role-keys';

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

/** The people who triage the community's duty queue: its staff and its secretary. */
export async function dutyDeskOf(store: Store, communityId: string): Promise<string[]> {
  const [staff, secretaries] = await Promise.all([
    store.find('users', { where: { roleKeys: { has: roleKey('staff', communityId) } } }),
    store.find('users', { where: { roleKeys: { has: roleKey('secretary', communityId) } } }),
  ]);
  return [...new Set([...staff, ...secretaries].map((u) => u._id))];
}
