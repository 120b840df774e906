import { pushOutcomes } from '../../server/adapters/local/recording-push';
import { backoffDelay, dispatchDue, dispatchEntries } from '../../server/core/notifications/dispatcher';
import { fanOut, fanOutPending, notificationFor } from '../../server/core/notifications/fan-out';
import { fanOutAndSend } from '../../server/core/notifications/fresh-dispatch';
import { DEFAULT_RETRY, type NotificationSettings } from '../../server/core/notifications/templates';
import type { PushOutcome } from '../../server/core/ports/push';
import { changeState, createWorld, deliveries, grant, settings, type World } from './fixture';

/** Runs the dispatcher the way the scheduler would, minute after minute, until nothing is due or left open. */
async function drain(world: World, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await fanOutPending(world.deps.store, 100);
    await dispatchDue(world.deps, settings);
    const open = await world.deps.store.count('notifications', {
      'delivery.state': { in: ['pending', 'sending'] },
    });
    if (open === 0) return;
    world.clock.advance(DEFAULT_RETRY.maxDelayMs);
  }
}

describe('dispatcher', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  describe('when WeChat answers with each class of outcome, no delivery is lost and none doubled', () => {
    const cases: Array<[string, PushOutcome, string, number, number]> = [
      // name, first answer, final delivery, attempts at WeChat, messages that (may have) reached the user
      ['sent', pushOutcomes.sent(), 'ticketAccepted/sent', 1, 1],
      ['refused (43101)', pushOutcomes.refused(), 'ticketAccepted/inAppOnly:refused', 1, 0],
      ['bad data (47003)', pushOutcomes.badData(), 'ticketAccepted/failed:badData', 1, 0],
      ['throttled (quota)', pushOutcomes.throttled(), 'ticketAccepted/sent', 2, 1],
      ['network failure', pushOutcomes.network(), 'ticketAccepted/sent', 2, 1],
      ['timeout after send', pushOutcomes.unknown(), 'ticketAccepted/failed:outcomeUnknown', 1, 1],
    ];
    test.each(cases)('%s', async (_name, outcome, final, attempts, reached) => {
      await grant(world, world.users.liu._id, ['accepted']);
      world.deps.push.failNext(outcome);
      await changeState(world, { userIds: [world.users.liu._id] });

      await drain(world);

      expect(await deliveries(world, world.users.liu._id)).toEqual([final]);
      expect(world.deps.push.attempts).toHaveLength(attempts);
      expect(world.deps.push.sent).toHaveLength(reached);
    });
  });

  test('bad data is kept with its payload and code, so the bug can be fixed', async () => {
    await grant(world, world.users.liu._id, ['accepted']);
    world.deps.push.failNext(pushOutcomes.badData());
    await changeState(world, { userIds: [world.users.liu._id] });

    await drain(world);

    const [n] = await world.deps.store.find('notifications', {});
    expect(n?.delivery).toMatchObject({
      state: 'failed',
      reason: 'badData',
      errorCode: 47003,
      templateId: 'demo-tmpl-accepted',
    });
    expect(n?.delivery.payload).toEqual({
      templateId: 'demo-tmpl-accepted',
      page: 'packages/resident/ticket/index?ticketId=ticket_1',
      data: expect.objectContaining({ thing2: { value: '3号楼下水井堵塞' }, phrase3: { value: '已签收' } }),
    });
  });

  test('a refused send (43101) leaves the user without a grant: the next notification is in-app only, unsent', async () => {
    await grant(world, world.users.liu._id, ['accepted', 'accepted']);
    world.deps.push.failNext(pushOutcomes.refused());
    await changeState(world, { userIds: [world.users.liu._id] });
    await drain(world);
    await changeState(world, { userIds: [world.users.liu._id] });
    await drain(world);

    expect(await deliveries(world, world.users.liu._id)).toEqual([
      'ticketAccepted/inAppOnly:refused',
      'ticketAccepted/inAppOnly:noGrant',
    ]);
    expect(world.deps.push.attempts).toHaveLength(1);
  });

  test('a send throttled every time backs off, doubling to the cap, and fails with its reason after the last attempt', async () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 4000, maxAttempts: 5 };
    const tight: NotificationSettings = { ...settings, retry: policy };
    await grant(world, world.users.liu._id, ['accepted']);
    world.deps.push.failAlways(pushOutcomes.throttled());
    await changeState(world, { userIds: [world.users.liu._id] });
    await fanOutPending(world.deps.store, 10);

    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      await dispatchDue(world.deps, tight);
      const [n] = await world.deps.store.find('notifications', {});
      if (n?.delivery.state !== 'pending') break;
      const wait = new Date(n.delivery.nextAttemptAt!).getTime() - world.clock.now().getTime();
      waits.push(wait);
      world.clock.advance(wait);
    }

    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    const [n] = await world.deps.store.find('notifications', {});
    expect(n?.delivery).toMatchObject({
      state: 'failed',
      reason: 'maxAttempts',
      attempts: 5,
      errorCode: 45009,
    });
    expect(world.deps.push.attempts).toHaveLength(5);
    // Each failed attempt gave its grant back: the user still holds the one they accepted.
    expect((await world.deps.store.find('subscriptions', {}))[0]?.available).toBe(1);
  });

  test('a notification not yet due is left alone', async () => {
    await grant(world, world.users.liu._id, ['accepted']);
    world.deps.push.failNext(pushOutcomes.network());
    await changeState(world, { userIds: [world.users.liu._id] });
    await fanOutPending(world.deps.store, 10);
    await dispatchDue(world.deps, settings);

    const second = await dispatchDue(world.deps, settings);

    expect(second).toEqual({ sent: 0, inAppOnly: 0, failed: 0, retry: 0, skipped: 0 });
    expect(world.deps.push.attempts).toHaveLength(1);
  });

  test('backoff doubles from the base and never exceeds the cap', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 30_000, maxDelayMs: 30 * 60_000 };
    expect([1, 2, 3, 6, 7, 20].map((a) => backoffDelay(policy, a))).toEqual([
      30_000, 60_000, 120_000, 960_000, 1_800_000, 1_800_000,
    ]);
  });

  describe('grants', () => {
    test('a resident without a grant gets the message in the app only, and nothing is sent to WeChat', async () => {
      await changeState(world, { userIds: [world.users.liu._id] });

      await drain(world);

      expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketAccepted/inAppOnly:noGrant']);
      expect(world.deps.push.attempts).toHaveLength(0);
    });

    test('a rejected template is no grant: in-app only', async () => {
      await grant(world, world.users.liu._id, ['accepted', 'progress'], 'reject');
      await changeState(world, { userIds: [world.users.liu._id] });

      await drain(world);

      expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketAccepted/inAppOnly:noGrant']);
    });

    test('each one-time accept allows exactly one send', async () => {
      await grant(world, world.users.liu._id, ['accepted']);
      await grant(world, world.users.liu._id, ['accepted']);
      for (let i = 0; i < 3; i++) await changeState(world, { userIds: [world.users.liu._id] });

      await drain(world);

      expect(await deliveries(world, world.users.liu._id)).toEqual([
        'ticketAccepted/sent',
        'ticketAccepted/sent',
        'ticketAccepted/inAppOnly:noGrant',
      ]);
      expect(world.deps.push.sent).toHaveLength(2);
    });

    test('a long-term template, by configuration, allows every send after one accept', async () => {
      const longTerm: NotificationSettings = {
        ...settings,
        templates: { ...settings.templates, accepted: { ...settings.templates.accepted!, longTerm: true } },
      };
      const { recordAnswers } = await import('../../server/core/notifications/subscriptions');
      await recordAnswers(
        world.deps.store,
        longTerm.templates,
        world.users.liu._id,
        { 'demo-tmpl-accepted': 'accept' },
        world.clock.now(),
      );
      for (let i = 0; i < 3; i++) await changeState(world, { userIds: [world.users.liu._id] });

      await fanOutPending(world.deps.store, 10);
      await dispatchDue(world.deps, longTerm);

      expect(world.deps.push.sent).toHaveLength(3);
    });

    test('a kind with no template configured in this deployment is in-app only', async () => {
      const none: NotificationSettings = { ...settings, templates: {} };
      await grant(world, world.users.liu._id, ['accepted']);
      await changeState(world, { userIds: [world.users.liu._id] });
      await fanOutPending(world.deps.store, 10);

      await dispatchDue(world.deps, none);

      expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketAccepted/inAppOnly:noTemplate']);
    });

    test('the same assignment reaches a worker through the task template and a resident through 受理通知', async () => {
      await grant(world, world.users.worker._id, ['task']);
      await grant(world, world.users.liu._id, ['accepted']);
      await changeState(world, {
        kind: 'ticketAssigned',
        userIds: [world.users.worker._id, world.users.liu._id],
      });

      await drain(world);

      // Sent side by side: the order of the two is not part of the promise.
      expect(world.deps.push.sent.map((m) => [m.openid, m.templateId]).sort()).toEqual([
        ['openid-user_liu', 'demo-tmpl-accepted'],
        ['openid-user_worker', 'demo-tmpl-task'],
      ]);
    });
  });

  describe('at most once', () => {
    test('two dispatchers racing over the same notifications send each once', async () => {
      for (const u of [world.users.liu, world.users.wang]) await grant(world, u._id, ['accepted']);
      await changeState(world, { userIds: [world.users.liu._id, world.users.wang._id] });
      await fanOutPending(world.deps.store, 10);

      const [a, b] = await Promise.all([
        dispatchDue(world.deps, settings),
        dispatchDue(world.deps, settings),
      ]);

      expect(a.sent + b.sent).toBe(2);
      expect(a.skipped + b.skipped).toBe(2);
      expect(world.deps.push.sent.map((m) => m.openid).sort()).toEqual([
        'openid-user_liu',
        'openid-user_wang',
      ]);
    });

    test('fanning one entry out twice makes one notification per user', async () => {
      const entry = await changeState(world, {
        userIds: [world.users.liu._id, world.users.wang._id, world.users.liu._id],
      });

      await fanOut(world.deps.store, entry);
      await fanOut(world.deps.store, { ...entry, state: 'pending' });

      expect(await world.deps.store.count('notifications')).toBe(2);
      expect((await world.deps.store.get('outbox', entry._id))?.state).toBe('fannedOut');
    });

    test('the after-action path and the scheduler sweep together still send once', async () => {
      await grant(world, world.users.liu._id, ['accepted']);
      const entry = await changeState(world, { userIds: [world.users.liu._id] });

      await Promise.all([dispatchEntries(world.deps, settings, [entry._id]), drain(world)]);
      await drain(world);

      expect(world.deps.push.sent).toHaveLength(1);
      expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketAccepted/sent']);
    });
  });
});

