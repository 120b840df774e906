/** @jest-environment jsdom */
/**
 * The residents' 通知推送设置 page rendered with miniprogram-simulate, through the real notice and subscribe
 * services (only callApi is replaced): choosing categories, and WeChat's grant asked on the saving tap.
 */
import type { NoticeCategory } from '../../typings/notice';
import { freshSimulate, renderPage, tap, texts, type Comp, type Simulate } from '../support/simulate-page';
import { tdesignStubs } from '../support/tdesign-stubs';

/** What happened, in order: calls to the server and WeChat's grant dialog. */
const log: string[] = [];

const wxMock = {
  showToast: jest.fn(),
  requestSubscribeMessage: jest.fn((o: { tmplIds: string[]; success(r: object): void }) => {
    log.push(`requestSubscribeMessage ${o.tmplIds.join(',')}`);
    o.success({
      errMsg: 'requestSubscribeMessage:ok',
      ...Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])),
    });
  }),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

const server = {
  categories: ['medicalInsurance'] as NoticeCategory[],
  saveFails: false,
};
jest.mock('../../miniprogram/services/api', () => ({
  callApi: async (fn: string, action: string, req: Record<string, unknown>) => {
    log.push(`${fn}.${action}`);
    if (action === 'templates') return { templateIds: ['tmpl-notice'] };
    if (action === 'subscribe') return { recorded: Object.keys(req.answers as object).length, ignored: 0 };
    if (action === 'subscriptions') return { categories: server.categories };
    if (action === 'setSubscriptions') {
      if (server.saveFails) throw { code: 'RATE.LIMITED', message: '操作太频繁，请稍后再试' };
      server.categories = req.categories as NoticeCategory[];
      return { categories: server.categories };
    }
    throw new Error(`unexpected ${fn}.${action}`);
  },
}));

let simulate: Simulate;

const open = (): Promise<Comp> =>
  renderPage(simulate, 'pages/notice-subscriptions/index', {}, tdesignStubs(simulate));

/** Flips a category's switch as TDesign's t-switch reports it: a change event with the new value. */
async function flip(comp: Comp, key: NoticeCategory): Promise<void> {
  const toggle = comp.querySelector(`#switch-${key}`);
  if (!toggle) throw new Error(`no switch for ${key}`);
  const on = (toggle.instance as unknown as { data: { value: boolean } }).data.value;
  toggle.dispatchEvent('change', { detail: { value: !on } });
  await simulate.sleep(0);
}
const onNow = (comp: Comp) => texts(comp, '.choice.on .label');

describe('the notice subscriptions page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    log.length = 0;
    server.categories = ['medicalInsurance'];
    server.saveFails = false;
    simulate = freshSimulate();
  });

  test('shows every category with the ones the resident gets a push for switched on', async () => {
    const comp = await open();

    expect(texts(comp, '.choice .label')).toEqual(['医保', '就业', '安全', '健康', '养老', '其他']);
    expect(onNow(comp)).toEqual(['医保']);
    // Each category is a switch (t-switch), on where the resident gets a push: not a row of text.
    expect(comp.querySelectorAll('.choice .switch')).toHaveLength(6);
    const switchedOn = comp
      .querySelectorAll('.choice .switch')
      .filter((el) => (el.instance as unknown as { data: { value: boolean } }).data.value);
    expect(switchedOn.map((el) => el.dom?.id ?? '')).toHaveLength(1);
    expect(log).toEqual(expect.arrayContaining(['message.templates', 'notice.subscriptions']));
  });

  test('保存 asks WeChat for the notice grant first, then saves the chosen categories', async () => {
    const comp = await open();
    log.length = 0;

    await flip(comp, 'employment');
    await flip(comp, 'medicalInsurance');
    await tap(simulate, comp, '.save');

    expect(log[0]).toBe('requestSubscribeMessage tmpl-notice');
    // After the answers are recorded, the next ask is fetched again (a one-time grant allows one message).
    expect([...log].sort()).toEqual([
      'message.subscribe',
      'message.templates',
      'notice.setSubscriptions',
      'requestSubscribeMessage tmpl-notice',
    ]);
    expect(server.categories).toEqual(['employment']);
    expect(onNow(comp)).toEqual(['就业']);
    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'none' });
  });

  test('the grant is asked synchronously inside the tap handler, before anything is awaited', async () => {
    const comp = await open();

    (comp.instance as unknown as { onSave(): void }).onSave();

    expect(wxMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(wxMock.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['tmpl-notice'] }),
    );
    await simulate.sleep(0);
  });

  test('switching every category off saves without asking for a grant', async () => {
    const comp = await open();

    await flip(comp, 'medicalInsurance');
    await tap(simulate, comp, '.save');

    expect(wxMock.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(server.categories).toEqual([]);
    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已关闭通知推送', icon: 'none' });
  });

  test('a refused save keeps the choice on screen and says why in Chinese', async () => {
    server.saveFails = true;
    const comp = await open();

    await flip(comp, 'safety');
    await tap(simulate, comp, '.save');

    expect(texts(comp, '.error')).toEqual(['操作太频繁，请稍后再试']);
    expect(onNow(comp)).toEqual(['医保', '安全']);
    expect(server.categories).toEqual(['medicalInsurance']);
  });
});
