/**
 * When WeChat's content check gives no verdict (error, timeout), a submission still succeeds: its text is held
 * like a "review" verdict (handlers and the reporter see it, other residents see 内容审核中) and the
 * scheduler asks again each tick until it gets a verdict. The real adapter runs over a scripted wx-server-sdk
 * (test/wechat/fake-sdk.ts).
 */
import { WechatContentCheck } from '../../server/adapters/cloudbase/wechat-content-check';
import { eventId } from '../../server/core/tickets/change';
import { FakeWechatSdk, sdkError } from '../wechat/fake-sdk';
import { createHarness, requestId, type Harness } from '../scenarios/ticket-world';

describe('a submission while the content check is unavailable', () => {
  let h: Harness;
  let sdk: FakeWechatSdk;
  beforeEach(async () => {
    h = await createHarness();
    sdk = new FakeWechatSdk();
    h.deps.contentCheck = new WechatContentCheck(sdk, 20);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    h.close();
  });

  const submit = () =>
    h.as('dev-resident-liu').call('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'flyingWireCharging',
      description: '7楼有人从窗口吊电线给电动车充电，很危险',
      photos: [],
      place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2', unit: '1单元', floor: 7 },
    });
  const tick = async () => {
    const answer = await h.anonymous('scheduler', 'tick', {});
    if (!answer.ok) throw new Error(answer.error.code);
    return answer.data.results.contentRecheck;
  };

  test.each([
    ['a transport error (-501001)', sdkError(-501001)],
    ['no answer in time', 'hang' as const],
  ])('after %s it is accepted and held, and released once a later check passes', async (_name, failure) => {
    sdk.next(failure);
    const filed = await submit();
    expect(filed).toMatchObject({ ok: true, data: { status: 'assigned', contentHeld: true } });
    const ticketId = filed.ok ? filed.data.ticketId : '';
    expect(await h.deps.store.get('tickets', ticketId)).toMatchObject({
      contentHeld: true,
      contentUnchecked: true,
    });

    sdk.next(sdkError(-501001));
    expect(await tick()).toEqual({ released: 0, stillHeld: 0, stillUnchecked: 1 });
    expect(await h.deps.store.get('tickets', ticketId)).toMatchObject({ contentHeld: true });

    expect(await tick()).toEqual({ released: 1, stillHeld: 0, stillUnchecked: 0 });
    expect(await h.deps.store.get('tickets', ticketId)).toMatchObject({
      contentHeld: false,
      contentUnchecked: false,
    });
    expect(await h.deps.store.get('ticketEvents', eventId(ticketId, 1))).toMatchObject({ noteHeld: false });
    expect(sdk.checks.at(-1)).toMatchObject({
      openid: 'dev-resident-liu',
      content: '7楼有人从窗口吊电线给电动车充电，很危险',
    });

    const asked = sdk.checks.length;
    expect(await tick()).toEqual({ released: 0, stillHeld: 0, stillUnchecked: 0 });
    expect(sdk.checks).toHaveLength(asked);
  });

  test('a later "review" keeps it held for staff and stops asking', async () => {
    sdk.next(sdkError(-501001));
    const filed = await submit();
    const ticketId = filed.ok ? filed.data.ticketId : '';
    sdk.next({ answer: { result: { suggest: 'review', label: 20001 } } });
    expect(await tick()).toEqual({ released: 0, stillHeld: 1, stillUnchecked: 0 });
    expect(await h.deps.store.get('tickets', ticketId)).toMatchObject({
      contentHeld: true,
      contentUnchecked: false,
    });
  });

  test('a risky verdict at submission still refuses it, and writes nothing', async () => {
    sdk.next({ answer: { result: { suggest: 'risky', label: 20006 } } });
    expect(await submit()).toMatchObject({ ok: false, error: { code: 'TICKET.CONTENT_REFUSED' } });
    expect(await h.deps.store.count('tickets', {})).toBe(0);
  });
});
