/**
 * Extension 延期: the assignee asks for more time to resolve, with a reason and a limit; the grid leader (or
 * staff) grants it — the asked limit or another, at most the community's maximum (10 working days unless it
 * says otherwise) — or refuses it. A grant moves the resolve deadline, counted from the current one in the
 * community's working calendar, and tells the residents when to expect the result.
 */
import type { TimeLimit } from '../../../typings/calendar';
import type { TicketActions, TicketDetail } from '../../../typings/ticket';
import { loadWorkCalendar } from '../calendar/load';
import { limitEnd, limitText } from '../calendar/working-time';
import { AppError } from '../errors';
import { truncateText } from '../notifications/wechat-fields';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { shanghai, toIso } from '../time/shanghai';
import { act, actingPerson } from './change';
import { screenText } from './checks';
import { gridLeaderOf } from './leaders';
import { audienceOf, toHandlers, toResidents } from './notify';
import { extensionMaxOf, loadTicketPolicy } from './policy';
import { momentWords } from '../notifications/status-words';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

/** 12月8日 17:30: how the residents read the new expected time. */
function expectedText(iso: string): string {
  return shanghai(iso).format('M月D日 HH:mm');
}

/** The assignee asks; the grid leader hears of it. */
export function askExtension(deps: Deps, caller: Caller, input: Req<'askExtension'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'askExtension', async ({ ticket, user, now }) => {
    const reason = input.reason.trim();
    const { held } = await screenText(deps, caller, [reason]);
    await requireWithinMax(deps, ticket.communityId, ticket.resolveBy ?? toIso(now), input.limit);
    const leader = await gridLeaderOf(deps.store, ticket.gridId);
    return (current, relations) => ({
      patch: {
        extensionRequest: {
          reason,
          limit: input.limit,
          by: actingPerson('askExtension', user, current, relations),
          at: toIso(now),
        },
      },
      note: `申请延期${limitText(input.limit)}：${reason}`,
      noteHeld: held,
      notify: (next) =>
        leader
          ? [
              toHandlers(next, [leader._id], 'ticketProgress', {
                title: '有工单申请延期，请审批',
                body: `${user.name}申请延期${limitText(input.limit)}：${truncateText(reason, 40)}`,
                status: momentWords.extensionAsked,
                note: reason,
                person: user.name,
              }),
            ]
          : [],
    });
  });
}

/** The leader grants: the resolve deadline moves, the residents learn the new expected time. */
export function approveExtension(
  deps: Deps,
  caller: Caller,
  input: Req<'approveExtension'>,
): Promise<TicketDetail> {
  return act(deps, caller, input, 'approveExtension', async ({ ticket, now }) => {
    const limit = input.limit ?? ticket.extensionRequest!.limit;
    const from = ticket.resolveBy ?? toIso(now);
    await requireWithinMax(deps, ticket.communityId, from, limit);
    const calendar = await loadWorkCalendar(deps.store, ticket.communityId);
    const note = input.note?.trim() ?? '';
    const { held } = await screenText(deps, caller, note ? [note] : []);
    return (current) => {
      const resolveBy = toIso(limitEnd(new Date(current.resolveBy ?? from), limit, calendar));
      const asker = current.extensionRequest?.by;
      return {
        patch: { resolveBy, extensionRequest: null, extensions: (current.extensions ?? 0) + 1 },
        note: `同意延期${limitText(limit)}，预计${expectedText(resolveBy)}前办结${note ? `：${note}` : ''}`,
        noteHeld: held,
        notify: (next) => [
          toResidents(next, 'ticketProgress', {
            title: '工单已延期',
            body: `预计${expectedText(resolveBy)}前办结`,
            status: momentWords.extended,
            note: `预计${expectedText(resolveBy)}前办结`,
          }),
          ...(asker
            ? [
                toHandlers(
                  next,
                  [asker.userId],
                  'ticketProgress',
                  {
                    title: '延期申请已同意',
                    body: `新的办结时限：${expectedText(resolveBy)}`,
                    status: momentWords.extended,
                  },
                  audienceOf(asker.role),
                ),
              ]
            : []),
        ],
      };
    };
  });
}

/** The leader refuses: the deadline stays, the asker hears why. */
export function denyExtension(
  deps: Deps,
  caller: Caller,
  input: Req<'denyExtension'>,
): Promise<TicketDetail> {
  return act(deps, caller, input, 'denyExtension', async () => {
    const reason = input.reason.trim();
    const { held } = await screenText(deps, caller, [reason]);
    return (current) => {
      const asker = current.extensionRequest?.by;
      return {
        patch: { extensionRequest: null },
        note: reason,
        noteHeld: held,
        notify: (next) =>
          asker
            ? [
                toHandlers(
                  next,
                  [asker.userId],
                  'ticketProgress',
                  {
                    title: '延期申请未同意',
                    body: truncateText(reason, 60),
                    status: momentWords.extensionDenied,
                    note: reason,
                  },
                  audienceOf(asker.role),
                ),
              ]
            : [],
      };
    };
  });
}

/** Refuses a limit that would end later than the community's maximum extension from the same start. */
async function requireWithinMax(
  deps: Pick<Deps, 'store'>,
  communityId: string,
  from: string,
  limit: TimeLimit,
): Promise<void> {
  const [policy, calendar] = await Promise.all([
    loadTicketPolicy(deps.store, communityId),
    loadWorkCalendar(deps.store, communityId),
  ]);
  const max = extensionMaxOf(policy);
  const start = new Date(from);
  if (limitEnd(start, limit, calendar) > limitEnd(start, max, calendar)) {
    throw new AppError('TICKET.EXTENSION_INVALID', {
      message: `延期时限超过本社区允许的上限（最多${limitText(max)}），请缩短延期时间`,
    });
  }
}
