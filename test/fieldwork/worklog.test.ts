/**
 * The work log: 何丽萍's day — an inspection that fails, the ticket it raised signed and resolved, the
 * re-inspection, two care visits and a note — read back as exactly those entries, by her, her leader and
 * staff, and exported as the 台账 workbook. Nothing was typed for it but the note.
 */
import ExcelJS from 'exceljs';
import { createHarness, type Harness } from '../support/harness';
import { uid, uploadPhoto } from '../scenarios/ticket-world';
import { JIAOJIAWAN, LEADER, planBuilding2, STAFF, WORKER } from './field-world';

describe('the work log of a day on foot', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  async function aDay() {
    const worker = h.as(WORKER);
    const taskId = await planBuilding2(h);
    const failed = await worker.ok('field', 'submitInspection', {
      taskId,
      clientRequestId: 'w1',
      answers: [
        { itemKey: 'wire', result: 'fail', photoFileId: await uploadPhoto(h) },
        { itemKey: 'gas', result: 'pass' },
        { itemKey: 'lane', result: 'pass' },
      ],
    });
    const ticketId = failed.tickets[0]!.ticketId;
    h.clock.advance(600_000);
    const t = await worker.ok('ticket', 'get', { ticketId });
    const accepted = await worker.ok('ticket', 'accept', { ticketId, version: t.version });
    h.clock.advance(600_000);
    await worker.ok('ticket', 'resolve', {
      ticketId,
      version: accepted.version,
      note: '已拆除飞线',
      photos: [await uploadPhoto(h)],
    });
    h.clock.advance(600_000);
    await worker.ok('field', 'submitInspection', {
      taskId,
      clientRequestId: 'w2',
      answers: [
        { itemKey: 'wire', result: 'pass' },
        { itemKey: 'gas', result: 'pass' },
        { itemKey: 'lane', result: 'pass' },
      ],
    });
    await h.as(STAFF).ok('field', 'saveCareGroup', {
      communityId: JIAOJIAWAN,
      name: '独居老人',
      tags: ['elderly'],
      cadence: 'weekly',
    });
    const [v1, v2] = (await worker.ok('field', 'due', {})).visits;
    h.clock.advance(600_000);
    await worker.ok('field', 'recordCareVisit', {
      dueId: v1!.dueId,
      clientRequestId: 'c1',
      outcome: 'inPerson',
      services: ['medicine'],
      note: '代买药',
      photos: [],
    });
    h.clock.advance(600_000);
    await worker.ok('field', 'recordCareVisit', {
      dueId: v2!.dueId,
      clientRequestId: 'c2',
      outcome: 'nobodyHome',
      services: [],
      note: '',
      photos: [],
    });
    h.clock.advance(600_000);
    await worker.ok('field', 'addWorklogNote', {
      date: '2026-06-20',
      text: '参加街道安全培训',
      clientRequestId: 'n1',
    });
    await worker.ok('field', 'addWorklogNote', {
      date: '2026-06-20',
      text: '参加街道安全培训',
      clientRequestId: 'n1',
    });
    return { v1: v1!, v2: v2! };
  }

  it('lists exactly the actions of the day, in order, for her, her leader and staff', async () => {
    const { v1, v2 } = await aDay();
    const log = await h.as(WORKER).ok('field', 'worklog', { month: '2026-06' });
    expect(log.days.map((d) => d.date)).toEqual(['2026-06-20']);
    expect(log.days[0]!.entries.map((e) => [e.at.slice(11, 16), e.kind, e.text])).toEqual([
      ['09:00', 'inspection', '安全排查：用电燃气消防安全排查 · 六四一三小区 2号楼：1 项不合格，已上报工单'],
      ['09:10', 'ticketAccepted', '签收工单：飞线充电 · 六四一三小区 2号楼'],
      ['09:20', 'ticketResolved', '办结工单：飞线充电 · 六四一三小区 2号楼：已拆除飞线'],
      ['09:30', 'inspection', '安全排查：用电燃气消防安全排查 · 六四一三小区 2号楼（复查）：全部合格'],
      ['09:40', 'careVisit', `走访：${v1.placeText}：入户走访，代买药`],
      ['09:50', 'careVisit', `走访：${v2.placeText}：无人在家（未完成）`],
      ['10:00', 'note', '备注：参加街道安全培训'],
    ]);
    const byLeader = await h.as(LEADER).ok('field', 'worklog', { userId: uid(WORKER), month: '2026-06' });
    const byStaff = await h.as(STAFF).ok('field', 'worklog', { userId: uid(WORKER), month: '2026-06' });
    expect(byLeader).toEqual(log);
    expect(byStaff).toEqual(log);
    expect((await h.as(WORKER).ok('field', 'worklog', { month: '2026-05' })).days).toEqual([]);
  });

  it('is refused to a worker of another micro-grid, and exported for staff as an Excel 台账', async () => {
    await aDay();
    const peer = await h
      .as('dev-worker-jiaojiawan-01-2')
      .call('field', 'worklog', { userId: uid(WORKER), month: '2026-06' });
    expect(peer).toMatchObject({ ok: false, error: { code: 'USER.NOT_FOUND' } });
    const file = await h.as(STAFF).ok('field', 'exportWorklog', { userId: uid(WORKER), month: '2026-06' });
    expect(file.name).toBe('工作日志-何丽萍-2026-06.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await h.deps.files.read(file.fileId)) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '日期', '时间', '类别', '内容']);
    expect(sheet.rowCount).toBe(8);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '2026-06-20',
      '09:00',
      '安全排查',
      expect.stringContaining('1 项不合格'),
    ]);
  });
});
