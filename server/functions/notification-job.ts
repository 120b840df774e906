/**
 * The notifications' scheduled job, every minute: record claims stuck by a crash as unknown (never resend),
 * queue sign-for reminders to workers, fan out outbox entries an action left behind, send what is due (first
 * tries and backed-off retries).
 */
import { remindDeadlines } from '../core/notifications/deadline-reminders';
import { dispatchDue, recoverStuck } from '../core/notifications/dispatcher';
import { fanOutAndSend } from '../core/notifications/fresh-dispatch';
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
    // New entries are fanned out and sent in one pass (written already claimed); dispatchDue then sends
    // what is left pending: retries, and entries too large for one pass.
    const fanned = await fanOutAndSend(deps, settings, { entries: FAN_OUT_LIMIT, budget: DISPATCH_LIMIT });
    const tally = await dispatchDue(deps, settings, { limit: DISPATCH_LIMIT });
    for (const step of Object.keys(tally) as Array<keyof typeof tally>) tally[step] += fanned.tally[step];
    return { recoveredUnknown, remindersQueued, fannedOutEntries: fanned.entries, ...tally };
  },
};
