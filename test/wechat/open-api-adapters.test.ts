/**
 * The WeChat open-API adapters, tested at the smallest seam below them: the three wx-server-sdk calls they
 * make (WechatSdk). Why there and not at the wire: wx-server-sdk sends each call as a protobuf `wx.openApi`
 * envelope through node-sdk to CloudBase's gateway, which then talks to WeChat — imitating that envelope
 * would test our imitation, not WeChat. The SDK's error shapes ({errCode, errMsg}, -501001 for its transport)
 * are read from wx-server-sdk 4.0.2's source.
 */
import { WechatContentCheck } from '../../server/adapters/cloudbase/wechat-content-check';
import { WechatGroupTickets } from '../../server/adapters/cloudbase/wechat-group-tickets';
import { WechatPush } from '../../server/adapters/cloudbase/wechat-push';
import { WechatMiniProgramCodes } from '../../server/adapters/cloudbase/wechat-wxacode';
import { FakeWechatSdk, sdkError } from './fake-sdk';

const message = {
  openid: 'o-liu',
  templateId: 'tmpl-accepted',
  page: 'pages/ticket-detail/index?ticketId=t1',
  data: { thing2: { value: '飞线充电' } },
};

describe('subscribeMessage.send through WechatPush', () => {
  test('sends the body WeChat documents, with the configured mini-program state', async () => {
    const sdk = new FakeWechatSdk();
    const outcome = await new WechatPush('trial', sdk).send(message);
    expect(outcome).toEqual({ kind: 'sent' });
    expect(sdk.sends).toEqual([
      {
        touser: 'o-liu',
        templateId: 'tmpl-accepted',
        page: message.page,
        data: message.data,
        miniprogramState: 'trial',
        lang: 'zh_CN',
      },
    ]);
  });

  test.each([
    ['-501001 (the SDK could not reach CloudBase)', -501001, 'network'],
    ['-601003 (WeChat network error)', -601003, 'network'],
    ['-501003 (CloudBase request limit)', -501003, 'throttled'],
    ['-501002 (timed out after sending)', -501002, 'unknown'],
    ['43101 (user refused)', 43101, 'refused'],
    ['47003 (bad field value)', 47003, 'badData'],
    ['-604101 (permission missing in config.json)', -604101, 'badData'],
  ])('a thrown %s is %s', async (_name, code, kind) => {
    const sdk = new FakeWechatSdk().next(sdkError(code));
    expect((await new WechatPush('formal', sdk).send(message)).kind).toBe(kind);
  });

  test('a transport error is never recorded as bad data: the retry sends it', async () => {
    const sdk = new FakeWechatSdk().next(sdkError(-501001, 'request failed: connect ECONNREFUSED'));
    const push = new WechatPush('formal', sdk);
    expect(await push.send(message)).toMatchObject({ kind: 'network' });
    expect(await push.send(message)).toEqual({ kind: 'sent' });
    expect(sdk.sends).toHaveLength(2);
  });
});

describe('security.msgSecCheck through WechatContentCheck', () => {
  const context = { openid: 'o-liu', scene: 'forum' as const };

  test.each([
    ['pass', 'pass'],
    ['review', 'review'],
    ['risky', 'risky'],
  ])('suggest %s is the verdict %s', async (suggest, verdict) => {
    const sdk = new FakeWechatSdk().next({ answer: { errCode: 0, result: { suggest, label: 20001 } } });
    const result = await new WechatContentCheck(sdk).checkText('楼道里有人飞线充电', context);
    expect(result.verdict).toBe(verdict);
    expect(sdk.checks).toEqual([{ version: 2, openid: 'o-liu', scene: 3, content: '楼道里有人飞线充电' }]);
  });

  test('text over 2,500 characters is checked in slices, and the worst slice decides', async () => {
    const sdk = new FakeWechatSdk().next(
      { answer: { result: { suggest: 'pass' } } },
      { answer: { result: { suggest: 'review', label: 20002 } } },
    );
    const result = await new WechatContentCheck(sdk).checkText('字'.repeat(4000), context);
    expect(result).toEqual({ verdict: 'review', label: '20002' });
    expect(sdk.checks.map((c) => c.content.length)).toEqual([2500, 1500]);
  });

  test.each([
    ['a transport error (-501001)', sdkError(-501001)],
    ['a missing permission (-604101)', sdkError(-604101)],
    ['an answer without a verdict', { answer: { errCode: 0 } }],
  ])('%s gives no verdict: unavailable, not an exception', async (_name, scripted) => {
    const sdk = new FakeWechatSdk().next(scripted);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await new WechatContentCheck(sdk).checkText('有人飞线充电', context)).toEqual({
      verdict: 'unavailable',
    });
    warn.mockRestore();
  });

  test('no answer within the timeout is unavailable', async () => {
    const sdk = new FakeWechatSdk().next('hang');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await new WechatContentCheck(sdk, 20).checkText('有人飞线充电', context)).toEqual({
      verdict: 'unavailable',
    });
    warn.mockRestore();
  });
});

