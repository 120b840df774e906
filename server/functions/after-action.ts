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
import { ObservedStore } from '../core/store/observed-store';

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
  const store = new ObservedStore(deps.store, {
    write: (collection, kind, ids, docs, inTransaction) => {
      if (kind !== 'insert' && kind !== 'set') return;
      ids.forEach((id, i) => {
        if (collection === 'outbox' || (inTransaction && toSend(collection, docs[i] ?? {}))) queued.push(id);
      });
    },
  });
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
