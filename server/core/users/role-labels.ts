/**
 * Roles in words, for display only: behaviour reads `role`, never these. One table, exhaustive over the
 * contract's Role union; the mini-program keeps its copy in miniprogram/labels/roles.ts (a test checks that
 * the two agree).
 */
import type { Role } from '../../../typings/user';

export const roleLabels = {
  resident: '居民',
  worker: '网格员',
  leader: '网格长',
  staff: '社区工作人员',
  secretary: '书记',
  street: '街道工作人员',
} as const satisfies Record<Role, string>;

export function roleLabel(role: Role): string {
  return roleLabels[role];
}
