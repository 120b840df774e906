/** @jest-environment jsdom */
/** 网格力量: removing a member after a confirmation, inviting a new one to a place, revoking an invite. */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { MemberView, NewInvite, RosterView } from '../../typings/grid';

let confirmAnswer = true;
const wxMock = {
  showModal: jest.fn((o: { content: string; success?(r: { confirm: boolean; cancel: boolean }): void }) =>
    o.success?.({ confirm: confirmAnswer, cancel: !confirmAnswer }),
  ),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = {
  getRoster: jest.fn<Promise<RosterView>, [string]>(),
  removeMember: jest.fn<Promise<RosterView>, [string, string]>(),
  inviteMember: jest.fn<Promise<NewInvite>, [string, object]>(),
  revokeInvite: jest.fn<Promise<RosterView>, [string, string]>(),
};
jest.mock('../../miniprogram/services/grid', () => ({
  getRoster: (c: string) => api.getRoster(c),
  removeMember: (c: string, m: string) => api.removeMember(c, m),
  inviteMember: (c: string, p: object) => api.inviteMember(c, p),
  revokeInvite: (c: string, i: string) => api.revokeInvite(c, i),
  setOnDuty: jest.fn(),
  makePrimary: jest.fn(),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const worker: MemberView = {
  memberId: 'mb1',
  userId: 'u1',
  name: '张丽',
  phone: '139****0001',
  duty: 'worker',
  gridId: 'g1',
  microGridId: 'm1',
  primary: true,
  onDuty: true,
};
const roster = (over: Partial<RosterView> = {}): RosterView => ({
  communityId: 'c1',
  secretary: null,
  invites: [],
  grids: [
    {
      gridId: 'g1',
      name: '第一网格',
      kind: 'community',
      leaders: [],
      force: [],
      microGrids: [
        { microGridId: 'm1', label: '第一网格-1号微网格', workers: [worker] },
        { microGridId: 'm2', label: '第一网格-2号微网格', workers: [] },
      ],
    },
  ],
  ...over,
});

const text = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.replace(/\s+/g, ' ').trim());

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await simulate.sleep(0);
}

async function renderPage(): Promise<Comp> {
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/members/index'));
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(q: object): void }).onLoad({ communityId: 'c1' });
  await settle();
  return comp;
}

async function tapEl(comp: Comp, selector: string, index = 0): Promise<void> {
  const el = comp.querySelectorAll(selector)[index];
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.dispatchEvent('tap');
  await settle();
}

describe('adding and removing members', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
    confirmAnswer = true;
    api.getRoster.mockResolvedValue(roster());
  });

  test('removing asks first with the name and duty; cancelling removes nobody, confirming removes them', async () => {
    api.removeMember.mockResolvedValue(roster({ grids: [{ ...roster().grids[0]!, microGrids: [] }] }));
    const comp = await renderPage();

    confirmAnswer = false;
    await tapEl(comp, '.worker .remove');
    expect(wxMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '移除成员' }));
    expect(wxMock.showModal.mock.calls[0]![0].content).toContain('张丽（网格员）');
    expect(api.removeMember).not.toHaveBeenCalled();

    confirmAnswer = true;
    await tapEl(comp, '.worker .remove');
    expect(api.removeMember).toHaveBeenCalledWith('c1', 'mb1');
    expect(comp.querySelectorAll('.worker')).toHaveLength(0);
  });

  test('a worker is invited to the chosen micro-grid as primary, and the code is shown once', async () => {
    api.inviteMember.mockResolvedValue({
      inviteId: 'inv1',
      name: '新人',
      phone: '130****0000',
      duty: 'worker',
      role: null,
      gridId: 'g1',
      microGridId: 'm2',
      primary: true,
      createdAt: '2026-06-20T09:00:00+08:00',
      code: 'k7qm-2xvd-9fha',
    });
    const comp = await renderPage();
    api.getRoster.mockResolvedValue(
      roster({
        invites: [
          {
            inviteId: 'inv1',
            name: '新人',
            phone: '130****0000',
            duty: 'worker',
            role: null,
            gridId: 'g1',
            microGridId: 'm2',
            primary: true,
            createdAt: '2026-06-20T09:00:00+08:00',
          },
        ],
      }),
    );
    await tapEl(comp, '.add-btn');
    comp.querySelector('.name-input')!.dispatchEvent('input', { detail: { value: ' 新人 ' } });
    comp.querySelector('.phone-input')!.dispatchEvent('input', { detail: { value: '13000000000' } });
    await settle();

    await tapEl(comp, '.invite-submit');
    expect(text(comp, '.error')).toEqual(['网格员需选择微网格']);
    expect(api.inviteMember).not.toHaveBeenCalled();

    await tapEl(comp, '.micro-chip', 1);
    await tapEl(comp, '.primary-chip');
    await tapEl(comp, '.invite-submit');
    expect(api.inviteMember).toHaveBeenCalledWith('c1', {
      name: '新人',
      phone: '13000000000',
      duty: 'worker',
      gridId: 'g1',
      microGridId: 'm2',
      primary: true,
    });
    expect(text(comp, '.new-code')[0]).toContain('新人 的邀请码：k7qm-2xvd-9fha');
    expect(text(comp, '.invite-row .name')).toEqual(['新人 · 网格员 · 第一网格-2号微网格']);
    expect(comp.querySelectorAll('.add-form')).toHaveLength(0);
  });

  test('a leader is invited to the grid, with no micro-grid; a pending invite can be revoked', async () => {
    api.inviteMember.mockResolvedValue({
      inviteId: 'inv2',
      name: '王建华',
      phone: null,
      duty: 'leader',
      role: null,
      gridId: 'g1',
      microGridId: null,
      primary: false,
      createdAt: '2026-06-20T09:00:00+08:00',
      code: 'aaaa-bbbb-cccc',
    });
    api.revokeInvite.mockResolvedValue(roster());
    const comp = await renderPage();
    await tapEl(comp, '.add-btn');
    comp.querySelector('.name-input')!.dispatchEvent('input', { detail: { value: '王建华' } });
    await tapEl(comp, '.duty-chip', 0);
    expect(comp.querySelectorAll('.micro-chip')).toHaveLength(0);
    await tapEl(comp, '.invite-submit');
    expect(api.inviteMember).toHaveBeenCalledWith('c1', { name: '王建华', duty: 'leader', gridId: 'g1' });

    api.getRoster.mockResolvedValue(roster());
    (comp.instance as unknown as { setData(d: object): void }).setData({
      invites: [{ inviteId: 'inv2', text: '王建华 · 网格长 · 第一网格' }],
    });
    await tapEl(comp, '.revoke');
    expect(api.revokeInvite).toHaveBeenCalledWith('c1', 'inv2');
    expect(comp.querySelectorAll('.invite-row')).toHaveLength(0);
  });
});
