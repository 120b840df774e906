/** The deadline table, escalation timing and ticket ids: pure functions, no store. */
import { hoursAfter, nextEscalationAt, runningDeadline } from '../../server/core/tickets/deadlines';
import { deadlineRowFor, defaultTicketPolicy } from '../../server/core/tickets/policy';
import { ticketIdFor } from '../../server/core/tickets/ticket-id';

describe('deadline table', () => {
  it('gives safety categories 4 hours to resolve and everything else 72, both 2 hours to sign', () => {
    expect(deadlineRowFor(defaultTicketPolicy, 'gasLeak', true)).toMatchObject({
      signForHours: 2,
      resolveHours: 4,
    });
    expect(deadlineRowFor(defaultTicketPolicy, 'flyingWireCharging', false)).toMatchObject({
      resolveHours: 4,
    });
    expect(deadlineRowFor(defaultTicketPolicy, 'sewerBlocked', false)).toMatchObject({
      signForHours: 2,
      resolveHours: 72,
    });
  });

  it('applies the urgent row to an urgent report outside the safety group', () => {
    expect(deadlineRowFor(defaultTicketPolicy, 'waterSupply', true)).toMatchObject({
      signForHours: 1,
      resolveHours: 24,
    });
  });

  it("lets a community's own rows win, first match first", () => {
    const policy = {
      ...defaultTicketPolicy,
      deadlines: [
        { category: 'waterSupply' as const, signForHours: 1, resolveHours: 12 },
        ...defaultTicketPolicy.deadlines,
      ],
    };
    expect(deadlineRowFor(policy, 'waterSupply', false)).toMatchObject({ resolveHours: 12 });
    expect(deadlineRowFor(policy, 'streetLight', false)).toMatchObject({ resolveHours: 72 });
  });

  it('counts hours in Asia/Shanghai time across midnight', () => {
    expect(hoursAfter('2026-06-20T23:30:00+08:00', 2)).toBe('2026-06-21T01:30:00+08:00');
    expect(hoursAfter(new Date('2026-06-20T15:30:00Z'), 4)).toBe('2026-06-21T03:30:00+08:00');
  });
});

describe('escalation timing', () => {
  const base = {
    signForBy: '2026-06-20T11:00:00+08:00',
    resolveBy: '2026-06-23T09:00:00+08:00',
    deadlines: { signForHours: 2, resolveHours: 72 },
    escalatedAt: null,
  };

  it('escalates first at the running deadline: sign-for while unsigned, resolve while in hand', () => {
    expect(nextEscalationAt({ ...base, status: 'assigned', escalationLevel: 0 })).toBe(base.signForBy);
    expect(nextEscalationAt({ ...base, status: 'processing', escalationLevel: 0 })).toBe(base.resolveBy);
    expect(runningDeadline({ ...base, status: 'resolved' })).toBeNull();
  });

  it('gives the leader a sign-for window before the secretary, and never goes past the secretary', () => {
    const escalated = {
      ...base,
      status: 'assigned' as const,
      escalationLevel: 1 as const,
      escalatedAt: '2026-06-20T11:01:00+08:00',
    };
    expect(nextEscalationAt(escalated)).toBe('2026-06-20T13:01:00+08:00');
    expect(nextEscalationAt({ ...escalated, status: 'accepted' })).toBe(base.resolveBy);
    expect(nextEscalationAt({ ...escalated, escalationLevel: 2 })).toBeNull();
  });
});

describe('ticket ids', () => {
  it('are the same for the same reporter and request, different otherwise', () => {
    expect(ticketIdFor('u_1', 'req-a')).toBe(ticketIdFor('u_1', 'req-a'));
    expect(ticketIdFor('u_1', 'req-a')).not.toBe(ticketIdFor('u_2', 'req-a'));
    expect(ticketIdFor('u_1', 'req-a')).not.toBe(ticketIdFor('u_1', 'req-b'));
    expect(ticketIdFor('u_1', 'req-a')).toMatch(/^tk_[0-9a-z]{22}$/);
  });
});
