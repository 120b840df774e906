/** Ticket data as the pages show it: a card for the lists, a timeline entry for the detail pages. */
import type {
  LetterSummary,
  TicketActionName,
  TicketDetail,
  TicketEventView,
  TicketSummary,
} from '../../typings/ticket';
import { displayUrl } from '../services/files';
import { categoryLabel } from './categories';
import {
  deadlineKindLabels,
  deadlineStatusLabels,
  escalationLabels,
  eventLabels,
  statusLabels,
} from './labels';
import { ageText, timeLeftText, timeText } from './times';

export interface TicketCard {
  ticketId: string;
  title: string;
  categoryLabel: string;
  status: TicketSummary['status'];
  statusLabel: string;
  placeText: string;
  ageText: string;
  /** 签收剩余 1小时20分钟 / 重新分派剩余 2小时 / 办结已超时 5分钟; empty when no deadline runs. */
  deadlineText: string;
  overdue: boolean;
  urgent: boolean;
  escalationText: string;
  followersText: string;
  /** A line under the card asking or telling something (请确认 for the reporter); set by the list page. */
  promptText?: string;
}

/** A list row; `now` is the phone's clock in ms. */
export function ticketCard(summary: TicketSummary, now: number): TicketCard {
  const deadline =
    summary.deadlineAt && summary.deadlineKind
      ? `${deadlineStatusLabels[summary.status] || deadlineKindLabels[summary.deadlineKind]}${timeLeftText(summary.deadlineAt, now)}`
      : '';
  return {
    ticketId: summary.ticketId,
    title: summary.title,
    categoryLabel: categoryLabel(summary.category),
    status: summary.status,
    statusLabel: statusLabels[summary.status],
    placeText: summary.placeText,
    ageText: ageText(summary.createdAt, now),
    deadlineText: deadline,
    overdue: summary.overdue || (summary.deadlineAt !== null && Date.parse(summary.deadlineAt) < now),
    urgent: summary.urgent,
    escalationText: escalationLabels[summary.escalationLevel],
    followersText: summary.followers > 0 ? `${summary.followers}人关注` : '',
  };
}

/** A 书记信箱 card: what the letter says as its title (书记信箱 · 2号楼 said nothing); only she reads it. */
export function letterCard(summary: LetterSummary, now: number): TicketCard {
  const card = ticketCard(summary, now);
  return summary.excerpt ? { ...card, title: summary.excerpt } : card;
}

export interface TimelineEntry {
  eventId: string;
  typeLabel: string;
  /** 何丽萍 · 网格员; 系统 for the scheduler's own events. */
  actorText: string;
  timeText: string;
  note: string;
  photos: string[];
  partyText: string;
}

/** One event of the timeline, newest last as the server sends them. */
export function timelineEntry(event: TicketEventView): TimelineEntry {
  return {
    eventId: event.eventId,
    typeLabel: eventLabels[event.type],
    actorText: event.actor ? `${event.actor.name} · ${event.actor.roleLabel}` : '系统',
    timeText: timeText(event.at),
    // A 协办 event's note repeats its party (协调物业：…): the party line alone says it.
    note: event.party ? '' : (event.note ?? ''),
    photos: event.photos.map(displayUrl),
    partyText: event.party ? `协调${event.party.name}：${event.party.request}` : '',
  };
}

export interface TicketPageView extends TicketCard {
  description: string;
  photos: string[];
  assigneeText: string;
  reporterText: string;
  routingReason: string;
  coHandlers: Array<{ name: string; request: string; timeText: string }>;
  ratingText: string;
  ratingComment: string;
  autoCloseText: string;
  mergedIntoTicketId: string;
  timeline: TimelineEntry[];
  /** 预计 10月12日 17:30 前办结 (moved by an extension); empty once resolved or finished. */
  expectedText: string;
  /** The pending extension request, for handlers: 何丽萍申请延期2个工作日：等配件. */
  extensionText: string;
}

/** The whole ticket as a detail page shows it. */
export function ticketPageView(detail: TicketDetail, now: number): TicketPageView {
  return {
    ...ticketCard(detail, now),
    description: detail.description,
    photos: detail.photos.map(displayUrl),
    assigneeText: detail.assignee ? `${detail.assignee.name} · ${detail.assignee.roleLabel}` : '',
    reporterText: detail.reporter ? detail.reporter.name : '',
    routingReason: detail.routingReason,
    coHandlers: detail.coHandlers.map((c) => ({
      name: c.name,
      request: c.request,
      timeText: timeText(c.at),
    })),
    ratingText: detail.rating
      ? `${'★'.repeat(detail.rating.stars)}${'☆'.repeat(5 - detail.rating.stars)}`
      : '',
    ratingComment: detail.rating?.comment ?? '',
    autoCloseText: detail.autoCloseAt ? `${timeText(detail.autoCloseAt)} 前未确认将自动结案` : '',
    mergedIntoTicketId: detail.mergedIntoTicketId ?? '',
    timeline: detail.events.map(timelineEntry),
    expectedText: detail.expectedBy
      ? `预计 ${timeText(detail.expectedBy)} 前办结${detail.extensions > 0 ? '（已延期）' : ''}`
      : '',
    extensionText: detail.extensionRequest
      ? `${detail.extensionRequest.by.name}申请延期${detail.extensionRequest.limitText}：${detail.extensionRequest.reason}`
      : '',
  };
}

/** Which of the given actions the server allows now, as flags for wx:if. */
export function allowed<K extends TicketActionName>(
  detail: TicketDetail,
  names: readonly K[],
): Record<K, boolean> {
  const flags = {} as Record<K, boolean>;
  for (const name of names) flags[name] = detail.allowedActions.includes(name);
  return flags;
}
