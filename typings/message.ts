/** The `message` cloud function: the message centre (消息), subscription answers, and delivery failures for staff. */
import type { ActionDef, Id, IsoTime } from './common';

/** Same names as the server's NotificationKind: what happened, for the icon and the filter. */
export type MessageKind =
  | 'ticketAssigned'
  | 'ticketAccepted'
  | 'ticketProgress'
  | 'ticketResolved'
  | 'ticketEscalated'
  | 'ticketClosed'
  | 'ticketReturned'
  | 'ticketRejected'
  | 'ticketDeadlineSoon'
  | 'noticePublished'
  | 'careVisitOverdue'
  /** Household binding: a request awaits the micro-grid worker; the resident hears the decision. */
  | 'bindRequested'
  | 'bindApproved'
  | 'bindDenied'
  /** A resident was removed from a household by staff. */
  | 'bindRemoved';

/** One message in the caller's message centre. */
export interface MessageView {
  messageId: Id;
  kind: MessageKind;
  title: string;
  body: string;
  /** What it is about, e.g. the ticket: 飞线充电 · 六四一三小区 2号楼 1单元 7层 ('' when nothing more to say). */
  subject: string;
  /** The page a tap opens, with its query, e.g. /packages/resident/ticket/index?ticketId=… */
  page: string;
  ticketId: Id | null;
  noticeId: Id | null;
  createdAt: IsoTime;
  read: boolean;
}

export interface MessagePage {
  /** Newest first. */
  items: MessageView[];
  unread: number;
  /** An opaque cursor: pass it as `before` for the next page; null at the end. */
  nextBefore: string | null;
}

/** wx.requestSubscribeMessage's answer for one template id. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * The moment the mini-program asks for subscription (always inside a tap): right after filing; following
 * a ticket; "tell me when it is resolved" (the reporter on an open ticket, and on reopening it); a worker's
 * sign-for and the inbox's 开启提醒 switch; notice categories.
 */
export type SubscribePurpose = 'ticketSubmit' | 'ticketFollow' | 'ticketResolution' | 'task' | 'notice';

/** Delivery state as staff see it; the message itself always stays in the recipient's message centre. */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'inAppOnly' | 'failed';
export type DeliveryReason =
  'noTemplate' | 'noGrant' | 'refused' | 'badData' | 'maxAttempts' | 'outcomeUnknown' | 'noUser';

export interface DeliveryView {
  messageId: Id;
  kind: MessageKind;
  title: string;
  ticketId: Id | null;
  noticeId: Id | null;
  recipient: { userId: Id; name: string };
  state: DeliveryState;
  reason: DeliveryReason | null;
  /** WeChat's answer, for failures: errcode and message. */
  errorCode: number | null;
  lastError: string | null;
  attempts: number;
  createdAt: IsoTime;
  finishedAt: IsoTime | null;
}

export type MessageActions = {
  /** My messages, newest first, with the unread count. */
  list: ActionDef<{ before?: string; limit?: number }, MessagePage>;
  unreadCount: ActionDef<Record<string, never>, { unread: number }>;
  markRead: ActionDef<{ messageId: Id }, { unread: number }>;
  markAllRead: ActionDef<Record<string, never>, { marked: number; unread: number }>;
  /**
   * The template ids to ask for at one moment (this deployment's configuration), without long-term ones the
   * caller already accepted; `ready`: the caller holds a usable grant of the moment's main template now.
   */
  templates: ActionDef<{ purpose: SubscribePurpose }, { templateIds: string[]; ready: boolean }>;
  /** Records what the user answered to wx.requestSubscribeMessage, per template id. */
  subscribe: ActionDef<{ answers: Record<string, SubscribeAnswer> }, { recorded: number; ignored: number }>;
  /** Staff: deliveries of their community that did not end as a subscribe message (failed, in-app only). */
  deliveries: ActionDef<
    { communityId: Id; states?: Array<'failed' | 'inAppOnly' | 'pending' | 'sending'>; limit?: number },
    DeliveryView[]
  >;
};
