/** The `field` function's rows of the authorization matrix (format: test/access/matrix.ts). */
import { mentions, row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

const OWN: readonly MatrixRelation[] = ['own'];
/** Everyone with a user: an action about the caller alone. */
const USERS = {
  stranger: OWN,
  resident: OWN,
  worker: OWN,
  leader: OWN,
  staff: OWN,
  secretary: OWN,
  otherStaff: OWN,
  street: OWN,
} as const;
/** Templates, plans, care groups: the caller's community, or another. */
const COMMUNITY: readonly MatrixRelation[] = ['sameCommunity', 'otherCommunity'];
const RUNS = {
  staff: ['sameCommunity'],
  secretary: ['sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;
/** Where a task, a household or a due visit lies. */
const PLACED: readonly MatrixRelation[] = ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'];
/** Who works a place: its workers, its grid's leader, the community's staff. */
const WORKS = {
  worker: ['sameMicroGrid'],
  leader: ['sameMicroGrid', 'sameGrid'],
  staff: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
  secretary: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;
/** Whose work log: the caller's own, or the primary worker of a place. */
const PEOPLE: readonly MatrixRelation[] = ['own', 'sameGrid', 'sameCommunity', 'otherCommunity'];

const ITEMS = [{ key: 'wire', text: '楼道内无飞线充电', category: 'flyingWireCharging' }];

async function templateIn(w: World, c: Cell): Promise<string> {
  const slot = w.slot(c.relation);
  const t = await w.ok<{ templateId: string }>(slot.staff, 'field', 'saveTemplate', {
    communityId: slot.communityId,
    name: '安全排查',
    items: ITEMS,
  });
  return t.templateId;
}

/** A monthly inspection task of the slot's building. */
async function taskIn(w: World, c: Cell): Promise<string> {
  const slot = w.slot(c.relation);
  const templateId = await templateIn(w, c);
  await w.ok(slot.staff, 'field', 'planInspection', {
    communityId: slot.communityId,
    templateId,
    microGridIds: [],
    buildingIds: [slot.buildingId],
    cadence: { kind: 'monthly' },
  });
  const [task] = await w.h.deps.store.find('inspectionTasks', {
    where: { buildingId: slot.buildingId },
    limit: 1,
  });
  if (!task) throw new Error(`no task in ${slot.buildingId}`);
  return task._id;
}

/** A care visit due at the slot's household (after an event its worker recorded). */
async function dueIn(w: World, c: Cell): Promise<string> {
  const slot = w.slot(c.relation);
  const due = await w.ok<{ dueId: string }>(slot.worker, 'field', 'recordEvent', {
    householdId: slot.householdId,
    note: '老人住院出院',
  });
  return due.dueId;
}

async function personOf(w: World, c: Cell): Promise<string | null> {
  if (c.relation === 'own') return c.openid ? w.userId(c.openid) : null;
  return w.userId(w.slot(c.relation).worker);
}

export const fieldRows: Row[] = [
  row('field', 'saveTemplate', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (_w, c) => ({
      req: { communityId: _w.slot(c.relation).communityId, name: '燃气安全排查', items: ITEMS },
    }),
  }),
  row('field', 'templates', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      const templateId = await templateIn(w, c);
      return { req: { communityId: w.slot(c.relation).communityId }, subject: templateId };
    },
    grants: mentions,
  }),
  row('field', 'planInspection', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      const slot = w.slot(c.relation);
      return {
        req: {
          communityId: slot.communityId,
          templateId: await templateIn(w, c),
          microGridIds: [slot.microGridId],
          buildingIds: [],
          cadence: { kind: 'monthly' },
        },
      };
    },
  }),
  row('field', 'due', {
    relations: OWN,
    allow: USERS,
    request: async () => ({ req: {} }),
  }),
  row('field', 'inspectionTask', {
    relations: PLACED,
    allow: WORKS,
    request: async (w, c) => {
      const taskId = await taskIn(w, c);
      return { req: { taskId }, subject: taskId };
    },
    refusedWith: ['FIELD.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('field', 'submitInspection', {
    relations: PLACED,
    allow: WORKS,
    request: async (w, c) => ({
      req: {
        taskId: await taskIn(w, c),
        clientRequestId: 'matrix-walk',
        answers: [{ itemKey: 'wire', result: 'pass' }],
      },
    }),
    refusedWith: ['FIELD.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('field', 'progress', {
    relations: COMMUNITY,
    allow: { ...RUNS, leader: ['sameCommunity'] },
    request: async (w, c) => ({ req: { communityId: w.slot(c.relation).communityId } }),
  }),
  row('field', 'exportProgress', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({ req: { communityId: w.slot(c.relation).communityId } }),
  }),
  row('field', 'saveCareGroup', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({
      req: {
        communityId: w.slot(c.relation).communityId,
        name: '残疾人',
        tags: ['disabled'],
        cadence: 'monthly',
      },
    }),
  }),
  row('field', 'careGroups', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      const slot = w.slot(c.relation);
      const group = await w.ok<{ groupId: string }>(slot.staff, 'field', 'saveCareGroup', {
        communityId: slot.communityId,
        name: '留守儿童',
        tags: ['leftBehindChild'],
        cadence: 'quarterly',
      });
      return { req: { communityId: slot.communityId }, subject: group.groupId };
    },
    grants: mentions,
  }),
  row('field', 'recordEvent', {
    relations: PLACED,
    allow: WORKS,
    request: async (w, c) => ({ req: { householdId: w.slot(c.relation).householdId, note: '老人摔倒' } }),
    refusedWith: ['FIELD.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('field', 'recordCareVisit', {
    relations: PLACED,
    allow: WORKS,
    request: async (w, c) => ({
      req: {
        dueId: await dueIn(w, c),
        clientRequestId: 'matrix-visit',
        outcome: 'inPerson',
        services: ['medicine'],
        note: '',
        photos: [],
      },
    }),
    refusedWith: ['FIELD.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('field', 'worklog', {
    relations: PEOPLE,
    allow: {
      ...USERS,
      leader: ['own', 'sameGrid'],
      staff: ['own', 'sameGrid', 'sameCommunity'],
      secretary: ['own', 'sameGrid', 'sameCommunity'],
      otherStaff: ['own', 'otherCommunity'],
    },
    request: async (w, c) => {
      const userId = await personOf(w, c);
      return userId ? { req: { userId, month: '2026-06' } } : null;
    },
    refusedWith: ['USER.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('field', 'addWorklogNote', {
    relations: OWN,
    allow: { worker: OWN, leader: OWN, staff: OWN, secretary: OWN, otherStaff: OWN },
    request: async () => ({
      req: { date: '2026-06-20', text: '参加安全培训', clientRequestId: 'matrix-note' },
    }),
  }),
  row('field', 'exportWorklog', {
    relations: PEOPLE,
    allow: {
      staff: ['own', 'sameGrid', 'sameCommunity'],
      secretary: ['own', 'sameGrid', 'sameCommunity'],
      otherStaff: ['own', 'otherCommunity'],
    },
    request: async (w, c) => {
      const userId = await personOf(w, c);
      return userId ? { req: { userId, month: '2026-06' } } : null;
    },
    refusedWith: ['USER.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
];
