/** Role names as people read them: one table, exhaustive over the contract's Role union. */
import type { Role } from '../../typings/user';

export const roleLabels = {
  resident: '居民',
  worker: '网格员',
  leader: '网格长',
  staff: '社区工作人员',
  secretary: '书记',
  street: '街道工作人员',
} as const satisfies Record<Role, string>;
