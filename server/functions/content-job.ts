/** The content re-check, every minute: submissions held because the content check gave no verdict are asked again. */
import { recheckHeldSubmissions } from '../core/tickets/recheck';
import type { ScheduledJob } from './scheduled-job';

export const contentRecheckJob: ScheduledJob = {
  name: 'contentRecheck',
  run: async (deps) => ({ ...(await recheckHeldSubmissions(deps)) }),
};
