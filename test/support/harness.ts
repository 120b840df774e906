/**
 * The local cloud inside a test: in-memory SQLite, a clock that stands still until moved, a recording push,
 * the demo world seeded. Calls go through the same `invoke` path as production, as any openid.
 */
import type { ApiResult } from '../../typings/common';
import type { Api, FunctionName } from '../../typings/functions';
import { ManualClock } from '../../server/adapters/local/clocks';
import { sequentialIds } from '../../server/adapters/local/ids';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { seedDemo } from '../../server/demo/seed';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import { createLocalDeps, type LocalDeps } from '../../server/local-cloud/deps';
import type { Store } from '../../server/core/ports/store';

export type Req<F extends FunctionName, A extends keyof Api[F]> = Api[F][A] extends { req: infer R }
  ? R
  : never;
export type Res<F extends FunctionName, A extends keyof Api[F]> = Api[F][A] extends { res: infer R }
  ? R
  : never;

export interface Actor {
  openid: string;
  /** The raw answer, ok or not. */
  call<F extends FunctionName, A extends keyof Api[F] & string>(
    fn: F,
    action: A,
    req: Req<F, A>,
  ): Promise<ApiResult<Res<F, A>>>;
  /** The data of an ok answer; throws with the error code otherwise. */
  ok<F extends FunctionName, A extends keyof Api[F] & string>(
    fn: F,
    action: A,
    req: Req<F, A>,
  ): Promise<Res<F, A>>;
}

/** The local deps, with the store of the run: SQLite by default, or one the test gives (e.g. on the stand-in). */
export type HarnessDeps = Omit<LocalDeps, 'store'> & { store: Store };

export interface Harness {
  deps: HarnessDeps;
  clock: ManualClock;
  as(openid: string): Actor;
  /** Calls with no caller at all, as a timer trigger does. */
  anonymous<F extends FunctionName, A extends keyof Api[F] & string>(
    fn: F,
    action: A,
    req: Req<F, A>,
  ): Promise<ApiResult<Res<F, A>>>;
  close(): void;
}

export const DEFAULT_NOW = '2026-06-20T09:00:00+08:00';

/**
 * Makes the store of a harness. `seed` says whether the harness wants the demo world; a factory that put it
 * there itself (e.g. restored a snapshot seeded once) answers `seeded: true`, and the harness seeds nothing.
 */
export type HarnessStoreFactory = (seed: boolean) => Store | { store: Store; seeded: boolean };

let storeFactory: HarnessStoreFactory | undefined;

/**
 * Runs every harness created afterwards in this test file on the store `make` returns (e.g. the CloudBase
 * adapter on the stand-in), so that a whole scenario suite can run unmodified on another Store.
 */
export function useHarnessStore(make: HarnessStoreFactory | undefined): void {
  storeFactory = make;
}

/**
 * The demo world seeded into SQLite once per test file, serialized: each harness on SQLite starts from a copy
 * of it (a few ms) instead of seeding again (~60 ms of CPU, hundreds of times a run). seedDemo is
 * deterministic (its data is generated from a fixed definition, with no clock), so the copy is the same world.
 */
let seededImage: Buffer | undefined;

async function seededSqliteImage(): Promise<Buffer> {
  if (!seededImage) {
    const store = new SqliteStore(':memory:');
    await seedDemo(store);
    seededImage = store.db.serialize();
    store.close();
  }
  return seededImage;
}

export async function createHarness(
  options: { seed?: boolean; now?: string; store?: Store } = {},
): Promise<Harness> {
  const clock = new ManualClock(options.now ?? DEFAULT_NOW);
  const seed = options.seed !== false;
  const made = options.store ? { store: options.store, seeded: false } : storeFactory?.(seed);
  const { store, seeded } =
    made === undefined
      ? { store: undefined, seeded: false }
      : 'store' in made
        ? made
        : { store: made, seeded: false };
  const image = seed && !store ? await seededSqliteImage() : undefined;
  const local = createLocalDeps({ clock, ids: sequentialIds(), image });
  const deps: HarnessDeps = store ? { ...local, store } : local;
  if (seed && !image && !seeded) await seedDemo(deps.store);

  const raw = (openid: string | null, fn: FunctionName, action: string, req: unknown) =>
    invoke(functions[fn], deps, openid ? { openid } : null, { ...(req as object), action });

  return {
    deps,
    clock,
    as(openid) {
      const actor: Actor = {
        openid,
        call: (fn, action, req) => raw(openid, fn, action, req) as never,
        async ok(fn, action, req) {
          const result = await raw(openid, fn, action, req);
          if (!result.ok)
            throw new Error(
              `${fn}.${action} as ${openid} failed: ${result.error.code} ${result.error.message}`,
            );
          return result.data as never;
        },
      };
      return actor;
    },
    anonymous: (fn, action, req) => raw(null, fn, action, req) as never,
    close: () => local.store.close(),
  };
}
