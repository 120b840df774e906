/**
 * The seed's safety inspection: 何丽萍 inspects 六四一三小区 2号楼; 飞线充电 fails with a photo; the ticket is
 * raised and routed as any report, resolved, and the re-inspection passes, closing the loop.
 */
import { createHarness, type Harness } from '../support/harness';
import { uploadPhoto } from '../scenarios/ticket-world';
import { JIAOJIAWAN, LEADER, MG_1, planBuilding2, STAFF, WORKER } from './field-world';

describe('the safety inspection of 六四一三小区 2号楼', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('raises a routed ticket for the failed item, and the re-inspection after it is resolved passes', async () => {
    const worker = h.as(WORKER);
    const taskId = await planBuilding2(h);
    const walk = await worker.ok('field', 'inspectionTask', { taskId });
    expect(walk).toMatchObject({
      placeText: '六四一三小区 2号楼',
      state: 'due',
      templateName: '用电燃气消防安全排查',
    });
    expect(walk.items.map((i) => i.key)).toEqual(['wire', 'gas', 'lane']);

    const photo = await uploadPhoto(h, 'wire');
    const failed = await worker.ok('field', 'submitInspection', {
      taskId,
      clientRequestId: 'walk-1',
      answers: [
        { itemKey: 'wire', result: 'fail', photoFileId: photo, note: '3单元楼道有电线拉到电动车' },
        { itemKey: 'gas', result: 'pass' },
        { itemKey: 'lane', result: 'notApplicable' },
      ],
    });
    expect(failed.state).toBe('failed');
    expect(failed.tickets).toEqual([
      { itemKey: 'wire', ticketId: expect.any(String), microGridId: MG_1, assigneeName: '何丽萍' },
    ]);
    const ticketId = failed.tickets[0]!.ticketId;
    const ticket = await worker.ok('ticket', 'get', { ticketId });
    expect(ticket).toMatchObject({
      category: 'flyingWireCharging',
      urgent: true,
      status: 'assigned',
      photos: [photo],
    });
    expect(ticket.description).toContain('楼道内无飞线充电');

    const accepted = await worker.ok('ticket', 'accept', { ticketId, version: ticket.version });
    const resolved = await worker.ok('ticket', 'resolve', {
      ticketId,
      version: accepted.version,
      note: '已拆除飞线，住户改到车棚充电',
      photos: [await uploadPhoto(h, 'fixed')],
    });
    expect(resolved.status).toBe('resolved');

    const again = await worker.ok('field', 'inspectionTask', { taskId });
    expect(again).toMatchObject({ state: 'failed', openFailures: [{ itemKey: 'wire', ticketId }] });
    const passed = await worker.ok('field', 'submitInspection', {
      taskId,
      clientRequestId: 'walk-2',
      answers: [
        { itemKey: 'wire', result: 'pass' },
        { itemKey: 'gas', result: 'pass' },
        { itemKey: 'lane', result: 'pass' },
      ],
    });
    expect(passed).toMatchObject({ state: 'passed', tickets: [] });

    // The round is done; the next month's round is due for the same worker.
    const due = await worker.ok('field', 'due', {});
    expect(due.inspections.map((t) => [t.placeText, t.dueAt])).toEqual([
      ['六四一三小区 2号楼', '2026-07-31T23:59:59+08:00'],
    ]);
    const progress = await h.as(STAFF).ok('field', 'progress', { communityId: JIAOJIAWAN });
    expect(progress.items.find((i) => i.microGridId === MG_1)).toMatchObject({ done: 1, due: 0, overdue: 0 });
    expect((await h.as(LEADER).ok('field', 'progress', { communityId: JIAOJIAWAN })).items).toHaveLength(2);
  });

  it('a draft sent twice (the network came back during the first send) records one walk and one ticket', async () => {
    const worker = h.as(WORKER);
    const taskId = await planBuilding2(h);
    const photo = await uploadPhoto(h, 'wire');
    const req = {
      taskId,
      clientRequestId: 'draft-offline-1',
      answers: [
        { itemKey: 'wire', result: 'fail' as const, photoFileId: photo },
        { itemKey: 'gas', result: 'pass' as const },
        { itemKey: 'lane', result: 'pass' as const },
      ],
    };
    const [a, b] = await Promise.all([
      worker.ok('field', 'submitInspection', req),
      worker.ok('field', 'submitInspection', req),
    ]);
    const c = await worker.ok('field', 'submitInspection', req);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await h.deps.store.count('inspections', { taskId })).toBe(1);
    expect(await h.deps.store.count('tickets', { category: 'flyingWireCharging' })).toBe(1);
  });

  it('refuses a failed item without a photo and an incomplete checklist, writing nothing', async () => {
    const worker = h.as(WORKER);
    const taskId = await planBuilding2(h);
    const noPhoto = await worker.call('field', 'submitInspection', {
      taskId,
      clientRequestId: 'x1',
      answers: [
        { itemKey: 'wire', result: 'fail' },
        { itemKey: 'gas', result: 'pass' },
        { itemKey: 'lane', result: 'pass' },
      ],
    });
    expect(noPhoto).toMatchObject({
      ok: false,
      error: { code: 'FIELD.PHOTO_REQUIRED', message: '不合格的项目请拍一张现场照片' },
    });
    const partial = await worker.call('field', 'submitInspection', {
      taskId,
      clientRequestId: 'x2',
      answers: [{ itemKey: 'wire', result: 'pass' }],
    });
    expect(partial).toMatchObject({ ok: false, error: { code: 'FIELD.ANSWERS_INVALID' } });
    expect(await h.deps.store.count('inspections', { taskId })).toBe(0);
    expect(await h.deps.store.count('tickets', { category: 'flyingWireCharging' })).toBe(0);
    // Another micro-grid's worker does not even learn the task exists.
    const other = await h.as('dev-worker-jiaojiawan-01-2').call('field', 'inspectionTask', { taskId });
    expect(other).toMatchObject({ ok: false, error: { code: 'FIELD.NOT_FOUND' } });
  });

  it('takes task ids longer than a plain id: a plan, a building and a round side by side', async () => {
    // Imported buildings and plans have long ids: the task id composed of them passes 64 characters.
    const taskId = `ist_ipl_${'a'.repeat(40)}_b_${'b'.repeat(40)}_2026-06`;
    const answer = await h.as(WORKER).call('field', 'inspectionTask', { taskId });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FIELD.NOT_FOUND' } });
    const tooLong = await h.as(WORKER).call('field', 'inspectionTask', { taskId: 'x'.repeat(201) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
  });
});
