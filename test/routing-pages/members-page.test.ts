/** @jest-environment jsdom */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { MemberView, RosterView } from '../../typings/grid';

(globalThis as unknown as { wx: object }).wx = {};

const api = {
  getRoster: jest.fn<Promise<RosterView>, [string]>(),
  setOnDuty: jest.fn<Promise<RosterView>, [string, string, boolean]>(),
  makePrimary: jest.fn<Promise<RosterView>, [string, object]>(),
};
jest.mock('../../miniprogram/services/grid', () => ({
  getRoster: (c: string) => api.getRoster(c),
  setOnDuty: (c: string, m: string, on: boolean) => api.setOnDuty(c, m, on),
  makePrimary: (c: string, m: object) => api.makePrimary(c, m),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const member = (over: Partial<MemberView>): MemberView => ({
  memberId: 'mb1',
  userId: 'u1',
  name: '张丽',
  phone: '139****0001',
  duty: 'worker',
  gridId: 'g1',
  microGridId: 'm1',
  primary: true,
  onDuty: true,
  ...over,
});

const roster: RosterView = {
  communityId: 'c1',
  invites: [],
  secretary: { userId: 'us', name: '白玉洁' },
  grids: [
    {
      gridId: 'g1',
      name: '第一网格',
      kind: 'community',
      leaders: [member({ memberId: 'mbL', userId: 'uL', name: '王建华', duty: 'leader', microGridId: null })],
      force: [
        member({
          memberId: 'mbP',
          userId: 'uP',
          name: '任志强',
          duty: 'police',
          microGridId: null,
          primary: false,
        }),
      ],
      microGrids: [
        {
          microGridId: 'm1',
          label: '第一网格-1号微网格',
          workers: [
            member({}),
            member({ memberId: 'mb2', userId: 'u2', name: '李强', primary: false, onDuty: false }),
          ],
        },
        { microGridId: 'm2', label: '第一网格-2号微网格', workers: [] },
      ],
    },
  ],
};

async function renderPage(): Promise<Comp> {
  api.getRoster.mockResolvedValue(roster);
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/members/index'));
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(q: object): void }).onLoad({ communityId: 'c1' });
  await simulate.sleep(0);
  return comp;
}

const texts = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.replace(/\s+/g, ' ').trim());

describe('the staff members page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('shows the secretary, the leader, the workers with the primary marked, the 1+4+X force and gaps', async () => {
    const comp = await renderPage();
    expect(texts(comp, '.secretary')).toEqual(['社区书记（书记信箱）：白玉洁']);
    expect(texts(comp, '.leader')).toEqual(['网格长：王建华 139****0001']);
    expect(texts(comp, '.primary')).toEqual(['主责']);
    expect(texts(comp, '.duty')).toEqual(['在岗', '不在岗']);
    expect(texts(comp, '.force')).toEqual(['民警：任志强 139****0001']);
    expect(texts(comp, '.missing')).toEqual(['尚无网格员']);
  });

  test('switching a worker on duty and making one primary call the grid function', async () => {
    api.setOnDuty.mockResolvedValue(roster);
    api.makePrimary.mockResolvedValue(roster);
    const comp = await renderPage();
    comp.querySelectorAll('.duty')[1]!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(api.setOnDuty).toHaveBeenCalledWith('c1', 'mb2', true);
    comp.querySelector('.make-primary')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(api.makePrimary).toHaveBeenCalledWith('c1', { gridId: 'g1', microGridId: 'm1', userId: 'u2' });
  });
});
