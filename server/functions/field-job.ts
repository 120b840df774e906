/** The care visits' scheduled job: escalate overdue visits to the grid's leader, each once. */
import { escalateOverdueVisits } from '../core/care/overdue';
import type { ScheduledJob } from './scheduled-job';

export const careVisitsJob: ScheduledJob = {
  name: 'careVisits',
  async run(deps) {
    return { escalatedToLeader: await escalateOverdueVisits(deps) };
  },
};
