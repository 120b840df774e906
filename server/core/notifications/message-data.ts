import type { Notification } from './model';
import { KIND_STATUS, type FieldSource, type TemplateConfig } from './templates';
import { fieldValue } from './wechat-fields';

/** The raw text of one source for a notification: its facts first, the in-app text as the fallback. */
function sourceText(notification: Notification, source: FieldSource): string {
  const { facts } = notification;
  switch (source) {
    case 'subject':
      return facts.subject ?? notification.title;
    case 'status':
      return facts.status ?? KIND_STATUS[notification.kind];
    case 'note':
      return facts.note ?? notification.body;
    case 'place':
      return facts.place ?? '';
    case 'person':
      return facts.person ?? '';
    case 'ticketNo':
      return facts.ticketNo ?? notification.ticketId ?? notification.noticeId ?? notification._id;
    case 'time':
      return notification.createdAt;
    case 'deadline':
      return facts.deadlineAt ?? notification.createdAt;
    case 'title':
      return notification.title;
    case 'body':
      return notification.body;
  }
}

/** The subscribe message's data for this template: every field filled, within WeChat's limits. */
export function templateData(
  config: TemplateConfig,
  notification: Notification,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, source] of Object.entries(config.fields))
    data[key] = { value: fieldValue(key, sourceText(notification, source), source) };
  return data;
}

/** The page a tap on the subscribe message opens: WeChat wants it without a leading slash. */
export function messagePage(notification: Notification): string {
  return notification.page.replace(/^\/+/, '');
}
