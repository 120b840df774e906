/**
 * The subscribe-message templates of this deployment, from the environment: GRIDLINK_PUSH_TEMPLATES holds
 * JSON (set it in cloudbaserc.json envVariables for production), e.g.
 *   {"accepted":{"id":"<模板ID>","fields":{"character_string1":"ticketNo","thing2":"subject","phrase3":"status","time4":"time"}},
 *    "resolved":{...},"escalation":{...},"task":{...},"notice":{...},"progress":{...}}
 * "longTerm": true marks a long-term template (政务民生 mini-programs). Without the variable the demo
 * templates below are used: the local cloud and tests need no setup, and in production WeChat refuses the
 * demo ids (40037), which lands every delivery in staff's failed list rather than nowhere.
 * GRIDLINK_PUSH_TEMPLATES='{}' turns subscribe messages off: everything is in-app only.
 */
import * as z from 'zod/mini';
import { DEFAULT_RETRY, type NotificationSettings, type TemplateSet } from '../core/notifications/templates';

const source = z.enum([
  'subject',
  'status',
  'note',
  'place',
  'person',
  'ticketNo',
  'time',
  'deadline',
  'title',
  'body',
]);
const template = z.object({
  id: z.string().check(z.minLength(1)),
  longTerm: z.optional(z.boolean()),
  fields: z.record(z.string().check(z.regex(/^[a-z_]+\d+$/)), source),
});
const templateSet = z.object({
  accepted: z.optional(template),
  progress: z.optional(template),
  resolved: z.optional(template),
  escalation: z.optional(template),
  task: z.optional(template),
  notice: z.optional(template),
});

/** Demo templates, shaped like ones a community picks from WeChat's public library. */
export const DEMO_TEMPLATES: TemplateSet = {
  accepted: {
    id: 'demo-tmpl-accepted',
    fields: { character_string1: 'ticketNo', thing2: 'subject', phrase3: 'status', time4: 'time' },
  },
  progress: {
    id: 'demo-tmpl-progress',
    fields: { thing1: 'subject', phrase2: 'status', thing3: 'note', time4: 'time' },
  },
  resolved: {
    id: 'demo-tmpl-resolved',
    fields: { thing1: 'subject', phrase2: 'status', thing3: 'note', time4: 'time' },
  },
  escalation: {
    id: 'demo-tmpl-escalation',
    fields: { thing1: 'subject', phrase2: 'status', time3: 'deadline', thing4: 'note' },
  },
  task: {
    id: 'demo-tmpl-task',
    fields: { thing1: 'subject', thing2: 'place', phrase3: 'status', time4: 'deadline' },
  },
  notice: { id: 'demo-tmpl-notice', fields: { thing1: 'title', thing2: 'body', time3: 'time' } },
};

/** Reads the settings; a malformed variable stops the start-up with the reason rather than push nothing. */
export function loadNotificationSettings(
  env: Record<string, string | undefined> = process.env,
): NotificationSettings {
  const raw = env.GRIDLINK_PUSH_TEMPLATES;
  let templates = DEMO_TEMPLATES;
  if (raw !== undefined && raw.trim() !== '') {
    const parsed = templateSet.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new Error(`GRIDLINK_PUSH_TEMPLATES is not valid: ${parsed.error.message}`);
    templates = parsed.data;
  }
  return { templates, retry: DEFAULT_RETRY, deadlineReminderMs: 30 * 60_000 };
}