describe('fan-out and first send in one pass', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());
  const sweep = (w: World) => fanOutAndSend(w.deps, settings, { entries: 100, budget: 1000 });

  test('a fresh entry is fanned out and sent by the sweep itself, with no pending notification left', async () => {
    await grant(world, world.users.liu._id, ['accepted']);
    const entry = await changeState(world, { userIds: [world.users.liu._id, world.users.wang._id] });

    const { tally } = await sweep(world);

    expect(tally).toMatchObject({ sent: 1, inAppOnly: 1 });
    expect((await world.deps.store.get('outbox', entry._id))?.state).toBe('fannedOut');
    expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketAccepted/sent']);
    expect(await deliveries(world, world.users.wang._id)).toEqual(['ticketAccepted/inAppOnly:noGrant']);
    expect(await dispatchDue(world.deps, settings)).toEqual({
      sent: 0,
      inAppOnly: 0,
      failed: 0,
      retry: 0,
      skipped: 0,
    });
  });

  test('the sweep and the after-action path racing over one entry send each message once', async () => {
    for (const u of [world.users.liu, world.users.wang]) await grant(world, u._id, ['accepted']);
    const entry = await changeState(world, { userIds: [world.users.liu._id, world.users.wang._id] });

    await Promise.all([sweep(world), dispatchEntries(world.deps, settings, [entry._id]), sweep(world)]);
    await drain(world);

    expect(world.deps.push.sent.map((m) => m.openid).sort()).toEqual(['openid-user_liu', 'openid-user_wang']);
  });

  test('a notification an earlier pass wrote is not for this pass to send: it is sent once, by its own path', async () => {
    for (const u of [world.users.liu, world.users.wang]) await grant(world, u._id, ['accepted']);
    const entry = await changeState(world, { userIds: [world.users.liu._id, world.users.wang._id] });
    // An earlier pass died after writing liu's notification (pending), before marking the entry.
    await world.deps.store.insert('notifications', notificationFor(entry, world.users.liu._id));

    const { tally } = await sweep(world);
    await drain(world);

    expect(tally).toMatchObject({ sent: 1, skipped: 1 });
    expect(world.deps.push.sent.map((m) => m.openid).sort()).toEqual(['openid-user_liu', 'openid-user_wang']);
    expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketAccepted/sent']);
  });

  test('the sent answers of a pass are recorded in one write; one recovered meanwhile keeps its record', async () => {
    const people = [world.users.liu, world.users.wang, world.users.worker];
    for (const u of people) await grant(world, u._id, ['accepted']);
    await changeState(world, { userIds: people.map((u) => u._id) });
    const { store } = world.deps;
    const push = world.deps.push;
    const send = push.send.bind(push);
    // Stuck-claim recovery records wang's notification while the pass is still sending the others.
    push.send = async (message) => {
      const outcome = await send(message);
      if (message.openid === world.users.wang.openid) {
        const [n] = await store.find('notifications', { where: { userId: world.users.wang._id } });
        await store.update(
          'notifications',
          n!._id,
          {
            delivery: { ...n!.delivery, state: 'failed', reason: 'outcomeUnknown' },
            version: n!.version + 1,
          },
          { ifVersion: n!.version },
        );
      }
      return outcome;
    };
    const many = jest.spyOn(store, 'incrementMany');
    const single = jest.spyOn(store, 'update');

    const { tally } = await sweep(world);

    expect(tally).toMatchObject({ sent: 2, skipped: 1 });
    expect(many).toHaveBeenCalledTimes(1);
    expect(single.mock.calls.filter(([collection]) => collection === 'notifications')).toHaveLength(1);
    expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketAccepted/sent']);
    expect(await deliveries(world, world.users.worker._id)).toEqual([expect.stringMatching(/\/sent$/)]);
    expect(await deliveries(world, world.users.wang._id)).toEqual(['ticketAccepted/failed:outcomeUnknown']);
    const [liu] = await store.find('notifications', { where: { userId: world.users.liu._id } });
    expect(liu).toMatchObject({ version: 2, delivery: { state: 'sent', finishedAt: expect.any(String) } });
    expect(push.sent).toHaveLength(3);
  });

  test('one accept is one message even when two entries for the same user are sent in one pass', async () => {
    await grant(world, world.users.liu._id, ['accepted']);
    await changeState(world, { userIds: [world.users.liu._id] });
    await changeState(world, { userIds: [world.users.liu._id] });

    await sweep(world);

    expect(world.deps.push.sent).toHaveLength(1);
    expect((await deliveries(world, world.users.liu._id)).sort()).toEqual([
      'ticketAccepted/inAppOnly:noGrant',
      'ticketAccepted/sent',
    ]);
  });

  test('an entry larger than the whole budget is fanned out pending and sent by dispatchDue', async () => {
    for (const u of [world.users.liu, world.users.wang]) await grant(world, u._id, ['accepted']);
    await changeState(world, { userIds: [world.users.liu._id, world.users.wang._id] });

    const first = await fanOutAndSend(world.deps, settings, { entries: 10, budget: 1 });
    const due = await dispatchDue(world.deps, settings);

    expect(first.tally.sent).toBe(0);
    expect(due.sent).toBe(2);
  });
});

describe('right after the action, within a budget', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  test('an entry for more people than the budget is left whole to the scheduler, which then sends it', async () => {
    for (const u of [world.users.liu, world.users.wang]) await grant(world, u._id, ['accepted']);
    const big = await changeState(world, { userIds: [world.users.liu._id, world.users.wang._id] });

    const now = await dispatchEntries(world.deps, settings, [big._id], 1);
    const untouched = await world.deps.store.get('outbox', big._id);
    await drain(world);

    expect(now).toEqual({ sent: 0, inAppOnly: 0, failed: 0, retry: 0, skipped: 0 });
    expect(untouched?.state).toBe('pending');
    expect(world.deps.push.sent).toHaveLength(2);
  });
});
