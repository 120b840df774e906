/** The reporter's actions: cancel before acceptance, confirm or reopen a resolved ticket, rate a closed one. */
import { truncateText } from '../notifications/wechat-fields';
import type { TicketActions, TicketDetail } from '../../../typings/ticket';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { act } from './change';
import { screenText } from './checks';
import { loadWorkCalendar } from '../calendar/load';
import { resolveDeadline } from './deadlines';
import { audienceOf, toHandlers, toResidents } from './notify';
import { momentWords } from '../notifications/status-words';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

/** 撤销: before anyone signed for it. The assignee, if any, hears it is off their desk. */
export function cancelTicket(deps: Deps, caller: Caller, input: Req<'cancel'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'cancel', async () => (current) => ({
    note: '居民撤销了工单',
    notify: (next) =>
      current.assignee
        ? [
            toHandlers(
              next,
              [current.assignee.userId],
              'ticketClosed',
              {
                title: '工单已被居民撤销',
                body: next.placeText,
              },
              audienceOf(current.assignee.role),
            ),
          ]
        : [],
  }));
}

/** 确认解决: closes the ticket; followers and the assignee hear it. */
export function confirmTicket(deps: Deps, caller: Caller, input: Req<'confirm'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'confirm', async () => (current) => ({
    notify: (next) => {
      const out = [];
      if (next.followerUserIds.length > 0)
        out.push(
          toResidents(next, 'ticketClosed', { title: '工单已办结', body: '发起人已确认问题解决' }, [
            next.reporterUserId,
          ]),
        );
      if (current.assignee)
        out.push(
          toHandlers(
            next,
            [current.assignee.userId],
            'ticketClosed',
            {
              title: '居民已确认解决',
              body: next.placeText,
            },
            audienceOf(current.assignee.role),
          ),
        );
      return out;
    },
  }));
}

/** 不满意，重新办理: back to processing with a fresh resolve deadline. */
export function reopenTicket(deps: Deps, caller: Caller, input: Req<'reopen'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'reopen', async ({ ticket, now }) => {
    const { held } = await screenText(deps, caller, [input.reason]);
    const calendar = await loadWorkCalendar(deps.store, ticket.communityId);
    const reason = input.reason.trim();
    return (current) => ({
      patch: { resolveBy: resolveDeadline(now, current.deadlines, calendar) },
      note: reason,
      noteHeld: held,
      notify: (next) => {
        const out = [];
        if (current.assignee)
          out.push(
            toHandlers(
              next,
              [current.assignee.userId],
              'ticketAssigned',
              {
                title: '居民不满意，工单已重新打开',
                body: truncateText(reason, 60),
                status: momentWords.reopened,
                note: reason,
              },
              audienceOf(current.assignee.role),
            ),
          );
        if (next.followerUserIds.length > 0)
          out.push(
            toResidents(
              next,
              'ticketProgress',
              {
                title: '工单重新办理',
                body: '发起人认为问题尚未解决，工单已重新办理',
              },
              [next.reporterUserId],
            ),
          );
        return out;
      },
    });
  });
}

/** 评价: 1–5 stars and a comment, once, on a closed ticket. */
export function rateTicket(deps: Deps, caller: Caller, input: Req<'rate'>): Promise<TicketDetail> {
  return act(deps, caller, { ticketId: input.ticketId }, 'rate', async ({ now }) => {
    const comment = input.comment.trim();
    const { held } = await screenText(deps, caller, [comment]);
    return () => ({
      patch: { rating: { stars: input.stars, comment, at: toIso(now), held } },
      note: comment ? `${input.stars} 星：${comment}` : `${input.stars} 星`,
      noteHeld: held,
    });
  });
}
