/**
 * The scheduler's production entry: a CloudBase timer trigger calls main with {Type: "timer", TriggerName,
 * Time, Message} and no action, and that runs the tick; anything a client sends is refused. Here on the local
 * adapters behind the production entry's platform seam; test/production/bundles.test.ts runs the built bundle.
 */
import { schedulerFunction } from '../../server/functions/scheduler';
import { timerFunction, type Platform } from '../../server/production/main';
import type { Caller } from '../../server/core/ports/identity';
import { createHarness, requestId, type Harness } from '../scenarios/ticket-world';

const timerEvent = {
  Type: 'timer',
  TriggerName: 'everyMinute',
  Time: '2026-06-20T03:01:00Z',
  Message: '',
};

describe('the scheduler entry in production', () => {
  let h: Harness;
  let caller: Caller | null;
  let main: ReturnType<typeof timerFunction>;
  beforeEach(async () => {
    h = await createHarness();
    caller = null;
    const platform: Platform = { deps: () => h.deps, caller: () => caller };
    main = timerFunction(schedulerFunction, 'tick', platform);
  });
  afterEach(() => h.close());

  async function overdueTicket(): Promise<string> {
    const filed = await h.as('dev-resident-chen').ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'waterSupply',
      description: '3楼以上没有水，已经一上午了',
      photos: [],
      place: { kind: 'household', householdId: 'h_zhangjiayuan_zhonglukou27_1_1_502' },
    });
    h.clock.set('2026-06-20T11:01:00+08:00');
    return filed.ticketId;
  }

  test('a timer trigger event, which has no action, runs the tick: the missed deadline escalates', async () => {
    const ticketId = await overdueTicket();
    const answer = await main(timerEvent, {});
    expect(answer).toMatchObject({
      ok: true,
      data: { results: { ticketDeadlines: { escalatedToLeader: 1 } } },
    });
    expect(await h.deps.store.get('tickets', ticketId)).toMatchObject({ escalationLevel: 1 });
  });

  test.each([
    ['a client calling tick', { action: 'tick' }, null],
    ['a client sending the timer shape', timerEvent, { openid: 'dev-resident-chen' }],
    ['a client calling tick as a signed-in user', { action: 'tick' }, { openid: 'dev-resident-chen' }],
    ['an event that only looks like a timer', { Type: 'timer' }, null],
  ])('%s is refused, and nothing runs', async (_name, event, who) => {
    const ticketId = await overdueTicket();
    caller = who;
    const answer = await main(event, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(answer.ok || answer.error.message).toMatch(/定时/);
    expect(await h.deps.store.get('tickets', ticketId)).toMatchObject({ escalationLevel: 0 });
  });
});
