/**
 * The reporter's room and phone across the matrix's roles (issue 13 item 4, DESIGN §8): only the assignee
 * and staff of the ticket's community receive them; the grid leader who is not assigned, other workers,
 * other residents and other communities never, and no answer without the contact carries the phone. The
 * reporter alone receives whom to call.
 */
import type { TicketDetail } from '../../typings/ticket';
import type { MatrixRelation, MatrixRole } from './cells';
import { buildWorld, CALLERS, type World } from './world';

const PHONE = '13609319999';
const RELATIONS: Array<Exclude<MatrixRelation, 'own'>> = [
  'sameMicroGrid',
  'sameGrid',
  'sameCommunity',
  'otherCommunity',
];
const ROLES = Object.keys(CALLERS) as Array<Exclude<MatrixRole, 'anonymous'>>;
/** Who sees the contact, by the rule: the assignee (M's primary worker here) and the place's staff. */
const SEES: Record<Exclude<MatrixRelation, 'own'>, ReadonlyArray<MatrixRole>> = {
  sameMicroGrid: ['worker', 'staff', 'secretary'],
  sameGrid: ['staff', 'secretary'],
  sameCommunity: ['staff', 'secretary'],
  otherCommunity: ['otherStaff'],
};

describe('who receives the reporter’s room and phone', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.h.close());

  test.each(RELATIONS)(
    'a ticket in %s, with the room typed and the reporter’s phone known',
    async (relation) => {
      w.restore();
      const s = w.slot(relation);
      await w.h.deps.store.update('users', await w.userId(s.resident), { phone: PHONE });
      const ref = (await w.ticket(
        { role: 'staff', relation, openid: CALLERS.staff },
        {
          status: 'accepted',
          place: { kind: 'building', buildingId: s.buildingId, unit: '1单元', room: '702' },
        },
      ))!;
      const seen: Partial<Record<MatrixRole, 'contact' | 'none' | 'refused'>> = {};
      for (const role of ROLES) {
        const answer = await w.call(CALLERS[role], 'ticket', 'get', { ticketId: ref.ticketId });
        if (!answer.ok) {
          seen[role] = 'refused';
          continue;
        }
        const detail = answer.data as TicketDetail;
        expect(detail.handlerContact).toBeNull();
        if (detail.reporterContact) {
          expect(detail.reporterContact.phone).toBe(PHONE);
          expect(detail.reporterContact.address).toMatch(/ 702$/);
          seen[role] = 'contact';
        } else {
          expect(JSON.stringify(detail)).not.toContain(PHONE);
          expect(JSON.stringify(detail)).not.toContain('702');
          seen[role] = 'none';
        }
      }
      const withContact = ROLES.filter((r) => seen[r] === 'contact');
      expect(withContact).toEqual(SEES[relation]);
      const reporter = (await w.ok(s.resident, 'ticket', 'get', { ticketId: ref.ticketId })) as TicketDetail;
      expect(reporter.reporterContact).toBeNull();
      expect(reporter.handlerContact?.phone).toMatch(/^1\d{10}$/);
    },
  );
});
