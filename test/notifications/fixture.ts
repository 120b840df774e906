/**
 * A small world for the notification tests, independent of the demo data: users with roles, a clock that
 * stands still, sequential ids, the recording push, and a "state change" written the way use cases write
 * one — the changed document and its outbox entry in one transaction.
 */
import { withRoles } from '../../server/core/users/role-keys';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../server/adapters/local/clocks';
import { sequentialIds } from '../../server/adapters/local/ids';
import { DEMO_TEMPLATES } from '../../server/adapters/push-templates';
import type { NewNotification, OutboxEntry } from '../../server/core/notifications/model';
import { queueNotification } from '../../server/core/notifications/outbox';
import { recordAnswers, type SubscribeAnswer } from '../../server/core/notifications/subscriptions';
import {
  DEFAULT_RETRY,
  type NotificationSettings,
  type TemplateKey,
} from '../../server/core/notifications/templates';
import type { Ids } from '../../server/core/ports/ids';
import type { User } from '../../server/core/users/model';
import { toIso } from '../../server/core/time/shanghai';
import { createLocalDeps, type LocalDeps } from '../../server/local-cloud/deps';

export const NOW = '2026-06-20T09:00:00+08:00';
export const COMMUNITY = 'community_test';

export const settings: NotificationSettings = {
  templates: DEMO_TEMPLATES,
  retry: DEFAULT_RETRY,
  deadlineReminderMs: 30 * 60_000,
};

export interface World {
  deps: LocalDeps;
  clock: ManualClock;
  ids: Ids;
  users: { liu: User; wang: User; worker: User; staff: User };
  close(): void;
}

function user(id: string, name: string, roles: User['roles']): User {
  return {
    _id: id,
    openid: `openid-${id}`,
    name,
    phone: null,
    ...withRoles(roles),
    householdId: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

/** A fresh world; `dataDir` puts the database in a file, so that a test can "restart" on it. */
export async function createWorld(
  options: { dataDir?: string; seedUsers?: boolean; clock?: ManualClock; ids?: Ids } = {},
): Promise<World> {
  const clock = options.clock ?? new ManualClock(NOW);
  const ids = options.ids ?? sequentialIds();
  const deps = createLocalDeps({
    dataDir: options.dataDir,
    clock,
    ids,
    filesRoot: join(tmpdir(), 'gridlink-test-files'),
    notificationSettings: settings,
  });
  const users = {
    liu: user('user_liu', '刘阿姨', [{ role: 'resident', communityId: COMMUNITY }]),
    wang: user('user_wang', '王先生', [{ role: 'resident', communityId: COMMUNITY }]),
    worker: user('user_worker', '李网格员', [
      { role: 'worker', communityId: COMMUNITY, gridId: 'grid_1', microGridId: 'mg_1' },
    ]),
    staff: user('user_staff', '赵社工', [{ role: 'staff', communityId: COMMUNITY }]),
  };
  if (options.seedUsers !== false) await deps.store.insertMany('users', Object.values(users));
  return { deps, clock, ids, users, close: () => deps.store.close() };
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'gridlink-notify-'));
}

/** A state change as a use case writes it: the changed document and the outbox entry, one transaction. */
export async function changeState(
  world: Pick<World, 'deps'>,
  note: Partial<NewNotification> & { userIds: string[] },
): Promise<OutboxEntry> {
  const { store, clock, ids } = world.deps;
  const entry = await store.transaction(async (tx) => {
    const subject = await tx.get('users', note.userIds[0]!);
    if (subject)
      await tx.update('users', subject._id, { updatedAt: toIso(clock.now()), version: subject.version + 1 });
    return queueNotification(tx, ids, clock.now(), {
      kind: 'ticketAccepted',
      title: '您的工单已受理',
      body: '3号楼下水井堵塞：网格员已签收，正在处理',
      page: '/packages/resident/ticket/index?ticketId=ticket_1',
      ticketId: 'ticket_1',
      communityId: COMMUNITY,
      facts: { subject: '3号楼下水井堵塞', status: '已签收' },
      ...note,
    });
  });
  if (!entry) throw new Error('nothing queued');
  return entry;
}

/** The user answers wx.requestSubscribeMessage for these templates. */
export async function grant(
  world: Pick<World, 'deps'>,
  userId: string,
  keys: TemplateKey[],
  answer: SubscribeAnswer = 'accept',
): Promise<void> {
  const answers = Object.fromEntries(keys.map((key) => [settings.templates[key]!.id, answer]));
  await recordAnswers(world.deps.store, settings.templates, userId, answers, world.deps.clock.now());
}

/** Every notification of a user, oldest first, as "kind/state". */
export async function deliveries(world: Pick<World, 'deps'>, userId: string): Promise<string[]> {
  const rows = await world.deps.store.find('notifications', {
    where: { userId },
    orderBy: [['createdAt', 'asc']],
  });
  return rows.map((n) => `${n.kind}/${n.delivery.state}${n.delivery.reason ? `:${n.delivery.reason}` : ''}`);
}
