/**
 * The dispatcher (DESIGN §6): sends each in-app notification as a subscribe message where the user holds a
 * grant. At most once to WeChat: a notification is claimed (update with ifVersion: one dispatcher wins)
 * before the send; an answer that may mean "delivered" is never retried. Every notification ends sent,
 * inAppOnly or failed with a reason.
 */
import type { Deps } from '../ports';
import type { PushOutcome } from '../ports/push';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import type { User } from '../users/model';
import { fanOut } from './fan-out';
import { messagePage, templateData } from './message-data';
import type { DeliveryReason, DeliveryState, Notification } from './model';
import {
  exhaustGrant,
  refundGrant,
  reserveGrant,
  subscriptionId,
  usable,
  type SubscriptionGrant,
} from './subscriptions';
import { templatesFor, type NotificationSettings, type RetryPolicy, type TemplateConfig } from './templates';

export type DispatchDeps = Pick<Deps, 'store' | 'clock' | 'push'>;

/** What became of one notification in this pass. `retry`: throttled or unreachable, due again later. */
export type DispatchStep = 'sent' | 'inAppOnly' | 'failed' | 'retry' | 'skipped';

export type DispatchTally = Record<DispatchStep, number>;

export function emptyTally(): DispatchTally {
  return { sent: 0, inAppOnly: 0, failed: 0, retry: 0, skipped: 0 };
}

