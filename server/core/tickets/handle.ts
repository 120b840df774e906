/**
 * A worker's (or the grid leader's) actions on a ticket in hand: sign for it 签收, record progress and
 * co-handling parties 协办, resolve it with evidence 办结, or return it as not theirs 退回.
 */
import { truncateText } from '../notifications/wechat-fields';
import type { TicketActions, TicketDetail } from '../../../typings/ticket';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { act, actingPerson } from './change';
import { requirePhotos, screenText } from './checks';
import { isSafetyCategory } from './categories';
import { loadWorkCalendar } from '../calendar/load';
import { signForDeadline } from './deadlines';
import { dutyDeskOf, gridLeaderOf } from './leaders';
import { toDutyDesk, toFollowers, toHandlers, toReporter, toResidents } from './notify';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

/** 签收: the signer becomes the assignee; the first of two signers wins, the other sees a stale version. */
export function acceptTicket(deps: Deps, caller: Caller, input: Req<'accept'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'accept', async ({ user }) => (current, relations) => {
    const person = actingPerson('accept', user, current, relations);
    return {
      patch: { assignee: person, assigneeUserId: user._id },
      notify: (next) => [
        toResidents(next, 'ticketAccepted', {
          title: '工单已签收',
          body: `${person.roleLabel} ${person.name} 已签收，正在处理`,
          person: person.name,
        }),
      ],
    };
  });
}

/** A progress note with photos. */
export function recordProgress(deps: Deps, caller: Caller, input: Req<'progress'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'progress', async () => {
    const { held } = await screenText(deps, caller, [input.note]);
    await requirePhotos(deps, input.photos);
    return () => ({
      note: input.note.trim(),
      noteHeld: held,
      photos: input.photos,
      notify: (next) => [
        toResidents(next, 'ticketProgress', {
          title: '工单有新进展',
          body: truncateText(input.note.trim(), 60),
          note: input.note.trim(),
        }),
      ],
    });
  });
}

/** A co-handling party 协办单位 and what was asked of them. */
export function recordCoHandler(deps: Deps, caller: Caller, input: Req<'coHandle'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'coHandle', async ({ now }) => {
    const { held } = await screenText(deps, caller, [input.party, input.request]);
    const party = { name: input.party.trim(), request: input.request.trim() };
    return (current) => ({
      patch: { coHandlers: [...current.coHandlers, { ...party, at: toIso(now), held }] },
      note: `协调${party.name}：${party.request}`,
      noteHeld: held,
      party,
      notify: (next) => [
        toResidents(next, 'ticketProgress', {
          title: '工单有新进展',
          body: `已协调${party.name}协助处理`,
          note: party.request,
        }),
      ],
    });
  });
}

/** 办结 with evidence: safety categories need a note and at least one photo. */
export function resolveTicket(deps: Deps, caller: Caller, input: Req<'resolve'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'resolve', async ({ ticket }) => {
    const note = input.note.trim();
    if (isSafetyCategory(ticket.category) && (!note || input.photos.length === 0)) {
      throw new AppError('TICKET.EVIDENCE_REQUIRED');
    }
    const { held } = await screenText(deps, caller, [note]);
    await requirePhotos(deps, input.photos);
    return () => ({
      note: note || null,
      noteHeld: held,
      photos: input.photos,
      // Only the reporter confirms or reopens: followers hear that it is done, and are asked nothing.
      notify: (next) => [
        toReporter(next, 'ticketResolved', {
          title: '工单已办结，请确认',
          body: note ? truncateText(note, 60) : '问题已处理，请确认是否解决',
          note,
        }),
        ...toFollowers(next, 'ticketResolved', {
          title: '您关注的工单已办结',
          body: note ? truncateText(note, 60) : '问题已处理，等待发起人确认',
          note,
        }),
      ],
    });
  });
}

/** 退回: not this worker's; back to the leader and the duty queue, and the worker can no longer act on it. */
export function returnTicket(deps: Deps, caller: Caller, input: Req<'return'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'return', async ({ ticket, user, now }) => {
    const { held } = await screenText(deps, caller, [input.reason]);
    const leader = await gridLeaderOf(deps.store, ticket.gridId);
    const calendar = await loadWorkCalendar(deps.store, ticket.communityId);
    // With no other leader to re-route it, the ticket waits in the duty queue: its desk hears of it.
    const dutyDesk =
      leader && leader._id !== user._id ? [] : await dutyDeskOf(deps.store, ticket.communityId);
    return (current) => ({
      patch: {
        assignee: null,
        assigneeUserId: null,
        returnedByUserIds: [...new Set([...current.returnedByUserIds, user._id])],
        // The routing window: someone must pick it up again within a sign-for period.
        signForBy: signForDeadline(now, current.deadlines, calendar),
      },
      note: input.reason.trim(),
      noteHeld: held,
      notify: (next) =>
        leader && leader._id !== user._id
          ? [
              toHandlers(next, [leader._id], 'ticketReturned', {
                title: '工单被退回，请重新分派',
                body: `${user.name}：${truncateText(input.reason.trim(), 50)}`,
                note: input.reason.trim(),
                person: user.name,
              }),
            ]
          : [toDutyDesk(next, dutyDesk, `${user.name}退回：${truncateText(input.reason.trim(), 40)}`)],
    });
  });
}
