/**
 * "Right after the action": invoke runs each action over a store that notes the outbox entries its committed
 * writes queued, then sends those at once — the resident hears within the same call, not at the next
 * scheduler minute. Failures here never fail the action (its change is committed); the scheduler's sweep
 * picks up whatever is left.
 */
import { dispatchEntries } from '../core/notifications/dispatcher';
import { awaitsSend } from '../core/notifications/fan-out';
import type { Notification } from '../core/notifications/model';
import type { Deps } from '../core/ports';
import type { Store, Tx } from '../core/ports/store';

export interface TrackedDeps {
  deps: Deps;
  /** Ids of outbox entries and notifications written by committed transactions or plain inserts. */
  queued: string[];
}

/**
 * A change's transaction writes an outbox entry, or (few recipients) its notifications themselves: both are
 * sent right after. Notifications written outside a transaction come from a fan-out, which sends its own.
 */
function toSend(collection: string, doc: object): boolean {
  if (collection === 'outbox') return true;
  // One written finished (in-app only) needs nothing more: noting it would only cost a read to find out.
  return collection === 'notifications' && awaitsSend(doc as Notification);
}

/** Wraps the store so that outbox and notification inserts are noted; a transaction's notes count only once it committed. */
export function trackOutbox(deps: Deps): TrackedDeps {
  const queued: string[] = [];
  const inner = deps.store;
  const store: Store = {
    get: (c, id) => inner.get(c, id),
    find: (c, q) => inner.find(c, q),
    count: (c, w) => inner.count(c, w),
    insertMany: async (c, docs) => {
      await inner.insertMany(c, docs);
      if (c === 'outbox') queued.push(...docs.map((doc) => doc._id));
    },
    update: (c, id, patch, options) => inner.update(c, id, patch, options),
    remove: (c, id) => inner.remove(c, id),
    insert: async (collection, doc) => {
      await inner.insert(collection, doc);
      if (collection === 'outbox') queued.push(doc._id);
    },
    transaction: (work) => tracked(work),
  };
  async function tracked<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    // The store may run `work` again after a conflict: only the last run's notes are the committed ones.
    let attempt: string[] = [];
    const result = await inner.transaction(async (tx) => {
      attempt = [];
      const noting: Tx = {
        get: (c, id) => tx.get(c, id),
        insert: async (c, doc) => {
          await tx.insert(c, doc);
          if (toSend(c, doc)) attempt.push(doc._id);
        },
        set: async (c, doc) => {
          await tx.set(c, doc);
          if (toSend(c, doc)) attempt.push(doc._id);
        },
        update: (c, id, patch) => tx.update(c, id, patch),
        delete: (c, id) => tx.delete(c, id),
      };
      return work(noting);
    });
    queued.push(...attempt);
    return result;
  }
  return { deps: { ...deps, store }, queued };
}

/** Sends what the action queued; logs and swallows any failure. */
export async function dispatchQueued(deps: Deps, queued: string[]): Promise<void> {
  if (queued.length === 0) return;
  try {
    await dispatchEntries(deps, deps.notificationSettings, [...new Set(queued)]);
  } catch (error) {
    console.error('[notifications] dispatch after the action failed; the scheduler will retry', error);
  }
}
