// The `scheduler` cloud function: run by its timer trigger (cloudbaserc.json), one tick of every job.
import { cloudbaseHandler } from '../../server/adapters/cloudbase/runtime';
import { schedulerFunction } from '../../server/functions/scheduler';

export const main = cloudbaseHandler(schedulerFunction);
