/** The notices' scheduled job, every minute: publish scheduled notices whose time has come, resume stuck ones. */
import { publishDue } from '../core/notices/publish';
import type { ScheduledJob } from './scheduled-job';

export const noticesJob: ScheduledJob = {
  name: 'notices',
  run: (deps) => publishDue(deps),
};
