/**
 * Invites: a person put on the roster who has never logged in claims their place with the invite code on
 * first login — the roster entry and the role appear together. A code works once; a bad, claimed or
 * revoked code is refused before anything is written.
 */
import { createHarness, type Harness } from '../support/harness';

const STAFF = 'dev-staff-wujiayuan';
const COMMUNITY = 'c_wujiayuan';
const MICRO_GRID = 'mg_wujiayuan_02_2';

describe('invites', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  const inviteWorker = () =>
    h.as(STAFF).ok('grid', 'invite', {
      communityId: COMMUNITY,
      name: '马晓燕',
      phone: '13800001111',
      duty: 'worker',
      gridId: 'g_wujiayuan_02',
      microGridId: MICRO_GRID,
    });

  test('a new worker claims the invite on first login: roster entry and worker role at once', async () => {
    const invite = await inviteWorker();
    expect(invite.code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(invite.phone).toBe('138****1111');
    const pending = await h.as(STAFF).ok('grid', 'members', { communityId: COMMUNITY });
    expect(pending.invites.map((i) => i.name)).toEqual(['马晓燕']);
    expect(JSON.stringify(await h.deps.store.find('invites'))).not.toContain(invite.code.replace(/-/g, ''));

    const me = await h.as('wx-ma').ok('user', 'login', { inviteCode: invite.code.toUpperCase() });
    expect(me.name).toBe('马晓燕');
    expect(me.roles).toEqual([
      { role: 'worker', communityId: COMMUNITY, gridId: 'g_wujiayuan_02', microGridId: MICRO_GRID },
    ]);
    const roster = await h.as(STAFF).ok('grid', 'members', { communityId: COMMUNITY });
    expect(roster.invites).toEqual([]);
    const workers = roster.grids
      .flatMap((g) => g.microGrids)
      .find((m) => m.microGridId === MICRO_GRID)!.workers;
    expect(workers.map((w) => w.name)).toContain('马晓燕');
    // Logging in again with the same code changes nothing.
    const again = await h.as('wx-ma').ok('user', 'login', { inviteCode: invite.code });
    expect(again.roles).toHaveLength(1);
  });

  test('a claimed, revoked or unknown code is refused and no user is created', async () => {
    const invite = await inviteWorker();
    await h.as('wx-ma').ok('user', 'login', { inviteCode: invite.code });
    const users = await h.deps.store.count('users');
    const claimed = await h.as('wx-other').call('user', 'login', { inviteCode: invite.code });
    expect(claimed).toMatchObject({ ok: false, error: { code: 'INVITE.CLAIMED' } });
    const unknown = await h.as('wx-other').call('user', 'login', { inviteCode: 'aaaa-bbbb-cccc' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVITE.INVALID' } });

    const second = await inviteWorker();
    await h.as(STAFF).ok('grid', 'revokeInvite', { communityId: COMMUNITY, inviteId: second.inviteId });
    const revoked = await h.as('wx-other').call('user', 'login', { inviteCode: second.code });
    expect(revoked).toMatchObject({ ok: false, error: { code: 'INVITE.REVOKED' } });
    expect(await h.deps.store.count('users')).toBe(users);
  });

  test('someone who logged in before claims a staff invite with claimInvite', async () => {
    await h.as('wx-early').ok('user', 'login', { name: '早到的人' });
    const invite = await h
      .as(STAFF)
      .ok('grid', 'invite', { communityId: COMMUNITY, name: '新干部', role: 'staff' });
    const me = await h.as('wx-early').ok('user', 'claimInvite', { code: invite.code });
    expect(me.roles).toEqual([{ role: 'staff', communityId: COMMUNITY }]);
    expect(me.name).toBe('早到的人');
  });

  test('staff of another community cannot invite here; an invite needs a duty or a role', async () => {
    const other = await h.as('dev-staff-dashaping').call('grid', 'invite', {
      communityId: COMMUNITY,
      name: '某人',
      role: 'staff',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    const neither = await h.as(STAFF).call('grid', 'invite', { communityId: COMMUNITY, name: '某人' });
    expect(neither).toMatchObject({ ok: false, error: { code: 'USER.ROLE_SCOPE_INVALID' } });
    expect(await h.deps.store.count('invites')).toBe(0);
  });
});
