/** The `scheduler` cloud function: one tick runs every scheduled job and reports what each did. */
import * as z from 'zod/mini';
import type { SchedulerActions } from '../../typings/scheduler';
import { defineFunction } from './define';
import { scheduledJobs } from './scheduler-jobs';

export const schedulerFunction = defineFunction<SchedulerActions>('scheduler', {
  tick: {
    input: z.object({}),
    // The timer trigger has no caller; a client calling it gets the same idempotent sweep, nothing more.
    anonymous: true,
    run: async (deps) => {
      const results: Record<string, Record<string, number>> = {};
      for (const job of scheduledJobs) results[job.name] = await job.run(deps);
      return { at: deps.clock.now().toISOString(), results };
    },
  },
});
