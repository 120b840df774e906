/**
 * The figures' scheduled job: folds counter shards into their month totals (core/figures/fold.ts) on one tick
 * in FOLD_EVERY_MINUTES, so the other ticks cost nothing. Safe twice at the same minute: a second fold finds
 * nothing left to move.
 */
import { foldFigures } from '../core/figures/fold';
import type { ScheduledJob } from './scheduled-job';

export const FOLD_EVERY_MINUTES = 10;

export const figuresFoldJob: ScheduledJob = {
  name: 'figuresFold',
  async run(deps) {
    const now = deps.clock.now();
    // Minutes agree in UTC and Asia/Shanghai (whole hours apart), so no time zone is needed here.
    if (now.getUTCMinutes() % FOLD_EVERY_MINUTES !== 0) return { monthsFolded: 0 };
    return foldFigures(deps.store, now.toISOString());
  },
};
