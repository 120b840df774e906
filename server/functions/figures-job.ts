/** The figures' scheduled job: the coming month's shards written ahead, in the last day of a month. */
import { prepareComingMonth } from '../core/figures/ahead';
import type { ScheduledJob } from './scheduled-job';

export const figuresAheadJob: ScheduledJob = {
  name: 'figuresAhead',
  run: async (deps) => ({ ...(await prepareComingMonth(deps)) }),
};
