/** The workbench's actions of the `ticket` function (typings/workbench.ts): their schemas and use cases. */
import * as z from 'zod/mini';
import type { TicketCategory, TicketStatus } from '../../typings/ticket';
import type { WorkbenchActions } from '../../typings/workbench';
import { ticketCategories } from '../core/tickets/categories';
import { leaderHome, secretaryHome } from '../core/workbench/homes';
import { mergeCandidates, workbenchPage, workbenchScope } from '../core/workbench/workbench';
import type { ActionSpec } from './define';
import { id, text, whole } from './schemas';

type Specs = {
  [K in keyof WorkbenchActions]: ActionSpec<WorkbenchActions[K]['req'], WorkbenchActions[K]['res']>;
};
type WorkbenchCategory = Exclude<TicketCategory, 'secretaryLetter'>;

const statuses: [TicketStatus, ...TicketStatus[]] = [
  'submitted',
  'assigned',
  'accepted',
  'processing',
  'resolved',
  'closed',
  'returned',
  'cancelled',
  'rejected',
];
// Letters are the secretary's alone: not a category one may filter the workbench by.
const category = z.enum(
  ticketCategories.filter((c): c is WorkbenchCategory => c !== 'secretaryLetter') as [
    WorkbenchCategory,
    ...WorkbenchCategory[],
  ],
);
const day = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期请写作 年-月-日，如 2026-06-20' }));
const cursor = z.optional(z.string().check(z.maxLength(4000)));
const communityId = z.object({ communityId: id });

const filter = z.object({
  statuses: z.optional(z.array(z.enum(statuses)).check(z.maxLength(statuses.length))),
  category: z.optional(category),
  gridId: z.optional(id),
  microGridId: z.optional(id),
  assigneeUserId: z.optional(id),
  overdue: z.optional(z.boolean()),
  escalated: z.optional(z.boolean()),
  from: z.optional(day),
  to: z.optional(day),
  text: z.optional(text(50)),
});

export const workbenchActions: Specs = {
  workbench: {
    input: z.object({ communityId: id, filter, cursor, limit: z.optional(whole(1, 50)) }),
    run: (deps, caller, input) => workbenchPage(deps, caller, input),
  },
  workbenchScope: { input: communityId, run: (deps, caller, input) => workbenchScope(deps, caller, input) },
  mergeCandidates: {
    input: z.object({
      ticketId: id,
      text: z.optional(text(50)),
      category: z.optional(category),
      cursor,
    }),
    run: (deps, caller, input) => mergeCandidates(deps, caller, input),
  },
  leaderHome: { input: communityId, run: (deps, caller, input) => leaderHome(deps, caller, input) },
  secretaryHome: { input: communityId, run: (deps, caller, input) => secretaryHome(deps, caller, input) },
};
