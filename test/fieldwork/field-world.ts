/** Set-up shared by the field-work tests: the seed's safety checklist, planned for 焦家湾社区 grid 1. */
import type { InspectionTemplateView } from '../../typings/field';
import type { Harness } from '../support/harness';

export const JIAOJIAWAN = 'c_jiaojiawan';
export const BUILDING_2 = 'b_jiaojiawan_6413_2';
export const MG_1 = 'mg_jiaojiawan_01_1';
export const STAFF = 'dev-staff-jiaojiawan';
export const WORKER = 'dev-worker-jiaojiawan-01-1';
export const LEADER = 'dev-leader-jiaojiawan-01';

/** 用电、燃气、消防安全排查, the seed's checklist. */
export const SAFETY_ITEMS = [
  { key: 'wire', text: '楼道内无飞线充电', category: 'flyingWireCharging' as const },
  { key: 'gas', text: '燃气管道无私改、无泄漏', category: 'gasLeak' as const },
  { key: 'lane', text: '消防通道畅通、无堆放', category: 'fireLane' as const },
];

export async function safetyTemplate(h: Harness): Promise<InspectionTemplateView> {
  return h.as(STAFF).ok('field', 'saveTemplate', {
    communityId: JIAOJIAWAN,
    name: '用电燃气消防安全排查',
    items: SAFETY_ITEMS,
  });
}

/** The template planned monthly for building 2; returns the task id. */
export async function planBuilding2(h: Harness): Promise<string> {
  const template = await safetyTemplate(h);
  await h.as(STAFF).ok('field', 'planInspection', {
    communityId: JIAOJIAWAN,
    templateId: template.templateId,
    microGridIds: [],
    buildingIds: [BUILDING_2],
    cadence: { kind: 'monthly' },
  });
  const due = await h.as(WORKER).ok('field', 'due', {});
  const task = due.inspections.find((t) => t.placeText === '六四一三小区 2号楼');
  if (!task) throw new Error('no task for building 2');
  return task.taskId;
}
