/**
 * The tickets' scheduled job: escalate missed deadlines (grid leader, then secretary, each once) and close
 * resolved tickets left unanswered. Safe to run twice at the same minute: each ticket re-checks inside its
 * transaction that it is still due.
 */
import { autoCloseDue, escalateDue } from '../core/tickets/sweep';
import type { ScheduledJob } from './scheduled-job';

export const ticketDeadlinesJob: ScheduledJob = {
  name: 'ticketDeadlines',
  async run(deps) {
    const escalated = await escalateDue(deps);
    const autoClosed = await autoCloseDue(deps);
    return { escalatedToLeader: escalated.toLeader, escalatedToSecretary: escalated.toSecretary, autoClosed };
  },
};
