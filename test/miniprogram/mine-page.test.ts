/**
 * @jest-environment jsdom
 *
 * 我的 with its 大字模式 switch: the choice is kept in storage, scales every live page at once (the
 * page-meta each page binds), and the user's WeChat font size counts even with the switch off.
 */
import { join } from 'node:path';
import type { Me } from '../../typings/user';
import type * as TransportModule from '../../miniprogram/services/transport';
import { freshSimulate, type Comp, type Simulate } from '../support/simulate-page';
import { tdesignStubs } from '../support/tdesign-stubs';
import { fromMiniprogramRoot } from '../support/miniprogram-root';

const storage = new Map<string, unknown>();
const baseInfo: { fontSizeScaleFactor?: number; fontSizeSetting?: number } = {};
const wxMock = {
  showToast: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  getAppBaseInfo: jest.fn(() => ({ ...baseInfo })),
};
(globalThis as unknown as { wx: typeof wxMock }).wx = wxMock;

const liu: Me = {
  userId: 'u_liu',
  name: '刘女士',
  roles: [{ role: 'resident', communityId: 'c_wujiayuan' }],
  streets: [],
  household: {
    householdId: 'h_1',
    communityId: 'c_wujiayuan',
    gridId: 'g_1',
    microGridId: 'm_1',
    address: '六四一三小区 2号楼 1单元 701',
  },
  pendingBinding: null,
  createdAt: '2026-11-01T08:00:00+08:00',
};

describe('我的: 大字模式', () => {
  let simulate: Simulate;
  let stubs: Record<string, unknown>;

  beforeEach(() => {
    jest.resetModules();
    storage.clear();
    delete baseInfo.fontSizeScaleFactor;
    delete baseInfo.fontSizeSetting;
    simulate = freshSimulate();
    stubs = tdesignStubs(simulate);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
    const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
    transport.setTransport({ call: async () => ({ ok: true, data: liu }) });
  });

  async function render(page: string): Promise<Comp> {
    const id = simulate.load(join(__dirname, '../../miniprogram', page), {
      ...fromMiniprogramRoot(),
      usingComponents: stubs,
    });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onShow(): Promise<void> }).onShow?.();
    await simulate.sleep(0);
    return comp;
  }
  const textSizeOf = (comp: Comp) =>
    (comp.instance.data as { textSize: { scale: number; pageStyle: string } }).textSize;
  const switchOf = (comp: Comp) => comp.querySelector('.large-text-switch')!;

  test('off by default: the page draws at the standard size and the switch shows off', async () => {
    const comp = await render('pages/mine/index');
    expect(textSizeOf(comp)).toEqual(
      expect.objectContaining({ scale: 1, large: false, pageStyle: '--gl-scale: 1;' }),
    );
    expect(switchOf(comp).dom!.getAttribute('checked')).toBeFalsy();
  });

  test('turning it on keeps the choice and enlarges 我的 and the other live tab pages at once', async () => {
    const mine = await render('pages/mine/index');
    const home = await render('pages/messages/index');
    switchOf(mine).dispatchEvent('change', { detail: { value: true } });
    await simulate.sleep(0);
    expect(wxMock.setStorageSync).toHaveBeenCalledWith('largeText', true);
    expect(textSizeOf(mine)).toEqual(
      expect.objectContaining({
        scale: 1.4,
        large: true,
        pageStyle: '--gl-scale: 1.4;',
        rootFontSize: '22.4px',
      }),
    );
    expect(textSizeOf(home).scale).toBe(1.4);

    switchOf(mine).dispatchEvent('change', { detail: { value: false } });
    await simulate.sleep(0);
    expect(storage.get('largeText')).toBe(false);
    expect(textSizeOf(home).scale).toBe(1);
  });

  test('a page opened later draws large from the kept choice', async () => {
    storage.set('largeText', true);
    const comp = await render('pages/notices/index');
    expect(textSizeOf(comp).scale).toBe(1.4);
  });

  test('the WeChat font size is followed with the switch off, and wins over 大字模式 when larger', async () => {
    baseInfo.fontSizeScaleFactor = 1.15;
    expect(textSizeOf(await render('pages/mine/index')).scale).toBe(1.15);
    baseInfo.fontSizeScaleFactor = 1.75;
    storage.set('largeText', true);
    expect(textSizeOf(await render('pages/notices/index')).scale).toBe(1.75);
  });

  test('an old base library that gives only fontSizeSetting in px is followed too', async () => {
    baseInfo.fontSizeSetting = 23.8;
    expect(textSizeOf(await render('pages/mine/index')).scale).toBe(1.4);
  });
});
