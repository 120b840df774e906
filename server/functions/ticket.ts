/** The `ticket` cloud function: a resident's report from submission to closing (DESIGN §4). */
import * as z from 'zod/mini';
import type { TicketActions, TicketCategory, TicketPlace } from '../../typings/ticket';
import type { WorkbenchActions } from '../../typings/workbench';
import { categoryTable, isSecretaryLetter } from '../core/tickets/categories';
import { dispatch } from '../core/tickets/dispatch';
import {
  acceptTicket,
  recordCoHandler,
  recordProgress,
  resolveTicket,
  returnTicket,
} from '../core/tickets/handle';
import { dutyQueue, getTicket, inbox, letters, myTickets } from '../core/tickets/lists';
import { approveExtension, askExtension, denyExtension } from '../core/tickets/extension';
import { mergeTicket, rejectTicket } from '../core/tickets/moderate';
import { followTicket } from '../core/tickets/follow';
import { nearbyTickets } from '../core/tickets/nearby';
import { cancelTicket, confirmTicket, rateTicket, reopenTicket } from '../core/tickets/resident';
import { submitTicket } from '../core/tickets/submit';
import { figuresFor } from '../core/figures/read';
import { rankedRates, streetFigures } from '../core/street/figures';
import type { RankedFigureId } from '../../typings/figures';
import { reconcileFiguresFor } from '../core/figures/reconcile';
import { figureSheets } from '../core/figures/sheets';
import { toIso } from '../core/time/shanghai';
import { defineFunction } from './define';
import { writeFiguresWorkbook } from './figures-export';
import { workbenchActions } from './workbench-actions';
import { fileIdSchema, id, keysOf, latLngSchema, required, text, timeLimitSchema, whole } from './schemas';

const category = keysOf(categoryTable);
const offeredCategory = z.enum(
  category.options.filter((c) => !isSecretaryLetter(c)) as [TicketCategory, ...TicketCategory[]],
);
const place: z.ZodMiniType<TicketPlace> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('household'), householdId: id }),
  z.object({
    kind: z.literal('building'),
    buildingId: id,
    unit: z.optional(text(16)),
    room: z.optional(text(16)),
    floor: z.optional(whole(-5, 200)),
  }),
  z.object({
    kind: z.literal('point'),
    point: latLngSchema,
    addressText: z.optional(text(100)),
  }),
]);
/** File ids from wx.cloud.uploadFile (or the local cloud's POST /files): up to 9 a ticket or a note. */
const photos = z.array(fileIdSchema).check(z.maxLength(9));
const ticketId = z.object({ ticketId: id });
const versioned = z.object({ ticketId: id, version: z.int().check(z.gte(1)) });
const communityId = z.object({ communityId: id });
/** A month as YYYY-MM; the range itself (order, at most 12) is checked in the core. */
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
const figuresRange = z.object({ communityId: id, gridId: z.optional(id), fromMonth: month, toMonth: month });

