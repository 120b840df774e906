/**
 * Fan-out and first send in one pass, for outbox entries nobody has fanned out yet (right after an action,
 * and the scheduler's sweep). What the notification will become is decided before it is written: without a
 * template or a grant it is written finished (in-app only), with one it is written already claimed
 * ('sending', this pass's token) — the unique insert is the claim, so a first send costs no claim write.
 * Per notification sent: its share of a batch insert, the grant's use, and its share of the recorded
 * answers (sent-records.ts: the pass's `sent` answers in one request per template and hundred).
 *
 * At most once still holds: a notification that exists already (another pass, a half-done earlier batch)
 * is not this pass's unless it carries this pass's token, and only this pass's are sent.
 */
import { isAppError } from '../errors';
import type { Deps } from '../ports';
import { toIso } from '../time/shanghai';
import { fanOut, notificationFor } from './fan-out';
import type { Notification, OutboxEntry } from './model';
import { pickGrant, readPass } from './pass-reads';
import {
  add,
  emptyTally,
  findByIds,
  finished,
  pool,
  sendClaimed,
  type DispatchDeps,
  type DispatchTally,
  type FoundGrant,
} from './send-step';
import { SentRecords } from './sent-records';
import { templatesFor, type NotificationSettings } from './templates';

const SEND_WIDTH = 4;

interface Claimed {
  n: Notification;
  found: FoundGrant;
}

/** Fans out `entries` (pending outbox entries) and sends what has a grant; marks each entry fanned out. */
export async function sendEntries(
  deps: DispatchDeps & Pick<Deps, 'ids'>,
  settings: NotificationSettings,
  entries: OutboxEntry[],
): Promise<DispatchTally> {
  const tally = emptyTally();
  const fresh = entries.filter((e) => e.state === 'pending');
  if (fresh.length === 0) return tally;
  const { store } = deps;
  const now = toIso(deps.clock.now());
  const token = deps.ids.next('pass');

  const recipients = fresh.flatMap((entry) => entry.userIds.map((userId) => ({ userId, kind: entry.kind })));
  const reads = await readPass(deps, settings, recipients);
  const docs: Notification[] = [];
  const claims = new Map<string, Claimed>();
  for (const entry of fresh) {
    for (const userId of new Set(entry.userIds)) {
      const n = notificationFor(entry, userId);
      const d = n.delivery;
      const found = templatesFor(settings.templates, n.kind).length ? pickGrant(reads, settings, n) : null;
      const user = reads.users.get(userId);
      if (templatesFor(settings.templates, n.kind).length === 0)
        n.delivery = finished(d, 'inAppOnly', 'noTemplate', now);
      else if (!found) n.delivery = finished(d, 'inAppOnly', 'noGrant', now);
      else if (!user) n.delivery = finished(d, 'failed', 'noUser', now, { lastError: '用户不存在' });
      else {
        n.delivery = {
          ...d,
          state: 'sending',
          attempts: 1,
          claimedAt: now,
          claimedBy: token,
          nextAttemptAt: null,
        };
        claims.set(n._id, { n, found });
      }
      docs.push(n);
    }
  }

  const ours = await insertClaiming(deps, docs, token);
  await Promise.all(fresh.map((entry) => store.update('outbox', entry._id, { state: 'fannedOut' })));
  for (const n of docs) {
    if (!ours.has(n._id)) add(tally, 'skipped');
    else if (n.delivery.state === 'inAppOnly') add(tally, 'inAppOnly');
    else if (n.delivery.state === 'failed') add(tally, 'failed');
  }
  const toSend = [...claims.values()].filter((c) => ours.has(c.n._id));
  const sent = new SentRecords(store, deps.clock, token, tally);
  await pool(toSend, SEND_WIDTH, async ({ n, found }) => {
    const user = reads.users.get(n.userId)!;
    const candidates = templatesFor(settings.templates, n.kind);
    add(tally, await sendClaimed(deps, settings, n, user, found, candidates, sent));
  });
  await sent.flush();
  return tally;
}

/**
 * Writes the notifications in batches; returns the ids this pass wrote. When some exist already the batch
 * may have landed in part (CloudBase does not promise all or nothing), so what exists is read back and
 * this pass's are told by the token; finished ones another pass wrote are theirs and stand.
 */
async function insertClaiming(
  deps: Pick<Deps, 'store'>,
  docs: Notification[],
  token: string,
): Promise<Set<string>> {
  const { store } = deps;
  try {
    await store.insertMany('notifications', docs);
    return new Set(docs.map((d) => d._id));
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
  }
  const existing = new Map(
    (
      await findByIds(
        store,
        'notifications',
        docs.map((d) => d._id),
      )
    ).map((n) => [n._id, n]),
  );
  const ours = new Set<string>();
  for (const doc of docs) {
    const found = existing.get(doc._id);
    if (found) {
      if (found.delivery.claimedBy === token) ours.add(doc._id);
      continue;
    }
    try {
      await store.insert('notifications', doc);
      ours.add(doc._id);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    }
  }
  return ours;
}

/**
 * The scheduler's sweep: the oldest pending entries, fanned out and sent up to `budget` recipients; an entry
 * larger than the whole budget is fanned out as pending notifications that dispatchDue sends over the next
 * passes, so no one pass outgrows the function's timeout.
 */
export async function fanOutAndSend(
  deps: DispatchDeps & Pick<Deps, 'ids'>,
  settings: NotificationSettings,
  options: { entries: number; budget: number },
): Promise<{ entries: number; tally: DispatchTally }> {
  const entries = await deps.store.find('outbox', {
    where: { state: 'pending' },
    orderBy: [['createdAt', 'asc']],
    limit: options.entries,
  });
  const now: OutboxEntry[] = [];
  let left = options.budget;
  for (const entry of entries) {
    if (entry.userIds.length > options.budget) await fanOut(deps.store, entry);
    else if (entry.userIds.length <= left) {
      now.push(entry);
      left -= entry.userIds.length;
    }
  }
  const tally = await sendEntries(deps, settings, now);
  return { entries: entries.length, tally };
}