/** The wait before the next attempt: doubling from the base, never over the cap. */
export function backoffDelay(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

type Delivery = Notification['delivery'];

/** One run's memory: a user is read once however many notifications they get. */
interface Run {
  users: Map<string, User | null>;
}

function newRun(): Run {
  return { users: new Map() };
}

async function userOf(store: Store, run: Run, userId: string): Promise<User | null> {
  if (!run.users.has(userId)) run.users.set(userId, await store.get('users', userId));
  return run.users.get(userId) ?? null;
}

/** Writes the next delivery state, only over the version we hold: a stale write means someone else moved it. */
function move(store: Store, n: Notification, delivery: Delivery): Promise<boolean> {
  return store.update('notifications', n._id, { delivery, version: n.version + 1 }, { ifVersion: n.version });
}

function finished(
  d: Delivery,
  state: DeliveryState,
  reason: DeliveryReason | null,
  at: string,
  extra: Partial<Delivery> = {},
): Delivery {
  return { ...d, state, reason, nextAttemptAt: null, finishedAt: at, ...extra };
}

/** The first candidate template the user holds a grant for, read fresh. */
async function findGrant(
  store: Store,
  n: Notification,
  candidates: Array<{ config: TemplateConfig }>,
): Promise<{ config: TemplateConfig; grant: SubscriptionGrant } | null> {
  for (const { config } of candidates) {
    const grant = await store.get('subscriptions', subscriptionId(n.userId, config.id));
    if (usable(grant)) return { config, grant };
  }
  return null;
}

/** Decides, claims, sends and records one notification. */
async function dispatchNotification(
  deps: DispatchDeps,
  settings: NotificationSettings,
  n: Notification,
  run: Run,
): Promise<DispatchStep> {
  const { store } = deps;
  if (n.delivery.state !== 'pending') return 'skipped';
  const now = toIso(deps.clock.now());

  const candidates = templatesFor(settings.templates, n.kind);
  if (candidates.length === 0)
    return (await move(store, n, finished(n.delivery, 'inAppOnly', 'noTemplate', now)))
      ? 'inAppOnly'
      : 'skipped';
  const user = await userOf(store, run, n.userId);
  if (!user) {
    const delivery = finished(n.delivery, 'failed', 'noUser', now, { lastError: '用户不存在' });
    return (await move(store, n, delivery)) ? 'failed' : 'skipped';
  }
  let found = await findGrant(store, n, candidates);
  if (!found) {
    // No grant: the in-app message is the delivery. The versioned write is this notification's claim.
    return (await move(store, n, finished(n.delivery, 'inAppOnly', 'noGrant', now)))
      ? 'inAppOnly'
      : 'skipped';
  }

  // Claim before send: only the dispatcher whose versioned write lands goes on to WeChat.
  const claim: Delivery = {
    ...n.delivery,
    state: 'sending',
    attempts: n.delivery.attempts + 1,
    claimedAt: now,
    nextAttemptAt: null,
  };
  if (!(await move(store, n, claim))) return 'skipped';
  const claimed: Notification = { ...n, delivery: claim, version: n.version + 1 };

  // Use one grant; another send to the same user may have taken it since we read it: read again, a few times.
  let reserved: { config: TemplateConfig; grant: SubscriptionGrant } | null = null;
  for (let tries = 0; tries < 3 && found && !reserved; tries++) {
    if (await reserveGrant(store, found.grant)) reserved = found;
    else found = await findGrant(store, n, candidates);
  }
  if (!reserved)
    return (await move(store, claimed, finished(claim, 'inAppOnly', 'noGrant', now)))
      ? 'inAppOnly'
      : 'skipped';

  const message = {
    openid: user.openid,
    templateId: reserved.config.id,
    page: messagePage(n),
    data: templateData(reserved.config, n),
  };
  let outcome: PushOutcome;
  try {
    outcome = await deps.push.send(message);
  } catch (error) {
    // The port promises values, not throws; a throw may have happened after the request left: unknown.
    outcome = { kind: 'unknown', message: String((error as Error | null)?.message ?? error) };
  }
  return record(deps, settings, claimed, reserved.grant, outcome, {
    templateId: message.templateId,
    page: message.page,
    data: message.data,
  });
}

async function record(
  deps: DispatchDeps,
  settings: NotificationSettings,
  n: Notification,
  grant: SubscriptionGrant,
  outcome: PushOutcome,
  payload: { templateId: string; page: string; data: Record<string, { value: string }> },
): Promise<DispatchStep> {
  const { store } = deps;
  const clock = deps.clock.now();
  const now = toIso(clock);
  const d: Delivery = { ...n.delivery, templateId: payload.templateId };
  const code = 'code' in outcome ? outcome.code : null;
  let next: Delivery;
  let step: DispatchStep;
  switch (outcome.kind) {
    case 'sent':
      next = finished(d, 'sent', null, now, { lastError: null, errorCode: null });
      step = 'sent';
      break;
    case 'refused':
      await exhaustGrant(store, grant._id, clock);
      next = finished(d, 'inAppOnly', 'refused', now, { lastError: outcome.message, errorCode: code });
      step = 'inAppOnly';
      break;
    case 'badData':
      await refundGrant(store, grant._id);
      next = finished(d, 'failed', 'badData', now, { lastError: outcome.message, errorCode: code, payload });
      step = 'failed';
      break;
    case 'unknown':
      // It may have reached the user: recorded, never resent, and the grant counts as used.
      next = finished(d, 'failed', 'outcomeUnknown', now, { lastError: outcome.message, errorCode: null });
      step = 'failed';
      break;
    case 'throttled':
    case 'network': {
      await refundGrant(store, grant._id);
      if (d.attempts >= settings.retry.maxAttempts) {
        next = finished(d, 'failed', 'maxAttempts', now, { lastError: outcome.message, errorCode: code });
        step = 'failed';
      } else {
        const at = new Date(clock.getTime() + backoffDelay(settings.retry, d.attempts));
        next = {
          ...d,
          state: 'pending',
          nextAttemptAt: toIso(at),
          claimedAt: null,
          lastError: outcome.message,
          errorCode: code,
        };
        step = 'retry';
      }
      break;
    }
  }
  // A stale write here means stuck-claim recovery got there first and recorded it as unknown: that stands.
  return (await move(store, n, next)) ? step : 'skipped';
}

function add(tally: DispatchTally, step: DispatchStep): void {
  tally[step] += 1;
}

/** Runs `work` over the items with at most `width` at a time (WeChat answers slowly; the store does not mind). */
async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(width, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

export interface DispatchOptions {
  /** Notifications per pass (a cloud function has at most 60 s). */
  limit?: number;
  concurrency?: number;
}

/** Sends the notifications that are pending and due, oldest first. */
export async function dispatchDue(
  deps: DispatchDeps,
  settings: NotificationSettings,
  options: DispatchOptions = {},
): Promise<DispatchTally> {
  const due = await deps.store.find('notifications', {
    where: { 'delivery.state': 'pending', 'delivery.nextAttemptAt': { lte: toIso(deps.clock.now()) } },
    orderBy: [['delivery.nextAttemptAt', 'asc']],
    limit: options.limit ?? 500,
  });
  const tally = emptyTally();
  const run = newRun();
  await pool(due, options.concurrency ?? 4, async (n) =>
    add(tally, await dispatchNotification(deps, settings, n, run)),
  );
  return tally;
}

/**
 * Fans out and sends the entries an action just queued, by id: the "right after the action" path. The caller
 * waits for it, so it does a bounded amount: an entry for many people (a notice to a whole community) and
 * anything past the budget are left to the scheduler's sweep.
 */
export async function dispatchEntries(
  deps: DispatchDeps,
  settings: NotificationSettings,
  outboxIds: string[],
  budget = 20,
): Promise<DispatchTally> {
  const tally = emptyTally();
  const run = newRun();
  let left = budget;
  for (const outboxId of outboxIds) {
    const entry = await deps.store.get('outbox', outboxId);
    if (!entry || entry.userIds.length > left) continue;
    for (const id of await fanOut(deps.store, entry)) {
      const n = await deps.store.get('notifications', id);
      if (n) add(tally, await dispatchNotification(deps, settings, n, run));
      left -= 1;
    }
  }
  return tally;
}

/**
 * Claims left in 'sending' past the stuck limit: the process died between claim and record. WeChat may have
 * taken the message, so it is recorded as unknown — never resent.
 */
export async function recoverStuck(
  deps: Pick<Deps, 'store' | 'clock'>,
  settings: NotificationSettings,
  limit = 500,
): Promise<number> {
  const clock = deps.clock.now();
  const now = toIso(clock);
  const before = toIso(new Date(clock.getTime() - settings.retry.stuckAfterMs));
  const stuck = await deps.store.find('notifications', {
    where: { 'delivery.state': 'sending', 'delivery.claimedAt': { lt: before } },
    orderBy: [['delivery.claimedAt', 'asc']],
    limit,
  });
  let recovered = 0;
  for (const n of stuck) {
    const delivery = finished(n.delivery, 'failed', 'outcomeUnknown', now, {
      lastError: '发送中断（进程在发送期间退出），结果未知，不再重发',
    });
    if (await move(deps.store, n, delivery)) recovered += 1;
  }
  return recovered;
}
