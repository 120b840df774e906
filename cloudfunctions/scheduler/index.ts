// The `scheduler` cloud function: only its timer trigger (cloudbaserc.json) runs it; clients are refused.
import { timerFunction } from '../../server/production/main';
import { schedulerFunction } from '../../server/functions/scheduler';

export const main = timerFunction(schedulerFunction, 'tick');
