/**
 * What one dispatch pass reads before it sends: the grants its recipients could use and the users who hold
 * one, in a few queries by id, instead of a `get` per user and per template for every notification.
 */
import type { Deps } from '../ports';
import type { User } from '../users/model';
import type { Notification } from './model';
import { findByIds, type FoundGrant } from './send-step';
import { subscriptionId, usable, type SubscriptionGrant } from './subscriptions';
import { templatesFor, type NotificationSettings } from './templates';

/** Users and grants of a pass, read together: `grants` by subscription id. */
export interface PassReads {
  users: Map<string, User>;
  grants: Map<string, SubscriptionGrant>;
}

/** Reads the users who may get a subscribe message and every grant they could use, in a few queries. */
export async function readPass(
  deps: Pick<Deps, 'store'>,
  settings: NotificationSettings,
  recipients: Array<{ userId: string; kind: Notification['kind'] }>,
): Promise<PassReads> {
  const grantIds = recipients.flatMap((r) =>
    templatesFor(settings.templates, r.kind).map(({ config }) => subscriptionId(r.userId, config.id)),
  );
  const grants = new Map(
    grantIds.length ? (await findByIds(deps.store, 'subscriptions', grantIds)).map((g) => [g._id, g]) : [],
  );
  // Only those holding a usable grant are sent to WeChat, so only their openids are needed.
  const granted = [...grants.values()].filter((g) => usable(g)).map((g) => g.userId);
  const users = new Map(
    granted.length ? (await findByIds(deps.store, 'users', granted)).map((u) => [u._id, u]) : [],
  );
  return { users, grants };
}

/** The grant this notification would use, from what the pass read; one-time grants are shared out in order. */
export function pickGrant(
  reads: PassReads,
  settings: NotificationSettings,
  n: Pick<Notification, 'userId' | 'kind'>,
): FoundGrant | null {
  for (const { config } of templatesFor(settings.templates, n.kind)) {
    const id = subscriptionId(n.userId, config.id);
    const grant = reads.grants.get(id);
    if (!grant || !usable(grant)) continue;
    // The next notification of this pass sees one fewer: a user's one accept is one message, not two.
    if (!grant.longTerm)
      reads.grants.set(id, {
        ...grant,
        available: grant.available - 1,
        used: grant.used + 1,
        version: grant.version + 1,
      });
    return { config, grant };
  }
  return null;
}

/**
 * The outcome known without sending, for a notification about to be written: in-app only (no template, or no
 * grant), failed (no such user); null when it has a grant and waits for the send.
 */
export function decidedDelivery(
  reads: PassReads,
  settings: NotificationSettings,
  n: Pick<Notification, 'userId' | 'kind'>,
): {
  state: 'inAppOnly' | 'failed';
  reason: 'noTemplate' | 'noGrant' | 'noUser';
  extra?: { lastError: string };
} | null {
  if (templatesFor(settings.templates, n.kind).length === 0)
    return { state: 'inAppOnly', reason: 'noTemplate' };
  // Peeked, not taken: the send takes the grant (send-step.ts reserves it).
  const usableGrant = templatesFor(settings.templates, n.kind).some(({ config }) =>
    usable(reads.grants.get(subscriptionId(n.userId, config.id)) ?? null),
  );
  if (!usableGrant) return { state: 'inAppOnly', reason: 'noGrant' };
  if (!reads.users.has(n.userId))
    return { state: 'failed', reason: 'noUser', extra: { lastError: '用户不存在' } };
  return null;
}
