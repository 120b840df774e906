/**
 * The figures' scheduled jobs. The fold (core/figures/fold.ts) moves the shards of closed months into their
 * month totals on one tick in FOLD_EVERY_MINUTES, so the other ticks cost nothing; the open month keeps its
 * shards, so that a change's increment always finds one. Ahead (core/figures/ahead.ts) writes the coming month's
 * shards empty on the last day of a month. Both are safe twice at the same minute.
 */
import { prepareComingMonth } from '../core/figures/ahead';
import { foldFigures } from '../core/figures/fold';
import { toIso } from '../core/time/shanghai';
import type { ScheduledJob } from './scheduled-job';

export const FOLD_EVERY_MINUTES = 10;

export const figuresFoldJob: ScheduledJob = {
  name: 'figuresFold',
  async run(deps) {
    const now = deps.clock.now();
    // Minutes agree in UTC and Asia/Shanghai (whole hours apart), so no time zone is needed here.
    if (now.getUTCMinutes() % FOLD_EVERY_MINUTES !== 0) return { monthsFolded: 0 };
    const at = toIso(now);
    // The month of a Shanghai time stamp (YYYY-MM): this month and later stay in their shards.
    return foldFigures(deps.store, at, at.slice(0, 7));
  },
};

export const figuresAheadJob: ScheduledJob = {
  name: 'figuresAhead',
  run: async (deps) => ({ ...(await prepareComingMonth(deps)) }),
};