describe('group cloudIDs through WechatGroupTickets (getOpenData)', () => {
  const decoded = (opengid: string, appid = 'wx-ours') => ({
    answer: [{ cloudID: 'cid', data: { opengid, watermark: { appid, timestamp: 1 } } }],
  });

  test('a decoded group of our app answers its opengid', async () => {
    const sdk = new FakeWechatSdk().next(decoded('G-1'));
    expect(await new WechatGroupTickets('wx-ours', sdk).decode('cid')).toEqual({ ok: true, opengid: 'G-1' });
    expect(sdk.decodes).toEqual([['cid']]);
  });

  test.each([
    ["another app's watermark", decoded('G-1', 'wx-theirs'), 'forged'],
    ['WeChat: invalid cloudID (-601005)', sdkError(-601005), 'forged'],
    ["WeChat: another user's cloudID (-601007)", sdkError(-601007), 'forged'],
    [
      'a cloudID that is not a group',
      { answer: [{ cloudID: 'cid', data: { phoneNumber: '138' } }] },
      'forged',
    ],
    ['expired (-601006)', sdkError(-601006), 'expired'],
    ['expired, on the item', { answer: [{ cloudID: 'cid', errCode: -601006 }] }, 'expired'],
    ['the SDK could not reach CloudBase (-501001)', sdkError(-501001), 'unavailable'],
    ['WeChat system error (-601001)', sdkError(-601001), 'unavailable'],
    ['permission missing (-604101)', sdkError(-604101), 'unavailable'],
    ['an error with no code', { error: { errMsg: 'socket hang up' } }, 'unavailable'],
    ['a system error on the item', { answer: [{ cloudID: 'cid', errCode: -601001 }] }, 'unavailable'],
  ])('%s is %s', async (_name, scripted, reason) => {
    const sdk = new FakeWechatSdk().next(scripted as never);
    expect(await new WechatGroupTickets('wx-ours', sdk).decode('cid')).toEqual({ ok: false, reason });
  });
});

describe('wxacode.getUnlimited through WechatMiniProgramCodes', () => {
  test('asks for the scene and page, checking the path only for a release build', async () => {
    const sdk = new FakeWechatSdk();
    const png = await new WechatMiniProgramCodes('trial', sdk).render({
      scene: 'c=abc123',
      page: 'pages/bind-household/index',
    });
    expect(Array.from(png.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(sdk.codes).toEqual([
      expect.objectContaining({
        scene: 'c=abc123',
        page: 'pages/bind-household/index',
        checkPath: false,
        envVersion: 'trial',
      }),
    ]);
  });

  test("WeChat's refusal is an error naming its code, never an empty image", async () => {
    const sdk = new FakeWechatSdk().next({ answer: { errCode: 41030, errMsg: 'invalid page' } });
    await expect(
      new WechatMiniProgramCodes('release', sdk).render({ scene: 'c=abc123', page: 'pages/nope/index' }),
    ).rejects.toThrow(/41030/);
  });
});
