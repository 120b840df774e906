/**
 * Every forbidden action of the state machine, table-driven: for each state a ticket can be in, every ticket
 * action as every kind of person. The spec below says, independently of the code's table, who may do what
 * from which state (DESIGN §4); every other combination must be refused and leave the ticket unchanged.
 */
import { bindWithCode } from '../support/household-codes';
import type { TicketActions, TicketStatus } from '../../typings/ticket';
import { createHarness, requestId, uid, type Actor, type Harness } from './ticket-world';

type Who =
  | 'reporter'
  | 'follower'
  | 'neighbour'
  | 'assignee'
  | 'colleague'
  | 'otherWorker'
  | 'leader'
  | 'staff'
  | 'outsider';
type Action = Exclude<
  keyof TicketActions,
  | 'submit'
  | 'nearby'
  | 'mine'
  | 'get'
  | 'inbox'
  | 'dutyQueue'
  | 'letters'
  | 'assignees'
  // Figures are about a place and a month, not a transition of a ticket.
  | 'figures'
  | 'exportFigures'
  | 'reconcileFigures'
  | 'streetFigures'
>;

const ALL: TicketStatus[] = [
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
const IN_HAND: TicketStatus[] = ['accepted', 'processing'];
const UNFINISHED: TicketStatus[] = ['submitted', 'assigned', 'accepted', 'processing', 'returned'];

/** Who may take each action from which states. 'submitted' here is a duty-queue ticket: no grid, no assignee. */
const allowed: Record<Action, Array<[TicketStatus[], Who[]]>> = {
  accept: [[['assigned'], ['assignee', 'colleague', 'leader']]],
  progress: [[IN_HAND, ['assignee', 'leader']]],
  coHandle: [[IN_HAND, ['assignee', 'leader']]],
  resolve: [[IN_HAND, ['assignee', 'leader']]],
  return: [[['assigned', ...IN_HAND], ['assignee']]],
  reassign: [
    [
      ['assigned', ...IN_HAND, 'returned'],
      ['leader', 'staff'],
    ],
  ],
  routeManually: [
    [['submitted'], ['staff']],
    [['returned'], ['staff', 'leader']],
  ],
  cancel: [[['submitted', 'assigned'], ['reporter']]],
  confirm: [[['resolved'], ['reporter']]],
  reopen: [[['resolved'], ['reporter']]],
  rate: [[['closed'], ['reporter']]],
  reject: [[UNFINISHED, ['staff']]],
  merge: [[UNFINISHED, ['staff']]],
  // Following what one filed or already follows is a no-op in any state, not a refusal.
  follow: [
    [UNFINISHED, ['neighbour']],
    [ALL, ['reporter', 'follower']],
  ],
  askExtension: [[IN_HAND, ['assignee']]],
  // Only a pending request can be answered, and none of these tickets has one (test/tickets/extension.test.ts).
  approveExtension: [],
  denyExtension: [],
};

const STATES = ALL;

const openids: Record<Who, string> = {
  reporter: 'dev-resident-liu',
  follower: 'test-follower',
  neighbour: 'test-neighbour',
  assignee: 'dev-worker-jiaojiawan-01-2',
  colleague: 'dev-worker-jiaojiawan-01-2-b',
  otherWorker: 'dev-worker-jiaojiawan-02-1',
  leader: 'dev-leader-jiaojiawan-01',
  staff: 'dev-staff-jiaojiawan',
  outsider: 'dev-resident-wang',
};

describe('forbidden actions (state × action × role)', () => {
  let h: Harness;
  const as: Partial<Record<Who, Actor>> = {};
  const tickets = new Map<TicketStatus, string>();
  let mergeTarget = '';

  beforeAll(async () => {
    h = await createHarness();
    for (const who of Object.keys(openids) as Who[]) as[who] = h.as(openids[who]);
    const homes = await h.deps.store.find('households', { where: { communityId: 'c_jiaojiawan' }, limit: 2 });
    for (const [i, who] of (['follower', 'neighbour'] as const).entries()) {
      await as[who]!.ok('user', 'login', { name: who === 'follower' ? '关注者' : '邻居' });
      await bindWithCode(h, openids[who], homes[i]!._id);
    }
    for (const state of STATES) tickets.set(state, await ticketIn(state));
    mergeTarget = await ticketIn('assigned');
  });
  afterAll(() => h.close());

  /** A ticket brought to `state` through the real actions, followed by the follower while still open. */
  async function ticketIn(state: TicketStatus): Promise<string> {
    const a = as as Record<Who, Actor>;
    const place =
      state === 'submitted'
        ? { kind: 'point' as const, point: { lat: 36.2, lng: 104.2 } }
        : { kind: 'building' as const, buildingId: 'b_jiaojiawan_6413_3' };
    const t = await a.reporter.ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'propertyService',
      description: `楼道灯不亮（${state}）`,
      photos: [],
      place,
    });
    // The follower reports from the same place: the reason to follow (the nearby offer's).
    let v = (await a.follower.ok('ticket', 'follow', { ticketId: t.ticketId, from: place })).version;
    const id = t.ticketId;
    const step = async (who: Who, action: Action, extra: object = {}) => {
      v = (await a[who].ok('ticket', action, { ticketId: id, version: v, ...extra } as never)).version;
    };
    if (state === 'cancelled') await step('reporter', 'cancel');
    if (state === 'rejected') await step('staff', 'reject', { reason: '重复' });
    if (state === 'returned') await step('assignee', 'return', { reason: '不归我管' });
    if (['accepted', 'processing', 'resolved', 'closed'].includes(state)) await step('assignee', 'accept');
    if (['processing', 'resolved', 'closed'].includes(state))
      await step('assignee', 'progress', { note: '处理中', photos: [] });
    if (['resolved', 'closed'].includes(state))
      await step('assignee', 'resolve', { note: '已处理', photos: [] });
    if (state === 'closed') await step('reporter', 'confirm');
    expect((await a.staff.ok('ticket', 'get', { ticketId: id })).status).toBe(state);
    return id;
  }

  function requestFor(action: Action, ticketId: string, version: number): object {
    const base = { ticketId, version };
    switch (action) {
      case 'progress':
      case 'resolve':
        return { ...base, note: '说明', photos: [] };
      case 'coHandle':
        return { ...base, party: '物业', request: '协助' };
      case 'askExtension':
        return { ...base, reason: '等配件', limit: { amount: 2, unit: 'workingDays' } };
      case 'return':
      case 'reject':
      case 'denyExtension':
        return { ...base, reason: '理由' };
      case 'reopen':
        return { ...base, reason: '没修好' };
      case 'reassign':
        return { ...base, assigneeUserId: uid('dev-worker-jiaojiawan-01-1') };
      case 'routeManually':
        return { ...base, microGridId: 'mg_jiaojiawan_01_1' };
      case 'merge':
        return { ...base, intoTicketId: mergeTarget };
      case 'rate':
        return { ticketId, stars: 3, comment: '' };
      case 'follow':
        return { ticketId, from: { kind: 'building', buildingId: 'b_jiaojiawan_6413_3' } };
      default:
        return base;
    }
  }

  const isAllowed = (action: Action, state: TicketStatus, who: Who) =>
    allowed[action].some(([states, whos]) => states.includes(state) && whos.includes(who));

  it.each(STATES)('refuses every forbidden action on a %s ticket and changes nothing', async (state) => {
    const ticketId = tickets.get(state)!;
    const before = (await h.deps.store.get('tickets', ticketId))!;
    const wrong: string[] = [];
    let refused = 0;
    for (const action of Object.keys(allowed) as Action[]) {
      for (const who of Object.keys(openids) as Who[]) {
        if (isAllowed(action, state, who)) continue;
        const result = await as[who]!.call(
          'ticket',
          action,
          requestFor(action, ticketId, before.version) as never,
        );
        refused += 1;
        const expected =
          who === 'outsider' || who === 'otherWorker' || (who === 'neighbour' && action !== 'follow')
            ? ['TICKET.NOT_FOUND']
            : ['AUTH.FORBIDDEN', 'TICKET.INVALID_STATE', 'TICKET.NOT_FOUND'];
        if (result.ok || !expected.includes(result.error.code))
          wrong.push(`${who} ${action}: ${result.ok ? 'succeeded' : result.error.code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(80);
    const after = (await h.deps.store.get('tickets', ticketId))!;
    expect(after.version).toBe(before.version);
  });

  it('offers each person exactly the allowed actions as buttons', async () => {
    const wrong: string[] = [];
    for (const state of STATES) {
      for (const who of ['reporter', 'follower', 'assignee', 'colleague', 'leader', 'staff'] as Who[]) {
        const result = await as[who]!.call('ticket', 'get', { ticketId: tickets.get(state)! });
        if (!result.ok) continue;
        const expected = (Object.keys(allowed) as Action[]).filter(
          (a) => isAllowed(a, state, who) && !(a === 'follow' && who !== 'neighbour'),
        );
        // A worker who returned the ticket keeps reading it but has no buttons.
        if ([...result.data.allowedActions].sort().join() !== [...expected].sort().join())
          wrong.push(`${state} ${who}: got [${result.data.allowedActions}] want [${expected}]`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
