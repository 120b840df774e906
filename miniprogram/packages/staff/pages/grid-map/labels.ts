/** Words the map page shows for the contract's values; exhaustive, so a new value cannot be forgotten. */
import type { RoutingRuleName } from '../../../../../typings/grid';
import type { TicketCategory } from '../../../../../typings/ticket';

export const ruleLabels: Record<RoutingRuleName, string> = {
  address: '按地址',
  geofence: '按网格范围',
  exclusiveGeofence: '专属网格优先',
  nearMiss: '就近归属',
  category: '按类别规则',
  dutyQueue: '社区值班台',
};

export const categoryLabels: Record<TicketCategory, string> = {
  flyingWireCharging: '飞线充电',
  gasLeak: '燃气',
  fireLane: '消防通道',
  electricalSafety: '用电安全',
  sewerBlocked: '下水井堵塞',
  waterSupply: '供水',
  streetLight: '路灯',
  roadDamage: '道路破损',
  garbage: '垃圾堆放',
  sanitation: '环境卫生',
  propertyService: '物业服务',
  neighborDispute: '邻里纠纷',
  secretaryLetter: '书记信箱',
  other: '其他',
};

export const categoryOptions = (Object.keys(categoryLabels) as TicketCategory[]).map((value) => ({
  value,
  label: categoryLabels[value],
}));
