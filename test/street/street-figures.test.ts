/**
 * 街道考核 (ticket.streetFigures): the street office ranks its communities by each rate, from what this test
 * did (tickets signed in time or not), never through the figures code; nobody outside the office reads it;
 * and its cost in database operations does not grow with tickets.
 */
import { CountingStore } from '../../server/adapters/counting-store';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import type { TicketDetail } from '../../typings/ticket';
import { createHarness, requestId, type Harness } from '../scenarios/ticket-world';

const OFFICER = 'dev-street-jianlanlu';
const MONTH = { fromMonth: '2026-06', toMonth: '2026-06' };

describe('the street office ranks its communities', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ now: '2026-06-08T09:00:00+08:00' });
    // 焦家湾社区 joins 建兰路街道 for this test: a street of two communities with tickets and workers.
    const [jianlanlu] = await h.deps.store.find('streets', { where: { name: '建兰路街道' }, limit: 1 });
    await h.deps.store.update('communities', 'c_jiaojiawan', { streetId: jianlanlu!._id });
  });
  afterAll(() => h.close());

  async function file(resident: string, place: object): Promise<TicketDetail> {
    return h.as(resident).ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'propertyService',
      description: '楼道灯不亮，晚上看不见',
      photos: [],
      place,
    } as never);
  }
  async function accept(d: TicketDetail): Promise<void> {
    const worker = (await h.deps.store.get('users', d.assignee!.userId))!.openid;
    await h.as(worker).ok('ticket', 'accept', { ticketId: d.ticketId, version: d.version });
  }
  const home = async (openid: string) => {
    const [u] = await h.deps.store.find('users', { where: { openid }, limit: 1 });
    return { kind: 'household', householdId: u!.householdId! };
  };
  const ranking = (rankBy?: string) =>
    h.as(OFFICER).ok('ticket', 'streetFigures', { ...MONTH, ...(rankBy ? { rankBy } : {}) } as never);

  test('by 响应率: the community that signed every ticket in time ranks first', async () => {
    // 吴家园社区: two tickets, one signed at once, one left unsigned.
    const signed = { wujiayuan: 0, jiaojiawan: 0 };
    const received = { wujiayuan: 2, jiaojiawan: 1 };
    await accept(await file('dev-resident-li', await home('dev-resident-li')));
    signed.wujiayuan += 1;
    await file('dev-resident-wujiayuan-1', await home('dev-resident-wujiayuan-1'));
    // 焦家湾社区: one ticket, signed at once.
    await accept(await file('dev-resident-liu', { kind: 'building', buildingId: 'b_jiaojiawan_6413_3' }));
    signed.jiaojiawan += 1;

    const view = await ranking();
    expect(view).toMatchObject({ name: '建兰路街道', months: ['2026-06'], rankBy: 'responseRate' });
    const rate = (k: keyof typeof signed) => Math.round((signed[k] / received[k]) * 10000) / 100;
    expect(view.rows.map((r) => [r.name, r.ranks.responseRate, r.values.responseRate])).toEqual([
      ['焦家湾社区', 1, rate('jiaojiawan')],
      ['吴家园社区', 2, rate('wujiayuan')],
    ]);
    expect(view.rows.map((r) => r.counts.received)).toEqual([received.jiaojiawan, received.wujiayuan]);
    // Nothing resolved or rated yet: no 满意率 to rank by, so no rank either.
    expect(view.rows.map((r) => r.ranks.satisfactionRate)).toEqual([null, null]);
    expect(view.rates.map((r) => [r.label, r.higherIsBetter])).toEqual([
      ['响应率', true],
      ['解决率', true],
      ['按期办结率', true],
      ['满意率', true],
      ['返工率', false],
      ['延期率', false],
    ]);
  });

  test('another rate reorders the rows; a tie shares its rank', async () => {
    const view = await ranking('resolutionRate');
    expect(view.rankBy).toBe('resolutionRate');
    // Nothing resolved anywhere: 0% in both, a tie at rank 1, ordered by name.
    expect(view.rows.map((r) => [r.ranks.resolutionRate, r.values.resolutionRate])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  test('staff of a community and officers of another street are refused', async () => {
    for (const openid of ['dev-staff-wujiayuan', 'dev-leader-wujiayuan-02', 'dev-resident-li']) {
      const r = await h.as(openid).call('ticket', 'streetFigures', MONTH);
      expect(r.ok ? 'ok' : r.error.code).toBe('STREET.NOT_FOUND');
    }
    const other = await h.deps.store.find('streets', { where: { name: '拱星墩街道' }, limit: 1 });
    const r = await h.as(OFFICER).call('ticket', 'streetFigures', { ...MONTH, streetId: other[0]!._id });
    expect(r.ok ? 'ok' : r.error.code).toBe('STREET.NOT_FOUND');
    const bad = await h
      .as(OFFICER)
      .call('ticket', 'streetFigures', { ...MONTH, rankBy: 'received' } as never);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION.FAILED');
    expect(bad.ok ? '' : bad.error.message).toContain('排名指标');
  });

  test('costs the same database operations with more tickets', async () => {
    const counting = new CountingStore(h.deps.store);
    const opsOfRead = async () => {
      counting.take();
      const r = await invoke(
        functions.ticket,
        { ...h.deps, store: counting },
        { openid: OFFICER },
        {
          action: 'streetFigures',
          ...MONTH,
        },
      );
      expect(r.ok).toBe(true);
      const c = counting.take();
      return c.reads + c.queries;
    };
    const before = await opsOfRead();
    for (let i = 0; i < 3; i++) await file('dev-resident-li', await home('dev-resident-li'));
    expect(await opsOfRead()).toBe(before);
  });
});
