/**
 * @jest-environment jsdom
 *
 * 我的通知 against the local cloud in this process (real handlers, real SQLite, the demo community): a staff
 * member's draft and a published notice a resident confirmed, shown as the page shows them, opening compose
 * and coverage.
 */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type * as TransportModule from '../../miniprogram/services/transport';
import type { ApiResult } from '../../typings/common';
import type { FunctionName } from '../../typings/functions';
import type { StaffNoticeView } from '../../typings/notice';
import { functions } from '../../server/functions';
import { invoke } from '../../server/functions/define';
import { startHttpHarness, type HttpHarness } from '../support/http-harness';
import { tdesignStubs } from '../support/tdesign-stubs';
import { wxRequest } from '../support/wx-request-shim';

const wxMock = {
  request: jest.fn(wxRequest),
  showToast: jest.fn(),
  navigateTo: jest.fn(),
  stopPullDownRefresh: jest.fn(),
};
(globalThis as unknown as { wx: typeof wxMock }).wx = wxMock;

type Simulate = typeof SimulateModule;

const COMMUNITY = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';
const content = (title: string) => ({
  title,
  body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '请按时缴费。' }] }],
  category: 'medicalInsurance',
  coverFileId: null,
  attachments: [],
});

describe('我的通知 against the local cloud', () => {
  let cloud: HttpHarness;

  beforeAll(async () => {
    cloud = await startHttpHarness();
  });
  afterAll(async () => cloud.close());

  /** Arranges through the handlers themselves (jsdom has no fetch); the page then goes over HTTP. */
  async function ok<T>(
    fn: FunctionName,
    body: { action: string } & Record<string, unknown>,
    openid: string,
  ): Promise<T> {
    const result = (await invoke(functions[fn], cloud.deps, { openid }, body)) as ApiResult<T>;
    if (!result.ok) throw new Error(`${fn}.${body.action}: ${result.error.message}`);
    return result.data;
  }

  test('shows the draft and the published notice with its households reached, and opens each', async () => {
    const audience = { scope: 'places', gridIds: ['g_wujiayuan_02'], microGridIds: [], tags: [] };
    const draft = await ok<StaffNoticeView>(
      'notice',
      { action: 'compose', communityId: COMMUNITY, audience, ...content('草稿：燃气安全') },
      STAFF,
    );
    const composed = await ok<StaffNoticeView>(
      'notice',
      { action: 'compose', communityId: COMMUNITY, audience, ...content('城乡居民医保缴费提醒') },
      STAFF,
    );
    const published = await ok<StaffNoticeView>(
      'notice',
      { action: 'publish', noticeId: composed.noticeId, version: composed.version },
      STAFF,
    );
    await ok('notice', { action: 'confirm', noticeId: published.noticeId }, 'dev-resident-li');

    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    const simulate = require('miniprogram-simulate') as Simulate;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
    const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
    transport.setTransport(transport.localTransport(cloud.baseUrl, STAFF));
    const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/notice-list/index'), {
      usingComponents: tdesignStubs(simulate),
    });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad({
      communityId: COMMUNITY,
    });
    await simulate.sleep(0);

    const text = (selector: string) =>
      comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.replace(/\s+/g, ' ').trim());
    expect(
      comp.querySelectorAll('.draft').map((el) => el.dom!.querySelector('.t-cell__title')?.textContent),
    ).toEqual(['草稿：燃气安全']);
    expect(text('.published-line .line-title')).toEqual(['城乡居民医保缴费提醒']);
    expect(text('.published-line .coverage')).toEqual([`已覆盖 1/${published.households} 户（1%）`]);

    comp.querySelector('#draft-0')!.dispatchEvent('tap');
    comp.querySelector('#published-0')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wxMock.navigateTo.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      `/packages/staff/pages/notice-compose/index?communityId=${COMMUNITY}&noticeId=${draft.noticeId}`,
      `/packages/staff/pages/notice-coverage/index?noticeId=${published.noticeId}`,
    ]);
  });
});
