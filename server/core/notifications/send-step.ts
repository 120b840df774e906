/**
 * The steps every dispatch path shares (DESIGN §6): the delivery states a notification moves through, the
 * versioned write that moves it, and the send of a claimed notification — use one grant, call WeChat,
 * record the answer. The paths differ only in how a notification gets claimed (dispatcher.ts: a versioned
 * update of a pending one; fresh-dispatch.ts: written already claimed).
 */
import type { Deps } from '../ports';
import type { PushOutcome } from '../ports/push';
import type { Store } from '../ports/store';
import type { CollectionDocs, CollectionName } from '../store/collections';
import { toIso } from '../time/shanghai';
import type { User } from '../users/model';
import { messagePage, templateData } from './message-data';
import type { DeliveryReason, DeliveryState, Notification } from './model';
import type { SentRecords } from './sent-records';
import {
  exhaustGrant,
  refundGrant,
  reserveGrant,
  subscriptionId,
  usable,
  type SubscriptionGrant,
} from './subscriptions';
import type { NotificationSettings, RetryPolicy, TemplateConfig } from './templates';

export type DispatchDeps = Pick<Deps, 'store' | 'clock' | 'push'>;

/** What became of one notification in this pass. `retry`: throttled or unreachable, due again later. */
export type DispatchStep = 'sent' | 'inAppOnly' | 'failed' | 'retry' | 'skipped';

export type DispatchTally = Record<DispatchStep, number>;

export function emptyTally(): DispatchTally {
  return { sent: 0, inAppOnly: 0, failed: 0, retry: 0, skipped: 0 };
}

export function add(tally: DispatchTally, step: DispatchStep): void {
  tally[step] += 1;
}

/** The wait before the next attempt: doubling from the base, never over the cap. */
export function backoffDelay(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export type Delivery = Notification['delivery'];

/** Writes the next delivery state, only over the version we hold: a stale write means someone else moved it. */
export function move(store: Store, n: Notification, delivery: Delivery): Promise<boolean> {
  return store.update('notifications', n._id, { delivery, version: n.version + 1 }, { ifVersion: n.version });
}

export function finished(
  d: Delivery,
  state: DeliveryState,
  reason: DeliveryReason | null,
  at: string,
  extra: Partial<Delivery> = {},
): Delivery {
  return { ...d, state, reason, nextAttemptAt: null, finishedAt: at, ...extra };
}

export interface FoundGrant {
  config: TemplateConfig;
  grant: SubscriptionGrant;
}

/** The first candidate template the user holds a grant for, read fresh. */
export async function findGrant(
  store: Store,
  n: Notification,
  candidates: Array<{ config: TemplateConfig }>,
): Promise<FoundGrant | null> {
  for (const { config } of candidates) {
    const grant = await store.get('subscriptions', subscriptionId(n.userId, config.id));
    if (usable(grant)) return { config, grant };
  }
  return null;
}

/**
 * Sends a notification this pass holds the claim of (state 'sending', `claimed.version` current): uses one
 * grant — another send to the same user may have taken it since it was read, so it is read again a few
 * times — calls WeChat and records the answer. With `sent`, a `sent` answer is recorded with the pass's
 * others (sent-records.ts); every other answer is recorded at once.
 */
export async function sendClaimed(
  deps: DispatchDeps,
  settings: NotificationSettings,
  claimed: Notification,
  user: User,
  found: FoundGrant,
  candidates: Array<{ config: TemplateConfig }>,
  sent?: SentRecords,
): Promise<DispatchStep> {
  const { store } = deps;
  let next: FoundGrant | null = found;
  let reserved: FoundGrant | null = null;
  for (let tries = 0; tries < 3 && next && !reserved; tries++) {
    if (await reserveGrant(store, next.grant)) reserved = next;
    else next = await findGrant(store, claimed, candidates);
  }
  if (!reserved) {
    const now = toIso(deps.clock.now());
    return (await move(store, claimed, finished(claimed.delivery, 'inAppOnly', 'noGrant', now)))
      ? 'inAppOnly'
      : 'skipped';
  }

  const message = {
    openid: user.openid,
    templateId: reserved.config.id,
    page: messagePage(claimed),
    data: templateData(reserved.config, claimed),
  };
  let outcome: PushOutcome;
  try {
    outcome = await deps.push.send(message);
  } catch (error) {
    // The port promises values, not throws; a throw may have happened after the request left: unknown.
    outcome = { kind: 'unknown', message: String((error as Error | null)?.message ?? error) };
  }
  if (outcome.kind === 'sent' && sent) {
    await sent.add(claimed._id, message.templateId);
    return 'sent';
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
          claimedBy: null,
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

/** Runs `work` over the items with at most `width` at a time (WeChat answers slowly; the store does not mind). */
export async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(width, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

const BY_ID_CHUNK = 500;

/** Documents by id, a few hundred ids a query: one round trip where a `get` each would be hundreds. */
export async function findByIds<C extends CollectionName>(
  store: Store,
  collection: C,
  ids: string[],
): Promise<Array<CollectionDocs[C]>> {
  const unique = [...new Set(ids)];
  const out: Array<CollectionDocs[C]> = [];
  for (let i = 0; i < unique.length; i += BY_ID_CHUNK) {
    const chunk = unique.slice(i, i + BY_ID_CHUNK);
    out.push(...(await store.find(collection, { where: { _id: { in: chunk } }, limit: chunk.length })));
  }
  return out;
}
