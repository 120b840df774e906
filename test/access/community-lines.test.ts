/**
 * Community lines hold (issue 10 item 4): the route preview answers only within the caller's community, and
 * a notice of another community does not exist for its outsiders (NOTICE.NOT_FOUND, not NOT_TARGETED).
 */
import type { StaffNoticeView } from '../../typings/notice';
import { createHarness, type Harness } from '../support/harness';

const WU_STAFF = 'dev-staff-wujiayuan';
const DSP_STAFF = 'dev-staff-dashaping';

describe('community lines', () => {
  let h: Harness;
  const pointOf = async (microGridId: string) => {
    const [b] = await h.deps.store.find('buildings', { where: { microGridId }, limit: 1 });
    return b!.location!;
  };

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('the route preview inside the community names its micro-grid and worker', async () => {
    const answer = await h.as(WU_STAFF).ok('grid', 'route', {
      communityId: 'c_wujiayuan',
      category: 'garbage',
      point: await pointOf('mg_wujiayuan_02_1'),
    });
    expect(answer.microGrid?.microGridId).toBe('mg_wujiayuan_02_1');
    expect(answer.assignee).not.toBeNull();
  });

  test.each([
    [WU_STAFF, 'c_wujiayuan', 'mg_dashaping_01_1'],
    [DSP_STAFF, 'c_dashaping', 'mg_wujiayuan_02_1'],
  ])(
    '%s previewing a point of another community is refused, naming no one',
    async (openid, communityId, there) => {
      const result = await h.as(openid).call('grid', 'route', {
        communityId,
        category: 'garbage',
        point: await pointOf(there),
      });
      expect(result.ok ? 'ok' : result.error.code).toBe('TICKET.PLACE_INVALID');
      expect(JSON.stringify(result)).not.toMatch(/mg_|u_worker|u_leader/);
    },
  );

  test('a notice of another community answers NOT_FOUND to confirm, detail and visits, as one that does not exist', async () => {
    const dsp = h.as(DSP_STAFF);
    const draft = await dsp.ok('notice', 'compose', {
      communityId: 'c_dashaping',
      audience: { scope: 'community', gridIds: [], microGridIds: [], tags: [] },
      title: '防汛通知',
      body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '请注意防汛。' }] }],
      category: 'safety',
      coverFileId: null,
      attachments: [],
    });
    const notice: StaffNoticeView = await dsp.ok('notice', 'publish', {
      noticeId: draft.noticeId,
      version: draft.version,
    });
    const code = async (
      openid: string,
      action: 'confirm' | 'detail' | 'recordVisit' | 'visitList',
      req: object,
    ) => {
      const r = await h.as(openid).call('notice', action, req as never);
      return r.ok ? 'ok' : r.error.code;
    };
    const li = await h.as('dev-resident-li').ok('user', 'me', {});
    for (const noticeId of [notice.noticeId, 'ntc_does_not_exist']) {
      expect(await code('dev-resident-li', 'confirm', { noticeId })).toBe('NOTICE.NOT_FOUND');
      expect(await code('dev-resident-li', 'detail', { noticeId })).toBe('NOTICE.NOT_FOUND');
      expect(
        await code('dev-worker-wujiayuan-02-1', 'recordVisit', {
          noticeId,
          householdId: li.household!.householdId,
          outcome: 'phone',
          note: '',
        }),
      ).toBe('NOTICE.NOT_FOUND');
      expect(
        await code('dev-worker-wujiayuan-02-1', 'visitList', { noticeId, microGridId: 'mg_wujiayuan_02_1' }),
      ).toBe('NOTICE.NOT_FOUND');
    }
    // Its own residents are told it exists: 金女士 of 大砂坪 confirms it.
    expect(await code('dev-resident-jin', 'confirm', { noticeId: notice.noticeId })).toBe('ok');
  });
});
