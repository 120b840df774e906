/**
 * The jobs of the scheduled function (timer trigger in production, an interval in the local cloud, called
 * directly in tests with a moved clock). Each context adds its job here; each job must be safe to run twice
 * at the same minute.
 */
import { contentRecheckJob } from './content-job';
import { figuresAheadJob, figuresFoldJob } from './figures-job';
import { careVisitsJob } from './field-job';
import { noticesJob } from './notice-job';
import { notificationsJob } from './notification-job';
import type { ScheduledJob } from './scheduled-job';
import { ticketDeadlinesJob } from './ticket-job';

export type { ScheduledJob };

export const scheduledJobs: ScheduledJob[] = [
  ticketDeadlinesJob,
  contentRecheckJob,
  noticesJob,
  careVisitsJob,
  notificationsJob,
  figuresFoldJob,
  figuresAheadJob,
];
