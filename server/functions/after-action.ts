/**
 * "Right after the action": invoke runs each action over a store that notes the outbox entries its committed
 * writes queued, then sends those at once — the resident hears within the same call, not at the next
 * scheduler minute. Failures here never fail the action (its change is committed); the scheduler's sweep
 * picks up whatever is left.
 */
import { dispatchEntries } from '../core/notifications/dispatcher';
import type { Deps } from '../core/ports';
import { ObservedStore } from '../core/store/observed-store';

export interface TrackedDeps {
  deps: Deps;
  /** Outbox entry ids written by committed transactions or plain inserts during the action. */
  queued: string[];
}

/** Wraps the store so that outbox inserts are noted; a transaction's notes count only once it committed. */
export function trackOutbox(deps: Deps): TrackedDeps {
  const queued: string[] = [];
  const store = new ObservedStore(deps.store, {
    write: (collection, kind, ids) => {
      if (collection === 'outbox' && (kind === 'insert' || kind === 'set')) queued.push(...ids);
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
