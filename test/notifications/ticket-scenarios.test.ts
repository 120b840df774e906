/**
 * The notifications each person receives through a ticket's life, end to end: the real ticket function,
 * the demo community, the after-action dispatch and the scheduler, the recording push.
 */
import type { Notification } from '../../server/core/notifications/model';
import type { TicketDetail } from '../../typings/ticket';
import { createHarness, type Actor, type Harness } from '../support/harness';
import { inbox as inboxOf, subscribeAll } from '../support/messages';

const LIU = 'dev-resident-liu';
const WORKER = 'dev-worker-jiaojiawan-01-1';

describe('who hears what, in order, through a ticket', () => {
  let h: Harness;
  let liu: Actor;
  let worker: Actor;

  beforeEach(async () => {
    h = await createHarness();
    liu = h.as(LIU);
    worker = h.as(WORKER);
    await worker.ok('user', 'login', {});
  });
  afterEach(() => {
    h.close();
  });

  const inbox = (openid: string) => inboxOf(h, openid);

  async function all(openid: string): Promise<Notification[]> {
    const [user] = await h.deps.store.find('users', { where: { openid }, limit: 1 });
    return h.deps.store.find('notifications', {
      where: { userId: user!._id },
      orderBy: [['createdAt', 'asc']],
    });
  }

  async function submit(): Promise<TicketDetail> {
    const me = await liu.ok('user', 'me', {});
    return liu.ok('ticket', 'submit', {
      clientRequestId: 'req-streetlight-1',
      category: 'streetLight',
      description: '2号楼门口路灯不亮，晚上看不清台阶',
      photos: [],
      place: { kind: 'household', householdId: me.household!.householdId },
    });
  }

  test('filed, signed for, progressed, resolved, confirmed: the resident and the worker each hear their part, once', async () => {
    await subscribeAll(liu, 'ticketSubmit');
    await subscribeAll(worker, 'task');

    // A minute between steps, as in life: the message centre orders by time.
    const step = async <T>(work: () => Promise<T>): Promise<T> => {
      h.clock.advance(60_000);
      return work();
    };
    let t = await step(submit);
    t = await step(() => worker.ok('ticket', 'accept', { ticketId: t.ticketId, version: t.version }));
    t = await step(() =>
      worker.ok('ticket', 'progress', {
        ticketId: t.ticketId,
        version: t.version,
        note: '已联系供电所，明天上午更换灯泡',
        photos: [],
      }),
    );
    t = await step(() =>
      worker.ok('ticket', 'resolve', {
        ticketId: t.ticketId,
        version: t.version,
        note: '灯泡已更换，路灯恢复',
        photos: [],
      }),
    );
    t = await step(() => liu.ok('ticket', 'confirm', { ticketId: t.ticketId, version: t.version }));
    await h.anonymous('scheduler', 'tick', {});

    expect(await inbox(LIU)).toEqual([
      'ticketAssigned: 工单已提交，等待网格员签收',
      'ticketAccepted: 工单已签收',
      'ticketProgress: 工单有新进展',
      'ticketResolved: 工单已办结，请确认',
    ]);
    expect(await inbox(WORKER)).toEqual(['ticketAssigned: 新工单待签收', 'ticketClosed: 居民已确认解决']);
    // One-time grants: one accept of 受理通知 and one of 办结通知 are two subscribe messages; the rest is in-app.
    expect(h.deps.push.sent.map((m) => `${m.openid} ${m.templateId}`)).toEqual([
      'dev-resident-liu demo-tmpl-accepted',
      'dev-worker-jiaojiawan-01-1 demo-tmpl-task',
      'dev-resident-liu demo-tmpl-resolved',
    ]);
    expect(
      (await all(LIU)).map(
        (n) => `${n.kind}/${n.delivery.state}${n.delivery.reason ? `:${n.delivery.reason}` : ''}`,
      ),
    ).toEqual([
      'ticketAssigned/sent',
      'ticketAccepted/inAppOnly:noGrant',
      'ticketProgress/inAppOnly:noGrant',
      'ticketResolved/sent',
    ]);
    // Every delivery ended, and none twice.
    const states = [...(await all(LIU)), ...(await all(WORKER))].map((n) => n.delivery.state);
    expect(states.filter((s) => s === 'pending' || s === 'sending')).toEqual([]);
    expect(new Set(h.deps.push.attempts.map((a) => a.message.data)).size).toBe(h.deps.push.attempts.length);
  });

  test('30 minutes before the sign-for deadline the worker is reminded once; when it passes, the escalation reaches everyone concerned', async () => {
    // Two accepts of the task template (e.g. the worker's task list asks on each visit): two subscribe messages.
    await subscribeAll(worker, 'task');
    await subscribeAll(worker, 'task');
    const t = await submit();
    const ticket = await h.deps.store.get('tickets', t.ticketId);
    const deadline = new Date(ticket!.signForBy!).getTime();

    h.clock.set(new Date(deadline - 31 * 60_000));
    await h.anonymous('scheduler', 'tick', {});
    const beforeWindow = await inbox(WORKER);
    h.clock.set(new Date(deadline - 29 * 60_000));
    await h.anonymous('scheduler', 'tick', {});
    h.clock.advance(60_000);
    await h.anonymous('scheduler', 'tick', {});
    const inWindow = await inbox(WORKER);
    h.clock.set(new Date(deadline + 60_000));
    await h.anonymous('scheduler', 'tick', {});

    expect(beforeWindow).toEqual(['ticketAssigned: 新工单待签收']);
    expect(inWindow).toEqual([
      'ticketAssigned: 新工单待签收',
      expect.stringMatching(/^ticketDeadlineSoon: 工单即将超时：请在 \d\d:\d\d 前签收$/),
    ]);
    expect((await inbox(WORKER)).map((m) => m.split(':')[0])).toEqual([
      'ticketAssigned',
      'ticketDeadlineSoon',
      'ticketEscalated',
    ]);
    expect((await inbox(LIU)).map((m) => m.split(':')[0])).toEqual(['ticketAssigned', 'ticketEscalated']);
    const reminder = h.deps.push.sent.find((m) => m.data.phrase3?.value === '即将超时');
    expect(reminder).toMatchObject({
      openid: WORKER,
      templateId: 'demo-tmpl-task',
      page: `packages/worker/pages/ticket/index?id=${t.ticketId}`,
    });
    expect(h.deps.push.sent.filter((m) => m.data.phrase3?.value === '即将超时')).toHaveLength(1);
  });
});
