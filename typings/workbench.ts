/**
 * The ticket workbench (issue 11 item 1): every ticket in the caller's scope (staff: their community; a grid
 * leader: their grid), filtered, searched and paged, and the leader's and secretary's homes. Actions of the
 * `ticket` function, joined into TicketActions.
 */
import type { ActionDef, Id, IsoTime } from './common';
import type { LetterSummary, TicketCategory, TicketStatus, TicketSummary } from './ticket';

/** A day in Asia/Shanghai, e.g. 2026-06-20. */
export type LocalDate = string;

export interface WorkbenchFilter {
  /** Any of these; none: every status. */
  statuses?: TicketStatus[];
  /** Letters (书记信箱) are the secretary's alone and never on the workbench. */
  category?: Exclude<TicketCategory, 'secretaryLetter'>;
  gridId?: Id;
  microGridId?: Id;
  assigneeUserId?: Id;
  /** Only those whose running deadline (sign-for or resolve) has passed. */
  overdue?: boolean;
  /** Only those escalated 督办 (to the leader or to the secretary). */
  escalated?: boolean;
  /** Filed on or after this day, and on or before `to` (both in Asia/Shanghai). */
  from?: LocalDate;
  to?: LocalDate;
  /** Words in the description or the place; searched within a bounded window per page (see `searchedThrough`). */
  text?: string;
}

/** One line of the workbench: the card, and what staff need to act (who has it, where, what it says). */
export interface WorkbenchRow extends TicketSummary {
  /** e.g. 第二网格-2号微网格; null while no micro-grid is known. */
  microGridLabel: string | null;
  assigneeName: string | null;
  /** The start of the description (handlers see it; held text is shown to handlers too). */
  excerpt: string;
}

export interface WorkbenchPage {
  rows: WorkbenchRow[];
  /** Pass back as `cursor` for the next page; null at the end. */
  next: string | null;
  /**
   * With `text`: the search looked at tickets filed down to this instant and stopped (a bounded window);
   * `next` continues from there. Null when the page was filled or the end was reached.
   */
  searchedThrough: IsoTime | null;
}

export interface WorkbenchScope {
  communityId: Id;
  communityName: string;
  /** 'community': staff see every grid; 'grid': a leader sees their grids only. */
  kind: 'community' | 'grid';
  grids: Array<{ gridId: Id; name: string; microGrids: Array<{ microGridId: Id; label: string }> }>;
  /** Who may hold tickets in scope (workers and leaders), for the assignee filter. */
  people: Array<{ userId: Id; name: string; roleLabel: string }>;
}

export interface LeaderHome {
  communityId: Id;
  grids: Array<{ gridId: Id; name: string }>;
  counts: { open: number; overdue: number; escalated: number };
  /** The first few of each, newest first; the workbench has the rest. */
  open: WorkbenchRow[];
  overdue: WorkbenchRow[];
  escalated: WorkbenchRow[];
}

export interface SecretaryHome {
  communityId: Id;
  communityName: string;
  counts: { escalatedToSecretary: number; escalatedToLeader: number; openLetters: number };
  /** Escalated to the secretary 督办, the longest escalated first. */
  escalations: WorkbenchRow[];
  /** 书记信箱, newest first. */
  letters: LetterSummary[];
}

export type WorkbenchActions = {
  workbench: ActionDef<
    { communityId: Id; filter: WorkbenchFilter; cursor?: string; limit?: number },
    WorkbenchPage
  >;
  workbenchScope: ActionDef<{ communityId: Id }, WorkbenchScope>;
  /** Originals a duplicate may be merged into: unfinished tickets of its community, assigned or not. */
  mergeCandidates: ActionDef<
    { ticketId: Id; text?: string; category?: Exclude<TicketCategory, 'secretaryLetter'>; cursor?: string },
    WorkbenchPage
  >;
  leaderHome: ActionDef<{ communityId: Id }, LeaderHome>;
  secretaryHome: ActionDef<{ communityId: Id }, SecretaryHome>;
};
