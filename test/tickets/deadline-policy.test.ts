/** A community's deadline table set by staff: working-time limits per category, safety in calendar hours. */
import { deadlineRowFor, defaultTicketPolicy } from '../../server/core/tickets/policy';
import { policyProblems } from '../../server/core/tickets/deadline-policy';
import { createHarness, type Harness } from '../support/harness';
import { requestId } from '../scenarios/ticket-world';

const C = 'c_jiaojiawan';
const STAFF = 'dev-staff-jiaojiawan';
const days = (amount: number) => ({ amount, unit: 'workingDays' as const });
const hours = (amount: number) => ({ amount, unit: 'calendarHours' as const });
const workingHours = (amount: number) => ({ amount, unit: 'workingHours' as const });

describe('deadline table', () => {
  let h: Harness;
  beforeEach(async () => {
    // Monday 2026-11-30 09:00.
    h = await createHarness({ now: '2026-11-30T09:00:00+08:00' });
  });
  afterEach(() => h.close());

  it('refuses working time for safety hazards, a group mismatch and a missing catch-all, writing nothing', async () => {
    const result = await h.as(STAFF).call('grid', 'setDeadlines', {
      communityId: C,
      rules: [
        { category: 'gasLeak', group: 'municipal', signFor: hours(1), resolve: hours(4) },
        { urgent: true, signFor: workingHours(1), resolve: days(1) },
      ],
    });
    expect(result.ok ? [] : (result.error.details as { problems: string[] }).problems).toEqual([
      '第 2 行会用于安全隐患（飞线充电、燃气隐患、消防通道、用电安全），安全隐患的时限只能按自然小时计算',
      '第 1 行的类别不属于所选分组',
      '最后一行须不设条件，作为其余工单的时限',
    ]);
    expect(await h.deps.store.get('ticketPolicies', C)).toBeNull();
    expect(
      policyProblems([
        { group: 'safety', signFor: hours(2), resolve: hours(4) },
        { signFor: workingHours(4), resolve: days(5) },
      ]),
    ).toEqual([]);
  });

  it('applies working days to a new report and keeps safety hazards in calendar hours', async () => {
    const staff = h.as(STAFF);
    const view = await staff.ok('grid', 'setDeadlines', {
      communityId: C,
      rules: [
        { group: 'safety', signFor: hours(2), resolve: hours(4) },
        { category: 'propertyService', signFor: workingHours(4), resolve: days(5) },
        { signFor: hours(2), resolve: hours(72) },
      ],
      extensionMax: days(5),
    });
    expect(view.rules[1]).toEqual({
      category: 'propertyService',
      signFor: workingHours(4),
      resolve: days(5),
    });
    expect(view.extensionMax).toEqual(days(5));
    const submit = (category: 'propertyService' | 'flyingWireCharging') =>
      h.as('dev-resident-liu').ok('ticket', 'submit', {
        clientRequestId: requestId(),
        category,
        description: '楼道里有问题',
        photos: [],
        place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_3' },
      });
    const property = await h.deps.store.get('tickets', (await submit('propertyService')).ticketId);
    expect([property!.signForBy, property!.resolveBy]).toEqual([
      '2026-11-30T14:30:00+08:00', // 09:00–12:00 is 3 h; after the lunch break 13:30 + 1 h
      '2026-12-07T17:30:00+08:00',
    ]);
    const wire = await h.deps.store.get('tickets', (await submit('flyingWireCharging')).ticketId);
    expect(wire!.resolveBy).toBe('2026-11-30T13:00:00+08:00');
  });

  it('ignores a working-time limit that reaches a safety category anyway (a row written to the store)', () => {
    const policy = {
      ...defaultTicketPolicy,
      deadlines: [{ signForHours: 2, resolveHours: 4, resolveLimit: days(5) }],
    };
    expect(deadlineRowFor(policy, 'gasLeak', false).resolveLimit).toBeUndefined();
    expect(deadlineRowFor(policy, 'garbage', false).resolveLimit).toEqual(days(5));
  });
});
