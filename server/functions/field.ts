/** The `field` cloud function: work on foot — inspections 排查, care visits 走访, the work log 工作日志 (DESIGN §6b). */
import * as z from 'zod/mini';
import type { CareCadence, CareService, FieldActions, ItemResult } from '../../typings/field';
import { householdTagLabels } from '../core/grids/ledger/columns';
import { listCareGroups, saveCareGroup } from '../core/care/groups';
import { recordCareEvent, recordCareVisit } from '../core/care/record';
import { dueList } from '../core/field/due-list';
import { requireStaffOf } from '../core/field/access';
import { inspectionProgress, progressSheet } from '../core/inspections/progress';
import { planInspection } from '../core/inspections/plan';
import { listTemplates, saveTemplate } from '../core/inspections/templates';
import { inspectionTask, submitInspection } from '../core/inspections/walk';
import { visitOutcomeLabels } from '../core/notices/tables';
import { categoryTable } from '../core/tickets/categories';
import { toIso } from '../core/time/shanghai';
import { loadActor } from '../core/users/actor';
import { AppError } from '../core/errors';
import { assembleWorklog, requireWorklogExporter, worklogRows } from '../core/worklog/assemble';
import { addWorklogNote } from '../core/worklog/notes';
import { readWorklog } from '../core/worklog/assemble';
import { defineFunction } from './define';
import { writeWorkbook } from './field-export';
import { empty, fileIdSchema, id, keysOf, required, text, compoundId } from './schemas';

const itemResults: Record<ItemResult, true> = { pass: true, fail: true, notApplicable: true };
const careCadences: Record<CareCadence, true> = { weekly: true, monthly: true, quarterly: true };
const careServices: Record<CareService, true> = {
  payment: true,
  medicine: true,
  pensionCertification: true,
  errand: true,
  other: true,
};
const requestId = required(40);
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
const date = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));
const isoTime = z.iso.datetime({ offset: true });
const tags = z
  .array(keysOf(householdTagLabels))
  .check(z.minLength(1), z.maxLength(Object.keys(householdTagLabels).length));

export const fieldFunction = defineFunction<FieldActions>('field', {
  saveTemplate: {
    input: z.object({
      communityId: id,
      templateId: z.optional(id),
      name: required(40, { min: 2 }),
      items: z
        .array(
          z.object({
            key: required(20).check(z.regex(/^[A-Za-z0-9_-]+$/)),
            text: required(100, { min: 2 }),
            category: keysOf(categoryTable),
          }),
        )
        .check(z.minLength(1), z.maxLength(50)),
    }),
    run: (deps, caller, input) => saveTemplate(deps, caller, input),
  },
  templates: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => listTemplates(deps, caller, input.communityId),
  },
  planInspection: {
    input: z.object({
      communityId: id,
      templateId: id,
      microGridIds: z.array(id).check(z.maxLength(500)),
      buildingIds: z.array(id).check(z.maxLength(2000)),
      cadence: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('monthly') }),
        z.object({ kind: z.literal('campaign'), from: isoTime, to: isoTime }),
      ]),
    }),
    run: (deps, caller, input) => planInspection(deps, caller, input),
  },
  due: { input: empty, run: (deps, caller) => dueList(deps, caller) },
  inspectionTask: {
    input: z.object({ taskId: compoundId }),
    run: (deps, caller, input) => inspectionTask(deps, caller, input.taskId),
  },
  submitInspection: {
    input: z.object({
      taskId: compoundId,
      clientRequestId: requestId,
      answers: z
        .array(
          z.object({
            itemKey: required(20),
            result: keysOf(itemResults),
            photoFileId: z.optional(fileIdSchema),
            note: z.optional(text(200)),
          }),
        )
        .check(z.minLength(1), z.maxLength(50)),
    }),
    run: (deps, caller, input) => submitInspection(deps, caller, input),
  },
  progress: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => inspectionProgress(deps, caller, input.communityId),
  },
  exportProgress: {
    input: z.object({ communityId: id }),
    run: async (deps, caller, input) => {
      const user = await loadActor(deps.store, caller);
      requireStaffOf(user, input.communityId);
      const view = await inspectionProgress(deps, caller, input.communityId);
      const stamp = toIso(deps.clock.now()).slice(0, 16).replace(/[-:T]/g, '');
      const fileId = await writeWorkbook(
        deps.files,
        `exports/field/${input.communityId}/progress-${stamp}.xlsx`,
        [{ ...progressSheet(view.month, view.items), widths: [28, 10, 10, 10, 14] }],
      );
      return { fileId, url: await deps.files.url(fileId), name: `排查进度-${view.month}-${stamp}.xlsx` };
    },
  },
  saveCareGroup: {
    input: z.object({
      communityId: id,
      groupId: z.optional(id),
      name: required(40, { min: 2 }),
      tags,
      cadence: keysOf(careCadences),
    }),
    run: (deps, caller, input) => saveCareGroup(deps, caller, input),
  },
  careGroups: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => listCareGroups(deps, caller, input.communityId),
  },
  recordEvent: {
    input: z.object({ householdId: id, note: required(200, { min: 2 }) }),
    run: (deps, caller, input) => recordCareEvent(deps, caller, input),
  },
  recordCareVisit: {
    input: z.object({
      dueId: compoundId,
      clientRequestId: requestId,
      outcome: keysOf(visitOutcomeLabels),
      services: z.array(keysOf(careServices)).check(z.maxLength(Object.keys(careServices).length)),
      note: text(500),
      photos: z.array(fileIdSchema).check(z.maxLength(9)),
    }),
    run: (deps, caller, input) => recordCareVisit(deps, caller, input),
  },
  worklog: {
    input: z.object({ userId: z.optional(id), month }),
    run: (deps, caller, input) => readWorklog(deps, caller, input),
  },
  addWorklogNote: {
    input: z.object({ date, text: required(500), clientRequestId: requestId }),
    run: (deps, caller, input) => addWorklogNote(deps, caller, input),
  },
  exportWorklog: {
    input: z.object({ userId: id, month }),
    run: async (deps, caller, input) => {
      const reader = await loadActor(deps.store, caller);
      const person = await deps.store.get('users', input.userId);
      if (!person) throw new AppError('USER.NOT_FOUND');
      requireWorklogExporter(reader, person);
      const log = await assembleWorklog(deps.store, person, input.month);
      const stamp = toIso(deps.clock.now()).slice(0, 16).replace(/[-:T]/g, '');
      const fileId = await writeWorkbook(
        deps.files,
        `exports/worklog/${person._id}/${input.month}-${stamp}.xlsx`,
        [
          {
            name: `${log.name} ${log.month} 工作日志`,
            headers: ['日期', '时间', '类别', '内容'],
            rows: worklogRows(log),
            widths: [12, 8, 12, 80],
          },
        ],
      );
      return { fileId, url: await deps.files.url(fileId), name: `工作日志-${log.name}-${log.month}.xlsx` };
    },
  },
});
