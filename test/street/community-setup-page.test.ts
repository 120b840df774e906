/**
 * @jest-environment jsdom
 *
 * The street office sets up a new community through its pages, against the real handlers: a community just
 * created (the list page creates it in test/street/deadline-pages.test.ts), its setup page picks the example map sent in a chat — the dry run lists what it
 * creates, nothing written — confirms it, imports the buildings ledger, and a report made there is routed to
 * the new community's micro-grid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import gcoord from 'gcoord';
import type * as SimulateModule from 'miniprogram-simulate';
import { createHarness, type Harness } from '../support/harness';
import { asDevelopBuild, transportToHarness } from '../support/simulate-page';
import { tdesignStubs } from '../support/tdesign-stubs';
import { requestId } from '../scenarios/ticket-world';

const OFFICER = 'dev-street-jianlanlu';
const example = (name: string) => readFileSync(join(__dirname, '../../examples', name), 'utf8');

/** The file the person picks in the chat, and what reading it gives. */
const chat = { name: '', text: '' };
const wxMock = {
  navigateTo: jest.fn(),
  showToast: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  chooseMessageFile: jest.fn((o: { success(r: object): void }) =>
    o.success({ tempFiles: [{ name: chat.name, path: `/tmp/${chat.name}` }] }),
  ),
  getFileSystemManager: () => ({
    readFile: (o: { success(r: object): void }) => o.success({ data: chat.text }),
  }),
};
(globalThis as unknown as { wx: object }).wx = wxMock;
// The handlers run in this jsdom realm, which lacks Node's TextEncoder and TextDecoder (the grid function reads
// imported files with them).
Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });

type Simulate = typeof SimulateModule;
type Comp = ReturnType<Simulate['render']>;

describe('a street office sets up a new community through its pages', () => {
  let h: Harness;
  let simulate: Simulate;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  async function render(page: string, query: object): Promise<Comp> {
    jest.resetModules();
    asDevelopBuild();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
    transportToHarness(h, () => OFFICER);
    const id = simulate.load(join(__dirname, '../../miniprogram', page), {
      usingComponents: tdesignStubs(simulate),
    });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad(query);
    await simulate.sleep(0);
    return comp;
  }
  const texts = (comp: Comp, selector: string) =>
    comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.trim());
  /** Taps, then waits until the page is no longer busy with the calls the tap made. */
  async function tap(comp: Comp, selector: string) {
    comp.querySelector(selector)!.dispatchEvent('tap');
    await simulate.sleep(0);
    const data = comp.instance as unknown as { data: { acting?: boolean } };
    for (let i = 0; i < 200 && data.data.acting; i++) await simulate.sleep(5);
  }

  test('create, plan the map, apply it, import the buildings; a report there is routed to it', async () => {
    const [gLng, gLat] = gcoord.transform([103.703, 36.1015], gcoord.WGS84, gcoord.GCJ02) as number[];
    const created = await h.as(OFFICER).ok('grid', 'createCommunity', {
      name: '兰新社区',
      communityCode: '002',
      center: { lat: gLat!, lng: gLng! },
    });
    // The list's row opens this page with the community (test/street/deadline-pages.test.ts taps it).
    const communityId = created.communities.find((c) => c.name === '兰新社区')!.communityId;
    const query = { communityId, name: '兰新社区' };

    const setup = await render('packages/street/pages/community-setup/index', query);
    expect(texts(setup, '.title')).toEqual(['兰新社区 · 网格设置']);
    chat.name = 'grid-map.geojson';
    chat.text = example('grid-map.geojson');
    await tap(setup, '.choose-map');
    expect(texts(setup, '.plan-summary')).toEqual(['新建 5 · 更新 0 · 撤销 0 · 不变 0']);
    expect(texts(setup, '.plan-line')[0]).toBe('新建 第一网格 620103004002001');
    expect(await h.deps.store.count('grids', { communityId })).toBe(0);
    await tap(setup, '.apply-map');
    expect(texts(setup, '.map-done')).toEqual(['已导入：新建 5，更新 0，撤销 0']);
    expect(await h.deps.store.count('microGrids', { communityId })).toBe(3);

    chat.name = 'buildings.csv';
    chat.text = example('buildings.csv');
    await tap(setup, '.choose-ledger');
    expect(texts(setup, '.ledger-done')).toEqual(['楼栋台账已导入：新建 3，更新 0，不变 0']);

    // A file of another kind is ignored; a broken map is refused with a Chinese message, nothing written.
    chat.name = 'grid-map.geojson';
    chat.text = '{"type":"FeatureCollection","features":[{"type":"Feature"}]}';
    await tap(setup, '.choose-map');
    expect(texts(setup, '.error')[0]).toMatch(/\p{Script=Han}/u);
    expect(await h.deps.store.count('microGrids', { communityId })).toBe(3);

    await h.as('setup-test-resident').ok('user', 'login', { name: '路人' });
    const [lng, lat] = gcoord.transform([103.7022, 36.1015], gcoord.WGS84, gcoord.GCJ02) as number[];
    const t = await h.as('setup-test-resident').ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'garbage',
      description: '路边垃圾没人清',
      photos: [],
      place: { kind: 'point', point: { lat: lat!, lng: lng! } },
    });
    expect(t.communityId).toBe(communityId);
    const preview = await h.as(OFFICER).ok('grid', 'route', {
      communityId,
      category: 'garbage',
      point: { lat: lat!, lng: lng! },
    });
    expect(preview.microGrid?.microGridId).toBe(t.microGridId);
  });
});
