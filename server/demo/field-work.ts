/**
 * Field work for `npm start`: the seed's safety checklist planned monthly for 焦家湾社区, and a weekly care
 * group of its elderly households (the demo's 老年人 tag), saved through the staff's own use cases so that the
 * worker dev-worker-jiaojiawan-01-1 (何丽萍) opens a due list with something on it. Kept out of seedDemo:
 * tests build their own field work on the bare demo.
 */
import { saveCareGroup } from '../core/care/groups';
import { planInspection } from '../core/inspections/plan';
import { saveTemplate } from '../core/inspections/templates';
import type { Deps } from '../core/ports';
import { demoIds, demoOpenids } from './ids';

export async function seedFieldWork(deps: Deps): Promise<{ tasks: number; careHouseholds: number }> {
  const communityId = demoIds.community('jiaojiawan');
  const staff = { openid: demoOpenids.staff('jiaojiawan', 0) };
  const template = await saveTemplate(deps, staff, {
    communityId,
    name: '用电燃气消防安全排查',
    items: [
      { key: 'wire', text: '楼道及车棚无飞线充电', category: 'flyingWireCharging' },
      { key: 'electric', text: '电表箱、线路无老化裸露', category: 'electricalSafety' },
      { key: 'gas', text: '燃气管道无私改、软管未超期', category: 'gasLeak' },
      { key: 'lane', text: '消防通道畅通、无杂物堆放', category: 'fireLane' },
    ],
  });
  const micros = await deps.store.find('microGrids', { where: { communityId }, limit: 100 });
  const plan = await planInspection(deps, staff, {
    communityId,
    templateId: template.templateId,
    microGridIds: micros.map((m) => m._id),
    buildingIds: [],
    cadence: { kind: 'monthly' },
  });
  const group = await saveCareGroup(deps, staff, {
    communityId,
    name: '独居老人',
    tags: ['elderly'],
    cadence: 'weekly',
  });
  return { tasks: plan.tasks, careHouseholds: group.households };
}