export const ticketFunction = defineFunction<TicketActions & WorkbenchActions>('ticket', {
  submit: {
    input: z.object({
      clientRequestId: required(64, { min: 8 }),
      category,
      description: required(1000),
      photos,
      place,
    }),
    run: (deps, caller, input) => submitTicket(deps, caller, input),
  },
  nearby: {
    // A letter to the secretary is no near duplicate of anyone's: it is never offered.
    input: z.object({ category: offeredCategory, place }),
    run: (deps, caller, input) => nearbyTickets(deps, caller, input),
  },
  follow: {
    // The place the caller reports from: a reason to follow a ticket near it (their home is the other).
    input: z.extend(ticketId, { from: z.optional(place) }),
    run: (deps, caller, input) => followTicket(deps, caller, input),
  },
  mine: {
    input: z.object({ scope: z.enum(['open', 'toConfirm', 'done', 'all']) }),
    run: (deps, caller, input) => myTickets(deps, caller, input),
  },
  get: { input: ticketId, run: (deps, caller, input) => getTicket(deps, caller, input) },
  cancel: { input: versioned, run: (deps, caller, input) => cancelTicket(deps, caller, input) },
  confirm: { input: versioned, run: (deps, caller, input) => confirmTicket(deps, caller, input) },
  reopen: {
    input: z.extend(versioned, { reason: required(500) }),
    run: (deps, caller, input) => reopenTicket(deps, caller, input),
  },
  rate: {
    input: z.object({ ticketId: id, stars: whole(1, 5), comment: text(500) }),
    run: (deps, caller, input) => rateTicket(deps, caller, input),
  },
  inbox: {
    input: z.object({ tab: z.enum(['toSign', 'inProgress', 'overdue', 'done']) }),
    run: (deps, caller, input) => inbox(deps, caller, input),
  },
  accept: { input: versioned, run: (deps, caller, input) => acceptTicket(deps, caller, input) },
  progress: {
    input: z.extend(versioned, { note: required(1000), photos }),
    run: (deps, caller, input) => recordProgress(deps, caller, input),
  },
  coHandle: {
    input: z.extend(versioned, { party: required(50), request: required(500) }),
    run: (deps, caller, input) => recordCoHandler(deps, caller, input),
  },
  resolve: {
    input: z.extend(versioned, { note: text(1000), photos }),
    run: (deps, caller, input) => resolveTicket(deps, caller, input),
  },
  return: {
    input: z.extend(versioned, { reason: required(500) }),
    run: (deps, caller, input) => returnTicket(deps, caller, input),
  },
  reassign: {
    input: z.extend(versioned, { assigneeUserId: id, note: z.optional(text(500)) }),
    run: (deps, caller, input) => dispatch.reassign(deps, caller, input),
  },
  dutyQueue: { input: communityId, run: (deps, caller, input) => dutyQueue(deps, caller, input) },
  routeManually: {
    input: z.extend(versioned, {
      microGridId: id,
      assigneeUserId: z.optional(id),
      note: z.optional(text(500)),
    }),
    run: (deps, caller, input) => dispatch.routeManually(deps, caller, input),
  },
  reject: {
    input: z.extend(versioned, { reason: required(500) }),
    run: (deps, caller, input) => rejectTicket(deps, caller, input),
  },
  merge: {
    input: z.extend(versioned, { intoTicketId: id }),
    run: (deps, caller, input) => mergeTicket(deps, caller, input),
  },
  letters: { input: communityId, run: (deps, caller, input) => letters(deps, caller, input) },
  askExtension: {
    input: z.extend(versioned, { reason: required(500), limit: timeLimitSchema }),
    run: (deps, caller, input) => askExtension(deps, caller, input),
  },
  approveExtension: {
    input: z.extend(versioned, { limit: z.optional(timeLimitSchema), note: z.optional(text(500)) }),
    run: (deps, caller, input) => approveExtension(deps, caller, input),
  },
  denyExtension: {
    input: z.extend(versioned, { reason: required(500) }),
    run: (deps, caller, input) => denyExtension(deps, caller, input),
  },
  assignees: { input: ticketId, run: (deps, caller, input) => dispatch.assignees(deps, caller, input) },
  figures: { input: figuresRange, run: (deps, caller, input) => figuresFor(deps, caller, input) },
  exportFigures: {
    input: figuresRange,
    run: async (deps, caller, input) => {
      const view = await figuresFor(deps, caller, input);
      const stamp = toIso(deps.clock.now()).slice(0, 16).replace(/[-:T]/g, '');
      const scope = input.gridId ?? input.communityId;
      const name = `工单统计-${input.fromMonth}至${input.toMonth}-${stamp}.xlsx`;
      const path = `exports/${input.communityId}/figures-${scope}-${input.fromMonth}-${input.toMonth}-${stamp}.xlsx`;
      const fileId = await writeFiguresWorkbook(deps.files, path, figureSheets(view));
      return { fileId, url: await deps.files.url(fileId), name };
    },
  },
  streetFigures: {
    input: z.object({
      streetId: z.optional(id),
      fromMonth: month,
      toMonth: month,
      rankBy: z.optional(z.enum(rankedRates.map((r) => r.id) as [RankedFigureId, ...RankedFigureId[]])),
    }),
    run: (deps, caller, input) => streetFigures(deps, caller, input),
  },
  reconcileFigures: {
    input: z.object({ communityId: id, month }),
    run: (deps, caller, input) => reconcileFiguresFor(deps, caller, input),
  },
  ...workbenchActions,
});
