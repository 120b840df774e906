/**
 * @jest-environment jsdom
 *
 * The street office's page 街道工作人员 (packages/street/pages/office) against the real handlers: the officer
 * invites a colleague (the code shown once, large, with 复制), the colleague claims it at login and is listed,
 * the first removes them after a confirmation; the last officer's removal is refused with the server's words;
 * an invite is revoked and its code no longer works; a caller who is no officer sees the refusal.
 */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import { createHarness, type Harness } from '../support/harness';
import { fromMiniprogramRoot } from '../support/miniprogram-root';
import { asDevelopBuild, transportToHarness } from '../support/simulate-page';

const OFFICER = 'dev-street-jianlanlu';
const PAGE = 'packages/street/pages/office/index';

/** The confirmation dialogs the page opened; `confirm` answers the last one. */
const modals: Array<{ title: string; content: string; success?(r: { confirm: boolean }): void }> = [];
const wxMock = {
  navigateTo: jest.fn(),
  reLaunch: jest.fn(),
  showToast: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  setClipboardData: jest.fn(),
  showModal: jest.fn((o: (typeof modals)[number]) => modals.push(o)),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

type Simulate = typeof SimulateModule;
type Comp = ReturnType<Simulate['render']>;

describe('the street office page', () => {
  let h: Harness;
  let simulate: Simulate;
  let caller = OFFICER;

  beforeEach(async () => {
    h = await createHarness();
    caller = OFFICER;
    modals.length = 0;
    jest.clearAllMocks();
  });
  afterEach(() => h.close());

  async function render(): Promise<Comp> {
    jest.resetModules();
    asDevelopBuild();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
    transportToHarness(h, () => caller);
    const id = simulate.load(join(__dirname, '../../miniprogram', PAGE), fromMiniprogramRoot());
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad({});
    await simulate.sleep(0);
    return comp;
  }
  const texts = (comp: Comp, selector: string) =>
    comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.trim());
  /** Taps, then waits until the page is no longer busy with the calls the tap made. */
  async function tap(comp: Comp, selector: string, index = 0) {
    comp.querySelectorAll(selector)[index]!.dispatchEvent('tap');
    await simulate.sleep(0);
    const data = comp.instance as unknown as { data: { acting?: boolean; loading?: boolean } };
    for (let i = 0; i < 200 && (data.data.acting || data.data.loading); i++) await simulate.sleep(5);
  }
  async function type(comp: Comp, selector: string, value: string) {
    comp.querySelector(selector)!.dispatchEvent('input', { detail: { value } });
    await simulate.sleep(0);
  }
  async function confirmLast(comp: Comp) {
    modals.at(-1)!.success!({ confirm: true });
    await simulate.sleep(0);
    const data = comp.instance as unknown as { data: { acting?: boolean } };
    for (let i = 0; i < 200 && data.data.acting; i++) await simulate.sleep(5);
    await simulate.sleep(0);
  }
  const officerIds = async () => (await h.deps.store.get('streets', 's_jianlanlu'))!.officerUserIds;

  test('invite a colleague, who claims the code and is listed; remove them after a confirmation', async () => {
    const comp = await render();
    expect(texts(comp, '.street-name')).toEqual(['建兰路街道']);
    expect(texts(comp, '.officer-row .name')).toEqual(['周建华']);
    expect(texts(comp, '.officer-row .meta')).toEqual(['未留手机号 · 本人']);
    expect(texts(comp, '.officer-row .remove')).toEqual(['退出']);

    await tap(comp, '.open-invite');
    await type(comp, '.name-input', '李晓梅');
    await type(comp, '.phone-input', '1391234');
    await tap(comp, '.invite-submit');
    expect(texts(comp, '.missing')).toEqual(['手机号应为 11 位数字，请重新填写']);
    expect(await h.deps.store.find('streetInvites')).toEqual([]);
    await type(comp, '.phone-input', '13912345678');
    await tap(comp, '.invite-submit');

    const [code] = texts(comp, '.new-code');
    expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(texts(comp, '.new-code-title')).toEqual(['李晓梅 的邀请码']);
    expect(texts(comp, '.new-code-note')[0]).toContain('请把邀请码交给 李晓梅 本人');
    expect(texts(comp, '.invite-row .name')).toEqual(['李晓梅']);
    expect(texts(comp, '.invite-row .meta')[0]).toMatch(/^139\*\*\*\*5678 · 6月20日 \d\d:\d\d 邀请$/);
    await tap(comp, '.copy-code');
    expect(wxMock.setClipboardData).toHaveBeenCalledWith({ data: code });

    const colleague = await h.as('wx-lixiaomei').ok('user', 'login', { inviteCode: code! });
    expect(colleague.streets.map((s) => s.name)).toEqual(['建兰路街道']);
    await (comp.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(texts(comp, '.officer-row .name')).toEqual(['周建华', '李晓梅']);
    expect(texts(comp, '.officer-row .meta')[1]).toBe('139****5678');
    expect(texts(comp, '.invite-row')).toEqual([]);

    await tap(comp, '.officer-row .remove', 1);
    expect(modals.at(-1)!.content).toContain('确定将 李晓梅 移出建兰路街道工作人员');
    expect(await officerIds()).toHaveLength(2);
    await confirmLast(comp);
    expect(texts(comp, '.officer-row .name')).toEqual(['周建华']);
    expect(await officerIds()).toHaveLength(1);
  });

  test("the last officer's removal is refused with the server's words", async () => {
    const comp = await render();
    await tap(comp, '.officer-row .remove');
    expect(modals.at(-1)!.content).toContain('确定将您本人移出');
    await confirmLast(comp);
    expect(modals.at(-1)!.content).toContain('街道至少要保留一名工作人员');
    expect(wxMock.reLaunch).not.toHaveBeenCalled();
    expect(texts(comp, '.officer-row .name')).toEqual(['周建华']);
    expect(await officerIds()).toHaveLength(1);
  });

  test('an officer leaves while a colleague remains, and is taken back to the home', async () => {
    const sent = await h.as(OFFICER).ok('grid', 'inviteOfficer', { name: '李晓梅' });
    const colleague = await h.as('wx-lixiaomei').ok('user', 'login', { inviteCode: sent.code });
    const comp = await render();
    expect(texts(comp, '.officer-row .remove')).toEqual(['退出', '移除']);
    await tap(comp, '.officer-row .remove');
    await confirmLast(comp);
    expect(await officerIds()).toEqual([colleague.userId]);
    expect(wxMock.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  test('an invite is revoked with 撤销 and its code refused', async () => {
    const comp = await render();
    await tap(comp, '.open-invite');
    await type(comp, '.name-input', '王强');
    await tap(comp, '.invite-submit');
    const [code] = texts(comp, '.new-code');
    expect(texts(comp, '.invite-row .meta')[0]).toMatch(/^6月20日 \d\d:\d\d 邀请$/);
    await tap(comp, '.revoke');
    expect(texts(comp, '.invite-row')).toEqual([]);
    const refused = await h.as('wx-wangqiang').call('user', 'login', { inviteCode: code! });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('INVITE.REVOKED');
  });

  test('a caller who is no officer sees the refusal, and no invite button', async () => {
    caller = 'dev-staff-wujiayuan';
    const comp = await render();
    const inner = comp.querySelector('#list-state')!.querySelectorAll('.error-text');
    expect(inner.map((el) => el.dom!.textContent?.trim())[0]).toContain('您不是该街道的工作人员');
    expect(comp.querySelector('.open-invite')).toBeFalsy();
    expect(texts(comp, '.officer-row')).toEqual([]);
  });
});
