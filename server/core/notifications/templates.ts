/**
 * Subscribe-message templates (订阅消息模板). Each deployment picks its own templates in the WeChat admin
 * console, so their ids and field names are configuration, passed in; this file holds only what the product
 * decides: which template may carry which kind of notification, and what each field is written from.
 */
import type { SubscribePurpose } from '../../../typings/message';
import type { NotificationKind } from './model';
import { momentWords, ticketStatusWords, type StatusWord } from './status-words';

/**
 * accepted 受理通知; progress 进度通知; resolved 办结通知; escalation 督办通知; task 新工单/待办提醒 (workers);
 * notice 通知公告.
 */
export type TemplateKey = 'accepted' | 'progress' | 'resolved' | 'escalation' | 'task' | 'notice';

/** What a template field is written from. The field's WeChat type (thing, phrase, time…) sets its limits. */
export type FieldSource =
  'subject' | 'status' | 'note' | 'place' | 'person' | 'ticketNo' | 'time' | 'deadline' | 'title' | 'body';

export interface TemplateConfig {
  /** The template id from the admin console. */
  id: string;
  /** Long-term (长期订阅, 政务民生 mini-programs only): one accept allows every later send. */
  longTerm?: boolean;
  /** WeChat field key (e.g. thing1, phrase3, time4) → what it is written from. */
  fields: Record<string, FieldSource>;
}

export type TemplateSet = Partial<Record<TemplateKey, TemplateConfig>>;

/** When the dispatcher retries and when it gives up. */
export interface RetryPolicy {
  /** Wait after the first failed attempt; doubles after each next one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts at WeChat before a throttled or unreachable notification is failed. */
  maxAttempts: number;
  /** A claim older than this is a crash after claim: recorded as unknown, never resent. */
  stuckAfterMs: number;
}

export interface NotificationSettings {
  templates: TemplateSet;
  retry: RetryPolicy;
  /** How long before the sign-for deadline a worker is reminded. */
  deadlineReminderMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 6,
  stuckAfterMs: 5 * 60_000,
};

/**
 * Templates that may carry each kind, in order of preference: the dispatcher uses the first the recipient
 * holds a grant for (a worker grants `task`, a resident `accepted`, for the same assignment).
 */
export const KIND_TEMPLATES: Record<NotificationKind, TemplateKey[]> = {
  ticketAssigned: ['task', 'accepted'],
  ticketAccepted: ['accepted', 'progress'],
  ticketProgress: ['progress', 'accepted'],
  ticketReturned: ['task', 'progress'],
  ticketResolved: ['resolved'],
  ticketClosed: ['resolved'],
  ticketRejected: ['resolved'],
  ticketEscalated: ['escalation', 'task'],
  ticketDeadlineSoon: ['task', 'escalation'],
  noticePublished: ['notice'],
  careVisitOverdue: ['escalation', 'task'],
  bindRequested: ['task'],
  bindApproved: ['progress', 'accepted'],
  bindDenied: ['progress', 'accepted'],
  bindRemoved: ['progress', 'accepted'],
};

/** The status phrase (≤ 5 汉字) a kind shows when the use case gave none: the shared status words. */
export const KIND_STATUS: Record<NotificationKind, StatusWord> = {
  ticketAssigned: ticketStatusWords.assigned,
  ticketAccepted: ticketStatusWords.accepted,
  ticketProgress: ticketStatusWords.processing,
  ticketReturned: ticketStatusWords.returned,
  ticketResolved: ticketStatusWords.resolved,
  ticketClosed: ticketStatusWords.closed,
  ticketRejected: ticketStatusWords.rejected,
  ticketEscalated: momentWords.escalated,
  ticketDeadlineSoon: momentWords.deadlineSoon,
  noticePublished: momentWords.noticePublished,
  careVisitOverdue: momentWords.careVisitOverdue,
  bindRequested: momentWords.bindRequested,
  bindApproved: momentWords.bindApproved,
  bindDenied: momentWords.bindDenied,
  bindRemoved: momentWords.bindRemoved,
};

/**
 * Each moment the mini-program asks asks for its own templates (at most 3, one-time and long-term unmixed),
 * the moment's main template first: the one whose grant says whether the caller will hear (`ready`).
 * `ticketResolution` asks for 办结 alone: a one-time grant allows one message, and 办结，请确认 is the one a
 * reporter must not miss, so it is asked again on an open ticket and on reopening.
 */
export const PURPOSE_TEMPLATES: Record<SubscribePurpose, TemplateKey[]> = {
  ticketSubmit: ['accepted', 'resolved', 'escalation'],
  ticketFollow: ['resolved', 'progress', 'accepted'],
  ticketResolution: ['resolved'],
  task: ['task', 'escalation', 'progress'],
  notice: ['notice'],
};

/** The configured templates a kind may use, in order. */
export function templatesFor(
  templates: TemplateSet,
  kind: NotificationKind,
): Array<{ key: TemplateKey; config: TemplateConfig }> {
  return KIND_TEMPLATES[kind].flatMap((key) => {
    const config = templates[key];
    return config ? [{ key, config }] : [];
  });
}

/** At most this many ids a call: the current docs say 5, older base libraries and clients take 3. */
export const MAX_IDS_PER_ASK = 3;

/**
 * The template ids the mini-program asks for at one moment: WeChat refuses a mix of one-time and long-term.
 * `settled`: long-term ids the user already accepted, which need no asking again.
 */
export function templateIdsFor(
  templates: TemplateSet,
  purpose: SubscribePurpose,
  settled: ReadonlySet<string> = new Set(),
): string[] {
  const configs = PURPOSE_TEMPLATES[purpose]
    .flatMap((key) => (templates[key] ? [templates[key]] : []))
    .filter((c) => !(c.longTerm && settled.has(c.id)));
  const first = configs[0];
  if (!first) return [];
  const sameKind = configs.filter((c) => !!c.longTerm === !!first.longTerm).map((c) => c.id);
  return [...new Set(sameKind)].slice(0, MAX_IDS_PER_ASK);
}

/** The key of a configured template id, or null for an id this deployment does not use. */
export function templateKeyOf(templates: TemplateSet, templateId: string): TemplateKey | null {
  const hit = (Object.entries(templates) as Array<[TemplateKey, TemplateConfig | undefined]>).find(
    ([, c]) => c?.id === templateId,
  );
  return hit ? hit[0] : null;
}
