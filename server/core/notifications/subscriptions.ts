/**
 * Subscription grants (订阅授权), per user and template. A one-time template allows one send per accept, so
 * accepts are counted and each send uses one; a long-term template allows every send while the user's last
 * answer was accept. WeChat keeps the real count: ours avoids calls that it would refuse, and 43101 corrects it.
 */
import type { SubscribeAnswer } from '../../../typings/message';
import type { Store, Tx } from '../ports/store';
import { toIso } from '../time/shanghai';
import type { SubscriptionGrant } from './subscription-grant';
import { templateKeyOf, type TemplateSet } from './templates';

export type { SubscribeAnswer, SubscriptionGrant };

export function subscriptionId(userId: string, templateId: string): string {
  return `sub_${userId}_${templateId}`;
}

/** Whether a send may use this grant now. */
export function usable(grant: SubscriptionGrant | null): grant is SubscriptionGrant {
  return !!grant && (grant.longTerm ? grant.active : grant.available > 0);
}

function answered(tx: Tx, grant: SubscriptionGrant): Promise<void> {
  return tx.set('subscriptions', grant);
}

/**
 * Records the answers of one wx.requestSubscribeMessage call in one transaction. Ids this deployment does not
 * configure are ignored (a stale client); the result says how many of each.
 */
export async function recordAnswers(
  store: Store,
  templates: TemplateSet,
  userId: string,
  answers: Record<string, SubscribeAnswer>,
  now: Date,
): Promise<{ recorded: SubscriptionGrant[]; ignored: string[] }> {
  const ignored = Object.keys(answers).filter((id) => !templateKeyOf(templates, id));
  const recorded = await store.transaction(async (tx) => {
    const out: SubscriptionGrant[] = [];
    for (const [templateId, answer] of Object.entries(answers)) {
      const key = templateKeyOf(templates, templateId);
      if (!key) continue;
      const longTerm = !!templates[key]?.longTerm;
      const id = subscriptionId(userId, templateId);
      const prior = await tx.get('subscriptions', id);
      const accept = answer === 'accept';
      const grant: SubscriptionGrant = {
        _id: id,
        userId,
        templateId,
        templateKey: key,
        longTerm,
        // A refusal now does not take back earlier one-time accepts: WeChat keeps those too.
        available: longTerm ? 0 : (prior?.available ?? 0) + (accept ? 1 : 0),
        active: longTerm ? accept : false,
        lastAnswer: answer,
        answeredAt: toIso(now),
        accepted: (prior?.accepted ?? 0) + (accept ? 1 : 0),
        used: prior?.used ?? 0,
        version: (prior?.version ?? 0) + 1,
      };
      await answered(tx, grant);
      out.push(grant);
    }
    return out;
  });
  return { recorded, ignored };
}

/** Uses one grant for a send about to happen; false when another send took the last one first. */
export async function reserveGrant(store: Store, grant: SubscriptionGrant): Promise<boolean> {
  if (grant.longTerm) return true;
  return store.update(
    'subscriptions',
    grant._id,
    { available: grant.available - 1, used: grant.used + 1, version: grant.version + 1 },
    { ifVersion: grant.version },
  );
}

/** Gives a reserved grant back: the send certainly did not reach the user (network, quota, bad data). */
export async function refundGrant(store: Store, grantId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const grant = await store.get('subscriptions', grantId);
    if (!grant || grant.longTerm) return;
    const patch = {
      available: grant.available + 1,
      used: Math.max(0, grant.used - 1),
      version: grant.version + 1,
    };
    if (await store.update('subscriptions', grantId, patch, { ifVersion: grant.version })) return;
  }
}

/** WeChat said 43101: whatever we counted, the user holds no grant for this template now. */
export async function exhaustGrant(store: Store, grantId: string, now: Date): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const grant = await store.get('subscriptions', grantId);
    if (!grant) return;
    const patch = {
      available: 0,
      active: false,
      lastAnswer: 'refusedBySend' as const,
      answeredAt: toIso(now),
      version: grant.version + 1,
    };
    if (await store.update('subscriptions', grantId, patch, { ifVersion: grant.version })) return;
  }
}
