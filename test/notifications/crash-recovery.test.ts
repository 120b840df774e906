import { rmSync } from 'node:fs';
import * as z from 'zod/mini';
import { CountingStore } from '../../server/adapters/counting-store';
import { queueNotification } from '../../server/core/notifications/outbox';
import { toIso } from '../../server/core/time/shanghai';
import { defineFunction, invoke } from '../../server/functions/define';
import { schedulerFunction } from '../../server/functions/scheduler';
import type { ActionMap, ActionDef } from '../../typings/common';
import type { FunctionSpec } from '../../server/functions/define';
import { changeState, createWorld, deliveries, grant, settings, tempDataDir, type World } from './fixture';

const tick = (world: World) => invoke(schedulerFunction as never, world.deps, null, { action: 'tick' });

/** A stand-in action that changes state and queues a notification, as ticket actions do. */
type TestActions = { touch: ActionDef<{ userId: string; fail?: boolean }, { ok: true }> };
const testFunction = defineFunction<TestActions>('test', {
  touch: {
    input: z.object({ userId: z.string(), fail: z.optional(z.boolean()) }),
    run: async (deps, _caller, input) => {
      await deps.store.transaction(async (tx) => {
        const user = await tx.get('users', input.userId);
        if (!user) throw new Error('missing');
        await tx.update('users', user._id, { updatedAt: toIso(deps.clock.now()), version: user.version + 1 });
        await queueNotification(tx, deps.ids, deps.clock.now(), {
          userIds: [user._id],
          kind: 'ticketProgress',
          title: '工单有新进展',
          body: '网格员已联系物业',
          page: '/packages/resident/ticket/index?ticketId=ticket_1',
          ticketId: 'ticket_1',
          communityId: 'community_test',
        });
      });
      return { ok: true };
    },
  },
}) as unknown as FunctionSpec<ActionMap>;

describe('crashes and restarts', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDataDir();
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a crash between the state change and the dispatch loses nothing: after a restart the scheduler delivers once', async () => {
    const before = await createWorld({ dataDir });
    await grant(before, before.users.liu._id, ['accepted']);
    await changeState(before, { userIds: [before.users.liu._id] });
    before.close(); // the process dies here: committed, never dispatched

    const after = await createWorld({ dataDir, seedUsers: false });
    try {
      const first = await tick(after);
      await tick(after);
      after.clock.advance(60 * 60_000);
      await tick(after);

      expect(first).toMatchObject({
        ok: true,
        data: { results: { notifications: expect.objectContaining({ fannedOutEntries: 1, sent: 1 }) } },
      });
      expect(after.deps.push.sent.map((m) => m.openid)).toEqual(['openid-user_liu']);
      expect(await deliveries(after, after.users.liu._id)).toEqual(['ticketAccepted/sent']);
    } finally {
      after.close();
    }
  });

  test('a crash after the claim is recorded as unknown once the claim is stale, and never resent', async () => {
    const before = await createWorld({ dataDir });
    await grant(before, before.users.liu._id, ['accepted']);
    await changeState(before, { userIds: [before.users.liu._id] });
    const { fanOutPending } = await import('../../server/core/notifications/fan-out');
    await fanOutPending(before.deps.store, 10);
    const [n] = await before.deps.store.find('notifications', {});
    // The dispatcher claimed it, and the process died before WeChat's answer was recorded.
    const claim = {
      ...n!.delivery,
      state: 'sending' as const,
      attempts: 1,
      claimedAt: toIso(before.clock.now()),
      nextAttemptAt: null,
    };
    await before.deps.store.update(
      'notifications',
      n!._id,
      { delivery: claim, version: n!.version + 1 },
      { ifVersion: n!.version },
    );
    before.close();

    const after = await createWorld({ dataDir, seedUsers: false });
    try {
      await tick(after); // the claim is fresh: maybe a dispatcher is still at it
      const fresh = await deliveries(after, after.users.liu._id);
      after.clock.advance(settings.retry.stuckAfterMs + 1000);
      const late = await tick(after);
      after.clock.advance(60 * 60_000);
      await tick(after);

      expect(fresh).toEqual(['ticketAccepted/sending']);
      expect(late).toMatchObject({
        ok: true,
        data: { results: { notifications: expect.objectContaining({ recoveredUnknown: 1 }) } },
      });
      expect(await deliveries(after, after.users.liu._id)).toEqual(['ticketAccepted/failed:outcomeUnknown']);
      expect(after.deps.push.attempts).toHaveLength(0);
    } finally {
      after.close();
    }
  });
});

describe('right after the action', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => {
    world.close();
  });

  test('an action that queued a notification has it sent before it replies', async () => {
    await grant(world, world.users.liu._id, ['progress']);

    const result = await invoke(
      testFunction,
      world.deps,
      { openid: 'openid-user_liu' },
      { action: 'touch', userId: world.users.liu._id },
    );

    expect(result.ok).toBe(true);
    expect(world.deps.push.sent.map((m) => m.templateId)).toEqual(['demo-tmpl-progress']);
    expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketProgress/sent']);
  });

  test('a failing push never fails the action: the change stands and the delivery waits for a retry', async () => {
    await grant(world, world.users.liu._id, ['progress']);
    world.deps.push.failNext({ kind: 'network', message: 'connect ECONNREFUSED' });

    const result = await invoke(
      testFunction,
      world.deps,
      { openid: 'openid-user_liu' },
      { action: 'touch', userId: world.users.liu._id },
    );

    expect(result.ok).toBe(true);
    expect(await deliveries(world, world.users.liu._id)).toEqual(['ticketProgress/pending']);
  });

  test('a state change costs one transaction and at most 4 writes, the outbox entry included', async () => {
    const counting = new CountingStore(world.deps.store);
    const touch = testFunction.actions.touch!;

    await touch.run({ ...world.deps, store: counting }, { openid: 'x' }, { userId: world.users.wang._id });

    expect(counting.counts.transactions).toBe(1);
    expect(counting.counts.writes).toBeLessThanOrEqual(4);
    expect(counting.counts.writesBy).toEqual({ users: 1, outbox: 1 });
  });
});
