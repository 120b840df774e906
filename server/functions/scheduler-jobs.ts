/**
 * The jobs of the scheduled function (timer trigger in production, an interval in the local cloud, called
 * directly in tests with a moved clock). Each context adds its job here; each job must be safe to run twice
 * at the same minute.
 */
import type { Deps } from '../core/ports';
import { noticesJob } from './notice-job';
import { notificationsJob } from './notification-job';
import { ticketDeadlinesJob } from './ticket-job';

export interface ScheduledJob {
  name: string;
  run(deps: Deps): Promise<Record<string, number>>;
}

export const scheduledJobs: ScheduledJob[] = [ticketDeadlinesJob, noticesJob, notificationsJob];
