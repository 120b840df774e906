/**
 * A street office manages its own officers (grid.officers / inviteOfficer / revokeOfficerInvite /
 * removeOfficer): an officer invites a colleague, who claims the code at login through the same
 * `user.claimInvite` path as a community invite and is then an officer; a revoked or used code is refused
 * with its own code; the last officer stays; nobody outside the office may do any of it, and a refusal
 * writes nothing.
 */
import type { NewOfficerInvite } from '../../typings/grid';
import { createHarness, type Harness } from '../support/harness';

const OFFICER = 'dev-street-jianlanlu';
const STREET = 's_jianlanlu';
/** The officer of 草场街街道, the street of 大砂坪社区: another street's office. */
const OTHER_OFFICER = 'dev-street-caochangjie';
const STAFF = 'dev-staff-wujiayuan';
const MONTH = { fromMonth: '2026-06', toMonth: '2026-06' };

describe('a street office manages its officers', () => {
  let h: Harness;
  const officers = async () => (await h.deps.store.get('streets', STREET))!.officerUserIds;
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  const invite = (name = '李晓梅', phone?: string) =>
    h.as(OFFICER).ok('grid', 'inviteOfficer', { name, ...(phone ? { phone } : {}) });

  test('a phone already an officer’s, or already invited and not yet claimed, gets no second code', async () => {
    await invite('李晓梅', '13912345678');
    const again = await h.as(OFFICER).call('grid', 'inviteOfficer', { name: '李晓梅', phone: '13912345678' });
    expect(code(again)).toBe('STREET.ALREADY_INVITED');
    expect(await h.deps.store.count('streetInvites', { streetId: STREET })).toBe(1);
    const me = await h.as(OFFICER).ok('user', 'me', {});
    await h.deps.store.update('users', me.userId, { phone: '13700001111' });
    const self = await h.as(OFFICER).call('grid', 'inviteOfficer', { name: '周建华', phone: '13700001111' });
    expect(code(self)).toBe('STREET.ALREADY_INVITED');
    // Without a phone there is nothing to compare: a second person of the same name is invited.
    await invite('李晓梅');
    expect(await h.deps.store.count('streetInvites', { streetId: STREET })).toBe(2);
  });

  test('a colleague claims the code and is an officer; the first removes them again', async () => {
    const first = await h.as(OFFICER).ok('user', 'me', {});
    const sent: NewOfficerInvite = await invite('李晓梅', '13912345678');
    expect(sent.code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(sent.phone).toBe('139****5678');
    // Only a hash of the code is stored.
    expect(JSON.stringify(await h.deps.store.find('streetInvites'))).not.toContain(
      sent.code.replace(/-/g, ''),
    );
    const listed = await h.as(OFFICER).ok('grid', 'officers', {});
    expect(listed.invites.map((i) => [i.name, i.phone])).toEqual([['李晓梅', '139****5678']]);
    expect(listed.officers.map((o) => [o.name, o.self])).toEqual([['周建华', true]]);

    // The colleague has logged in before (no role) and types the code on the home page.
    const colleague = h.as('wx-lixiaomei');
    await colleague.ok('user', 'login', {});
    expect(code(await colleague.call('ticket', 'streetFigures', MONTH))).toBe('STREET.NOT_FOUND');
    const me = await colleague.ok('user', 'claimInvite', { code: sent.code.toUpperCase() });
    expect(me.streets).toEqual([{ role: 'street', streetId: STREET, name: '建兰路街道' }]);
    expect(me.name).toBe('李晓梅');
    expect((await colleague.ok('user', 'me', {})).streets.map((s) => s.streetId)).toEqual([STREET]);
    expect((await h.deps.store.get('users', me.userId))!.phone).toBe('13912345678');
    const ranking = await colleague.ok('ticket', 'streetFigures', MONTH);
    expect(ranking.rows.map((r) => r.name)).toEqual(['吴家园社区']);
    expect((await colleague.ok('grid', 'street', {})).name).toBe('建兰路街道');
    // Claiming again is a no-op for the one who claimed it; for anyone else the code is used.
    await colleague.ok('user', 'claimInvite', { code: sent.code });
    expect(await officers()).toEqual([first.userId, me.userId]);
    const late = await h.as('wx-late').call('user', 'login', { inviteCode: sent.code });
    expect(code(late)).toBe('INVITE.CLAIMED');
    expect(late.ok ? '' : late.error.message).toContain('请向街道工作人员索取');
    expect(await h.deps.store.find('users', { where: { openid: 'wx-late' } })).toEqual([]);

    const office = await h.as(OFFICER).ok('grid', 'officers', {});
    expect(office.officers.map((o) => o.name)).toEqual(['周建华', '李晓梅']);
    expect(office.officers[1]!.phone).toBe('139****5678');
    expect(office.invites).toEqual([]);

    // The first removes the colleague, and nothing else: the office keeps its first officer.
    const after = await h.as(OFFICER).ok('grid', 'removeOfficer', { userId: me.userId });
    expect(after.officers.map((o) => o.name)).toEqual(['周建华']);
    expect(await officers()).toEqual([first.userId]);
    expect((await colleague.ok('user', 'me', {})).streets).toEqual([]);
    expect(code(await colleague.call('grid', 'officers', {}))).toBe('STREET.NOT_FOUND');
    expect((await h.as(OFFICER).ok('user', 'me', {})).streets.map((s) => s.streetId)).toEqual([STREET]);
  });

  test('a colleague invited before their first login claims the code as they log in', async () => {
    const sent = await invite('王强');
    const me = await h.as('wx-wangqiang').ok('user', 'login', { inviteCode: sent.code });
    expect(me.streets.map((s) => s.streetId)).toEqual([STREET]);
    expect(me.name).toBe('王强');
  });

  test('a revoked code is refused with its own code, and a claimed invite cannot be revoked', async () => {
    const sent = await invite();
    const view = await h.as(OFFICER).ok('grid', 'revokeOfficerInvite', { inviteId: sent.inviteId });
    expect(view.invites).toEqual([]);
    const refused = await h.as('wx-revoked').call('user', 'login', { inviteCode: sent.code });
    expect(code(refused)).toBe('INVITE.REVOKED');
    await h.as('wx-revoked').ok('user', 'login', {});
    expect(code(await h.as('wx-revoked').call('user', 'claimInvite', { code: sent.code }))).toBe(
      'INVITE.REVOKED',
    );
    expect(await officers()).toHaveLength(1);

    const claimed = await invite('张敏');
    await h.as('wx-zhangmin').ok('user', 'login', { inviteCode: claimed.code });
    const again = await h.as(OFFICER).call('grid', 'revokeOfficerInvite', { inviteId: claimed.inviteId });
    expect(code(again)).toBe('INVITE.CLAIMED');
    expect(await officers()).toHaveLength(2);
    const unknown = await h.as('wx-unknown').call('user', 'login', { inviteCode: 'aaaa-bbbb-cccc' });
    expect(code(unknown)).toBe('INVITE.INVALID');
  });

  test('the last officer cannot be removed; removing oneself is allowed while another remains', async () => {
    const first = await h.as(OFFICER).ok('user', 'me', {});
    const last = await h.as(OFFICER).call('grid', 'removeOfficer', { userId: first.userId });
    expect(code(last)).toBe('STREET.LAST_OFFICER');
    expect(last.ok ? '' : last.error.message).toContain('请');
    expect(await officers()).toEqual([first.userId]);

    const sent = await invite('李晓梅');
    const colleague = await h.as('wx-lixiaomei').ok('user', 'login', { inviteCode: sent.code });
    const left = await h.as(OFFICER).ok('grid', 'removeOfficer', { userId: first.userId });
    expect(left.officers.map((o) => [o.name, o.self])).toEqual([['李晓梅', false]]);
    expect(await officers()).toEqual([colleague.userId]);
    expect(code(await h.as(OFFICER).call('grid', 'officers', {}))).toBe('STREET.NOT_FOUND');
    const alone = await h.as('wx-lixiaomei').call('grid', 'removeOfficer', { userId: colleague.userId });
    expect(code(alone)).toBe('STREET.LAST_OFFICER');
    const gone = await h.as('wx-lixiaomei').call('grid', 'removeOfficer', { userId: first.userId });
    expect(code(gone)).toBe('STREET.OFFICER_NOT_FOUND');
  });

  test("another street's officer and a community's staff are refused, and nothing is written", async () => {
    const sent = await invite('李晓梅');
    const colleague = await h.as('wx-lixiaomei').ok('user', 'login', { inviteCode: sent.code });
    const open = await invite('王强');
    const before = {
      street: await h.deps.store.get('streets', STREET),
      invites: await h.deps.store.find('streetInvites', { orderBy: [['_id', 'asc']] }),
    };
    for (const openid of [OTHER_OFFICER, STAFF]) {
      const as = h.as(openid);
      const tries = [
        await as.call('grid', 'officers', { streetId: STREET }),
        await as.call('grid', 'inviteOfficer', { streetId: STREET, name: '越权' }),
        await as.call('grid', 'revokeOfficerInvite', { streetId: STREET, inviteId: open.inviteId }),
        await as.call('grid', 'removeOfficer', { streetId: STREET, userId: colleague.userId }),
      ];
      expect(tries.map(code)).toEqual(Array(4).fill('STREET.NOT_FOUND'));
    }
    // Without a street named, another street's officer acts on their own street only.
    const own = await h.as(OTHER_OFFICER).call('grid', 'removeOfficer', { userId: colleague.userId });
    expect(code(own)).toBe('STREET.OFFICER_NOT_FOUND');
    const foreign = await h
      .as(OTHER_OFFICER)
      .call('grid', 'revokeOfficerInvite', { inviteId: open.inviteId });
    expect(code(foreign)).toBe('INVITE.NOT_FOUND');
    expect(await h.deps.store.get('streets', STREET)).toEqual(before.street);
    expect(await h.deps.store.find('streetInvites', { orderBy: [['_id', 'asc']] })).toEqual(before.invites);
  });

  test('bad input: a stable code and a Chinese message naming the field', async () => {
    const phone = await h.as(OFFICER).call('grid', 'inviteOfficer', { name: '李晓梅', phone: '1391234' });
    expect(code(phone)).toBe('VALIDATION.FAILED');
    expect(phone.ok ? '' : phone.error.message).toContain('「手机号」');
    const name = await h.as(OFFICER).call('grid', 'inviteOfficer', { name: '  ' });
    expect(name.ok ? '' : name.error.message).toContain('「姓名」');
    expect(await h.deps.store.find('streetInvites')).toEqual([]);
  });
});
