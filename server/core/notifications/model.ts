/**
 * The transactional outbox (DESIGN §6): a notification is written in the same transaction as the change it
 * reports. Public state (what happened) and delivery state (did WeChat take it) are separate fields.
 */
import type { DeliveryReason, DeliveryState, MessageKind } from '../../../typings/message';
import type { StatusWord } from './status-words';

/** What happened, as the contract names it (the mini-program's message centre shows the same kinds). */
export type NotificationKind = MessageKind;

/**
 * Delivery state — pending: waiting for the dispatcher; sending: claimed (a crash here is found and recorded
 * as unknown); sent: WeChat took it; inAppOnly: no template, no grant or the user refused — the in-app
 * message stands; failed: given up, with the reason, visible to staff.
 *
 * Reasons — inAppOnly: noTemplate (the deployment configures none for this kind), noGrant, refused (43101).
 * failed: badData (a bug: the payload is kept), maxAttempts (throttled or unreachable until the cap),
 * outcomeUnknown (sent, no answer: never resent), noUser.
 */
export type { DeliveryReason, DeliveryState };

/**
 * Facts a subscribe message is written from; each falls back to the in-app text when a use case omits it.
 * Kept as facts, not as WeChat fields, because each deployment's templates name and limit fields differently.
 */
export interface NotificationFacts {
  /** What it is about, e.g. the ticket's title ("3号楼下水井堵塞"). */
  subject?: string;
  /** The new status in a few Chinese characters ("待签收"), from the shared status words. */
  status?: StatusWord;
  /** A note: the progress text, the reason, the result. */
  note?: string;
  /** Where, in words. */
  place?: string;
  /** Who acted or who is in charge (a name, never a phone number). */
  person?: string;
  /** The ticket's number as residents see it. */
  ticketNo?: string;
  /** A deadline the message is about (ticketDeadlineSoon), IsoTime. */
  deadlineAt?: string;
}

/** The payload of a send WeChat refused as bad data: kept on the notification so the bug can be fixed. */
export interface BadPayload {
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface Notification {
  _id: string;
  userId: string;
  kind: NotificationKind;
  /** In-app message text, Chinese. */
  title: string;
  body: string;
  /** Mini-program page the message opens, with its query string. */
  page: string;
  ticketId: string | null;
  noticeId: string | null;
  /** The community whose staff see this delivery's failures; null when the use case named none. */
  communityId: string | null;
  /** The outbox entry it was fanned out from (its id is derived from it). */
  outboxId: string;
  facts: NotificationFacts;
  createdAt: string;
  readAt: string | null;
  delivery: {
    state: DeliveryState;
    attempts: number;
    nextAttemptAt: string | null;
    lastError: string | null;
    templateId: string | null;
    reason: DeliveryReason | null;
    /** WeChat's errcode of the last answer, when it had one. */
    errorCode: number | null;
    /** When the current claim was taken: a claim older than the stuck limit is recovered as unknown. */
    claimedAt: string | null;
    /**
     * Which dispatch pass holds the claim: a pass that writes new notifications already claimed tells its
     * own from another's after a half-done batch insert (see fresh-dispatch.ts).
     */
    claimedBy?: string | null;
    finishedAt: string | null;
    payload?: BadPayload;
  };
  version: number;
}

/** What a use case says when something happened that people should hear about. */
export interface NewNotification {
  userIds: string[];
  kind: NotificationKind;
  title: string;
  body: string;
  page: string;
  ticketId?: string;
  noticeId?: string;
  /** The community concerned: its staff see failed and in-app-only deliveries. Set it whenever known. */
  communityId?: string;
  facts?: NotificationFacts;
}

/**
 * One outbox entry per state change, whatever the number of recipients, so that a change costs one write
 * here; the dispatcher fans it out into one Notification per user (ids derived from the entry: idempotent).
 */
export interface OutboxEntry extends NewNotification {
  _id: string;
  createdAt: string;
  state: 'pending' | 'fannedOut';
}
