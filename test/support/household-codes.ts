/**
 * Binding a test resident the way a real one binds: a staff member of the household's community issues its
 * code, the resident binds with it, and where the community's policy asks for approval the staff member
 * approves the request (staff decide any request of their community).
 */
import type { Me } from '../../typings/user';
import type { Harness } from './harness';

/** The openid of a staff member of the community (the demo has one in each). */
export async function staffOpenidOf(h: Harness, communityId: string): Promise<string> {
  const [staff] = await h.deps.store.find('users', {
    where: { roleKeys: { has: `staff:${communityId}` } },
    limit: 1,
  });
  if (!staff) throw new Error(`no staff in ${communityId}`);
  return staff.openid;
}

/** A fresh code's scene for the household, issued by its community's staff. */
export async function issueCode(h: Harness, householdId: string): Promise<string> {
  const household = await h.deps.store.get('households', householdId);
  if (!household) throw new Error(`no household ${householdId}`);
  const staff = await staffOpenidOf(h, household.communityId);
  const { codes } = await h.as(staff).ok('user', 'issueHouseholdCodes', {
    communityId: household.communityId,
    householdId,
  });
  return codes[0]!.scene;
}

/** Binds the (logged-in) user to the household through a code, approved where the policy says so. */
export async function bindWithCode(h: Harness, openid: string, householdId: string): Promise<Me> {
  const scene = await issueCode(h, householdId);
  const outcome = await h.as(openid).ok('user', 'bindHousehold', { code: scene });
  if (outcome.status === 'bound') return outcome.me;
  const household = (await h.deps.store.get('households', householdId))!;
  const staff = await staffOpenidOf(h, household.communityId);
  const requestId = outcome.me.pendingBinding!.requestId;
  await h.as(staff).ok('user', 'approveBindRequest', { requestId });
  return h.as(openid).ok('user', 'me', {});
}
