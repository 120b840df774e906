/** The one Store decorator: hooks see what passed through, and a transaction only as it committed. */
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { CountingStore } from '../../server/adapters/counting-store';
import type { Store, Tx } from '../../server/core/ports/store';
import { ObservedStore } from '../../server/core/store/observed-store';
import { trackOutbox } from '../../server/functions/after-action';
import type { Deps } from '../../server/core/ports';
import type { OutboxEntry } from '../../server/core/notifications/model';

/** A store whose first run of every transaction is thrown away, as CloudBase does after a conflict. */
function retryingOnce(inner: Store): Store {
  return {
    ...inner,
    get: (c, id) => inner.get(c, id),
    transaction: async <R>(work: (tx: Tx) => Promise<R>): Promise<R> => {
      await inner
        .transaction(async (tx) => {
          await work(tx);
          throw Object.assign(new Error('conflict, run again'), { discarded: true });
        })
        .catch((error: { discarded?: boolean }) => {
          if (!error.discarded) throw error;
        });
      return inner.transaction(work);
    },
  };
}

const outboxEntry = (id: string) => ({ _id: id }) as unknown as OutboxEntry;

describe('the observing Store decorator', () => {
  let sqlite: SqliteStore;
  beforeEach(() => {
    sqlite = new SqliteStore(':memory:');
  });
  afterEach(() => sqlite.close());

  test('when a transaction runs twice, only the committed run is reported, then commit', async () => {
    const seen: string[] = [];
    const store = new ObservedStore(retryingOnce(sqlite), {
      read: (c) => seen.push(`read ${c}`),
      write: (c, kind, ids) => seen.push(`${kind} ${c} ${ids.join(',')}`),
      commit: () => seen.push('commit'),
    });
    await store.transaction(async (tx) => {
      await tx.get('outbox', 'o1');
      await tx.insert('outbox', outboxEntry('o1'));
    });
    expect(seen).toEqual(['read outbox', 'insert outbox o1', 'commit']);
    expect(await sqlite.get('outbox', 'o1')).not.toBeNull();
  });

  test('plain reads report the documents they returned; a transaction’s reads do not', async () => {
    const returned: string[] = [];
    const store = new ObservedStore(sqlite, { returned: (c, n) => returned.push(`${c} ${n}`) });
    await store.insertMany('outbox', [outboxEntry('o1'), outboxEntry('o2')]);
    await store.get('outbox', 'o1');
    await store.get('outbox', 'nope');
    await store.find('outbox', {});
    await store.transaction((tx) => tx.get('outbox', 'o2'));
    expect(returned).toEqual(['outbox 1', 'outbox 0', 'outbox 2']);
  });

  test('a failed transaction reports nothing, plain writes report their ids', async () => {
    const seen: string[] = [];
    const store = new ObservedStore(sqlite, {
      write: (c, kind, ids) => seen.push(`${kind} ${c} ${ids.join(',')}`),
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.insert('outbox', outboxEntry('o2'));
        throw new Error('the use case refused');
      }),
    ).rejects.toThrow('the use case refused');
    await store.insertMany('outbox', [outboxEntry('o3'), outboxEntry('o4')]);
    expect(seen).toEqual(['insert outbox o3,o4']);
  });

  test('the counting store and the outbox tracking are both built on it and count the same run', async () => {
    const counting = new CountingStore(retryingOnce(sqlite));
    const tracked = trackOutbox({ store: counting } as unknown as Deps);
    await tracked.deps.store.transaction(async (tx) => {
      await tx.get('outbox', 'o5');
      await tx.insert('outbox', outboxEntry('o5'));
      await tx.insert('tickets', { _id: 't1' } as never);
    });
    expect(tracked.queued).toEqual(['o5']);
    expect(counting.take()).toEqual({
      reads: 1,
      queries: 0,
      writes: 2,
      transactions: 1,
      writesBy: { outbox: 1, tickets: 1 },
    });
    expect(counting.counts.writes).toBe(0);
  });
});
