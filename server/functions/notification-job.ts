/**
 * The notifications' scheduled job, every minute: record claims stuck by a crash as unknown (never resend),
 * queue sign-for reminders to workers, fan out outbox entries an action left behind, send what is due (first
 * tries and backed-off retries).
 */
import { remindDeadlines } from '../core/notifications/deadline-reminders';
import { dispatchDue, recoverStuck } from '../core/notifications/dispatcher';
import { fanOutPending } from '../core/notifications/fan-out';
import type { ScheduledJob } from './scheduled-job';

/** Per tick: enough for a 60-second function with WeChat answering in ~100 ms at 4 at a time. */
const FAN_OUT_LIMIT = 200;
const DISPATCH_LIMIT = 1000;

export const notificationsJob: ScheduledJob = {
  name: 'notifications',
  async run(deps) {
    const settings = deps.notificationSettings;
    const recoveredUnknown = await recoverStuck(deps, settings);
    const remindersQueued = await remindDeadlines(deps, settings.deadlineReminderMs);
    const fanned = await fanOutPending(deps.store, FAN_OUT_LIMIT);
    const tally = await dispatchDue(deps, settings, { limit: DISPATCH_LIMIT });
    return { recoveredUnknown, remindersQueued, fannedOutEntries: fanned.entries, ...tally };
  },
};
