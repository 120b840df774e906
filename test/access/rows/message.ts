/** The `message` function's rows of the authorization matrix (format: test/access/matrix.ts). */
import { mentions, row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

const OWN: readonly MatrixRelation[] = ['own'];
/** Every caller with a user has their own messages. */
const USERS = {
  stranger: OWN,
  resident: OWN,
  worker: OWN,
  leader: OWN,
  staff: OWN,
  secretary: OWN,
  otherStaff: OWN,
  street: OWN,
} as const;

/** A message to the cell's person: the caller (own) or the place's resident, from a ticket they filed. */
async function messageTo(w: World, c: Cell): Promise<string | null> {
  const t = await w.ticket(c, { status: 'assigned' });
  if (!t) return null;
  const reporter = c.relation === 'own' ? c.openid! : w.slot(c.relation).resident;
  const userId = await w.userId(reporter);
  const [n] = await w.h.deps.store.find('notifications', {
    where: { userId, ticketId: t.ticketId },
    limit: 1,
  });
  if (!n) throw new Error(`no message to ${reporter}`);
  return n._id;
}

export const messageRows: Row[] = [
  row('message', 'list', {
    allow: USERS,
    request: async (w, c) => ({ req: {}, subject: (await messageTo(w, c)) ?? undefined }),
    grants: mentions,
  }),
  row('message', 'unreadCount', { relations: OWN, allow: USERS, request: async () => ({ req: {} }) }),
  row('message', 'markRead', {
    allow: USERS,
    request: async (w, c) => {
      const id = await messageTo(w, c);
      return id ? { req: { messageId: id }, subject: id } : null;
    },
    refusedWith: ['MESSAGE.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('message', 'markAllRead', { relations: OWN, allow: USERS, request: async () => ({ req: {} }) }),
  row('message', 'templates', {
    relations: OWN,
    allow: USERS,
    request: async () => ({ req: { purpose: 'ticketSubmit' } }),
  }),
  row('message', 'subscribe', {
    relations: OWN,
    allow: USERS,
    request: async (w) => {
      const { templateIds } = await w.ok<{ templateIds: string[] }>(
        'dev-resident-li',
        'message',
        'templates',
        {
          purpose: 'ticketSubmit',
        },
      );
      return { req: { answers: { [templateIds[0]!]: 'accept' } } };
    },
  }),
  row('message', 'deliveries', {
    relations: ['sameCommunity', 'otherCommunity'],
    allow: { staff: ['sameCommunity'], secretary: ['sameCommunity'], otherStaff: ['otherCommunity'] },
    request: async (w, c) => ({ req: { communityId: w.slot(c.relation).communityId } }),
  }),
];
