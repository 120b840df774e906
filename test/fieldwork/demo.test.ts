/** `npm start` shows field work: the demo's checklist and care group give 何丽萍 a due list. */
import { seedFieldWork } from '../../server/demo/field-work';
import { createHarness } from '../support/harness';
import { WORKER } from './field-world';

test('the field-work demo plans 焦家湾社区 and gives its worker due inspections and visits', async () => {
  const h = await createHarness();
  try {
    const seeded = await seedFieldWork(h.deps);
    expect(seeded.tasks).toBe(await h.deps.store.count('buildings', { communityId: 'c_jiaojiawan' }));
    expect(seeded.careHouseholds).toBeGreaterThan(0);
    const due = await h.as(WORKER).ok('field', 'due', {});
    expect(due.inspections.map((t) => t.placeText).sort()).toEqual([
      '六四一三小区 1号楼',
      '六四一三小区 2号楼',
    ]);
    expect(due.visits.length).toBeGreaterThan(0);
  } finally {
    h.close();
  }
});
