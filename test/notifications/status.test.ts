import { localStatus } from '../../server/local-cloud/status';
import { dispatchDue } from '../../server/core/notifications/dispatcher';
import { fanOutPending } from '../../server/core/notifications/fan-out';
import { changeState, createWorld, settings, type World } from './fixture';

describe("the local cloud's status line", () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  test('counts notifications not yet delivered: recipients still in the outbox, then pending ones, then none', async () => {
    await changeState(world, { userIds: [world.users.liu._id, world.users.wang._id] });
    const queued = (await localStatus(world.deps, [])).pendingNotifications;
    await fanOutPending(world.deps.store, 10);
    const fanned = (await localStatus(world.deps, [])).pendingNotifications;
    await dispatchDue(world.deps, settings);
    const done = (await localStatus(world.deps, [])).pendingNotifications;

    expect([queued, fanned, done]).toEqual([2, 2, 0]);
  });
});
