import { pushOutcomes } from '../../server/adapters/local/recording-push';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import type { ApiResult } from '../../typings/common';
import type { Api } from '../../typings/functions';
import { changeState, COMMUNITY, createWorld, grant, type World } from './fixture';

type M = Api['message'];

describe('the message function', () => {
  let world: World;
  const call = <A extends keyof M & string>(openid: string, action: A, req: M[A]['req']) =>
    invoke(functions.message, world.deps, { openid }, { ...req, action }) as Promise<ApiResult<M[A]['res']>>;
  const ok = async <A extends keyof M & string>(
    openid: string,
    action: A,
    req: M[A]['req'],
  ): Promise<M[A]['res']> => {
    const result = await call(openid, action, req);
    if (!result.ok) throw new Error(`${action}: ${result.error.code}`);
    return result.data;
  };
  const tick = () => invoke(functions.scheduler, world.deps, null, { action: 'tick' });
  const LIU = 'openid-user_liu';

  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => {
    world.close();
  });

  async function threeMessages(): Promise<void> {
    for (const [kind, title] of [
      ['ticketAssigned', '您的工单已分派'],
      ['ticketAccepted', '您的工单已受理'],
      ['ticketResolved', '您的工单已办结'],
    ] as const) {
      await changeState(world, { kind, title, userIds: [world.users.liu._id] });
      world.clock.advance(60_000);
    }
    await tick();
  }

  test('my messages come newest first, with the unread count and the page a tap opens', async () => {
    await threeMessages();

    const page = await ok(LIU, 'list', {});

    expect(page.items.map((m) => m.title)).toEqual(['您的工单已办结', '您的工单已受理', '您的工单已分派']);
    expect(page.unread).toBe(3);
    expect(page.items[0]).toMatchObject({
      read: false,
      ticketId: 'ticket_1',
      page: '/packages/resident/ticket/index?ticketId=ticket_1',
    });
    expect(page.items[0]).not.toHaveProperty('delivery');
    expect(page.nextBefore).toBeNull();
  });

  test('pages continue from the oldest message of the last page', async () => {
    await threeMessages();

    const first = await ok(LIU, 'list', { limit: 2 });
    const second = await ok(LIU, 'list', { limit: 2, before: first.nextBefore! });

    expect(first.items).toHaveLength(2);
    expect(second.items.map((m) => m.title)).toEqual(['您的工单已分派']);
    expect(second.nextBefore).toBeNull();
  });

  test('messages of the same second are neither skipped nor repeated across pages', async () => {
    for (let i = 0; i < 5; i++)
      await changeState(world, { title: `同一秒${i}`, userIds: [world.users.liu._id] });
    await tick();

    const seen: string[] = [];
    let before: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await ok(LIU, 'list', before ? { limit: 2, before } : { limit: 2 });
      seen.push(...page.items.map((m) => m.title));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }

    expect([...seen].sort()).toEqual(['同一秒0', '同一秒1', '同一秒2', '同一秒3', '同一秒4']);
  });

  test('a cursor that is not one is refused with VALIDATION.FAILED', async () => {
    expect(await call(LIU, 'list', { before: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION.FAILED' },
    });
  });

  test('marking one read lowers the unread count; marking it again changes nothing', async () => {
    await threeMessages();
    const [newest] = (await ok(LIU, 'list', {})).items;

    const once = await ok(LIU, 'markRead', { messageId: newest!.messageId });
    const twice = await ok(LIU, 'markRead', { messageId: newest!.messageId });

    expect(once.unread).toBe(2);
    expect(twice.unread).toBe(2);
    expect((await ok(LIU, 'list', {})).items.map((m) => m.read)).toEqual([true, false, false]);
  });

  test("someone else's message cannot be marked: MESSAGE.NOT_FOUND, and it stays unread", async () => {
    await threeMessages();
    const [newest] = (await ok(LIU, 'list', {})).items;

    const result = await call('openid-user_wang', 'markRead', { messageId: newest!.messageId });

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'MESSAGE.NOT_FOUND', message: '找不到这条消息，请刷新消息列表后查看' },
    });
    expect((await ok(LIU, 'unreadCount', {})).unread).toBe(3);
  });

  test('mark all read clears the badge', async () => {
    await threeMessages();

    const result = await ok(LIU, 'markAllRead', {});

    expect(result).toEqual({ marked: 3, unread: 0 });
    expect((await ok(LIU, 'unreadCount', {})).unread).toBe(0);
  });

  test('the templates to ask for after filing are the configured 受理, 办结 and 督办 ids', async () => {
    expect(await ok(LIU, 'templates', { purpose: 'ticketSubmit' })).toEqual({
      templateIds: ['demo-tmpl-accepted', 'demo-tmpl-resolved', 'demo-tmpl-escalation'],
      ready: false,
    });
  });

  test('subscription answers are recorded per template; ids this deployment does not use are ignored', async () => {
    const result = await ok(LIU, 'subscribe', {
      answers: { 'demo-tmpl-accepted': 'accept', 'demo-tmpl-resolved': 'reject', 'stale-id': 'accept' },
    });

    expect(result).toEqual({ recorded: 2, ignored: 1 });
    const grants = await world.deps.store.find('subscriptions', {
      where: { userId: world.users.liu._id },
      orderBy: [['templateId', 'asc']],
    });
    expect(grants.map((g) => [g.templateId, g.lastAnswer, g.available])).toEqual([
      ['demo-tmpl-accepted', 'accept', 1],
      ['demo-tmpl-resolved', 'reject', 0],
    ]);
  });

  test.each([
    ['no answers', {}],
    ['six answers', Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, 'accept']))],
    ['an answer WeChat never gives', { 'demo-tmpl-accepted': 'maybe' }],
  ])('subscribe with %s is refused with VALIDATION.FAILED and records nothing', async (_name, answers) => {
    const result = await call(LIU, 'subscribe', { answers } as never);

    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
    expect(await world.deps.store.count('subscriptions')).toBe(0);
  });

  test('staff see the deliveries of their community that did not go out, with the reason', async () => {
    await grant(world, world.users.wang._id, ['accepted']);
    world.deps.push.failNext(pushOutcomes.badData());
    await changeState(world, { userIds: [world.users.liu._id, world.users.wang._id] });
    await tick();

    const list = await ok('openid-user_staff', 'deliveries', { communityId: COMMUNITY });

    expect(list.map((d) => [d.recipient.name, d.state, d.reason, d.errorCode])).toEqual(
      expect.arrayContaining([
        ['刘阿姨', 'inAppOnly', 'noGrant', null],
        ['王先生', 'failed', 'badData', 47003],
      ]),
    );
    expect(list).toHaveLength(2);
  });

  test('a resident asking for the delivery list is refused with AUTH.FORBIDDEN', async () => {
    expect(await call(LIU, 'deliveries', { communityId: COMMUNITY })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    });
  });

  test('someone who never logged in is refused with AUTH.UNAUTHENTICATED', async () => {
    expect(await call('openid-nobody', 'list', {})).toMatchObject({
      ok: false,
      error: { code: 'AUTH.UNAUTHENTICATED' },
    });
  });
});
