/**
 * The `grid` cloud function: the grid map, "where does this go?", imports and exports of the map and ledger,
 * the member roster, and the street office's communities and officers. Files travel through the Files port:
 * the client uploads (CloudBase requests stop at 100 KB) and passes the fileId; a small CSV or GeoJSON may
 * come inline as `text`.
 */
import * as z from 'zod/mini';
import type { GridActions, ImportSource, TableFormat } from '../../typings/grid';
import type { TicketCategory } from '../../typings/ticket';
import { AppError } from '../core/errors';
import { importGridMap, importLedgerTable, requireStaffOf } from '../core/grids/imports';
import { memberDutyLabels } from '../core/grids/ledger/columns';
import { exportBoundaries, exportLedger } from '../core/grids/ledger/export-ledger';
import { listMembers, removeMember, setMember, setOnDuty, setSecretary } from '../core/grids/members';
import { gridMapView } from '../core/grids/map-view';
import { calendarView, importHolidayYear, setWorkingHours } from '../core/calendar/manage';
import { replaceGridMap } from '../core/grids/map-replace';
import { retirePlace } from '../core/grids/retire';
import { createCommunity, streetView } from '../core/street/communities';
import { inviteOfficer, officeView, removeOfficer, revokeOfficerInvite } from '../core/street/office';
import { deadlinePolicyView, setDeadlinePolicy } from '../core/tickets/deadline-policy';
import { ticketCategories } from '../core/tickets/categories';
import { createInvite, revokeInvite } from '../core/users/invites';
import type { Deps } from '../core/ports';
import { explainRoute } from '../core/routing/route-view';
import { categoryTable } from '../core/tickets/categories';
import { routingDepsOf } from '../core/routing/routing-deps';
import { readCsv, readTable, writeTable } from '../adapters/ledger/table-files';
import { defineFunction } from './define';
import { fileIdSchema, id, keysOf, latLngSchema, required, timeLimitSchema, whole } from './schemas';

/** Inline text up to what fits in one CloudBase request with room to spare. */
const INLINE_LIMIT = 90_000;

const source = {
  fileId: z.optional(fileIdSchema),
  text: z.optional(z.string().check(z.maxLength(INLINE_LIMIT))),
};
const coordinateSystem = z.optional(z.enum(['wgs84', 'gcj02']));
const duty = keysOf(memberDutyLabels);
const category = keysOf(categoryTable);
/** A mainland mobile number, of the person invited. */
const phone = z
  .string()
  .check(z.trim(), z.regex(/^1\d{10}$/, { message: '手机号应为 11 位数字，请重新填写' }));

async function sourceBytes(deps: Deps, input: ImportSource): Promise<Uint8Array> {
  if (input.fileId) return deps.files.read(input.fileId);
  if (input.text !== undefined) return new TextEncoder().encode(input.text);
  throw new AppError('IMPORT.NO_SOURCE');
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('IMPORT.INVALID', {
      message: '导入失败，未写入任何数据：文件不是有效的 GeoJSON（JSON 格式错误）',
      details: { rows: [] },
    });
  }
}

const EXPORT_NAMES = {
  boundaries: '网格边界',
  buildings: '楼栋台账',
  households: '住户台账',
  members: '网格力量台账',
} as const;

export const gridFunction = defineFunction<GridActions>('grid', {
  route: {
    input: z.object({
      communityId: id,
      category,
      point: z.optional(latLngSchema),
      buildingId: z.optional(id),
    }),
    run: (deps, caller, input) => explainRoute(routingDepsOf(deps), caller, input),
  },
  map: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => gridMapView(deps, caller, input),
  },
  importBoundaries: {
    input: z.object({ communityId: id, coordinateSystem, ...source }),
    run: async (deps, caller, input) => {
      await requireStaffOf(deps, caller, input.communityId);
      const geojson = parseJson(await sourceBytes(deps, input));
      return importGridMap(deps, caller, {
        communityId: input.communityId,
        geojson,
        coordinateSystem: input.coordinateSystem,
      });
    },
  },
  importLedger: {
    input: z.object({
      communityId: id,
      kind: z.enum(['buildings', 'households', 'members']),
      format: z.enum(['csv', 'xlsx']),
      dryRun: z.optional(z.boolean()),
      ...source,
    }),
    run: async (deps, caller, input) => {
      await requireStaffOf(deps, caller, input.communityId);
      const table =
        input.format === 'csv' && !input.fileId && input.text !== undefined
          ? readCsv(input.text)
          : await readTable(await sourceBytes(deps, input), input.format);
      return importLedgerTable(deps, caller, {
        communityId: input.communityId,
        kind: input.kind,
        table,
        dryRun: input.dryRun,
      });
    },
  },
  export: {
    input: z.object({
      communityId: id,
      kind: z.enum(['boundaries', 'buildings', 'households', 'members']),
      format: z.optional(z.enum(['csv', 'xlsx'])),
      coordinateSystem,
    }),
    run: async (deps, caller, input) => {
      await requireStaffOf(deps, caller, input.communityId);
      const stamp = deps.clock.now().getTime();
      if (input.kind === 'boundaries') {
        const crs = input.coordinateSystem ?? 'wgs84';
        const text = JSON.stringify(await exportBoundaries(deps.store, input.communityId, crs));
        const fileName = `${EXPORT_NAMES.boundaries}${crs === 'gcj02' ? '-GCJ02' : ''}.geojson`;
        const fileId = await deps.files.put(
          `exports/${input.communityId}/${stamp}-${fileName}`,
          new TextEncoder().encode(text),
          'application/geo+json',
        );
        return { fileId, fileName, text: text.length <= INLINE_LIMIT ? text : null };
      }
      const format: TableFormat = input.format ?? 'xlsx';
      const bytes = await writeTable(
        await exportLedger(deps.store, input.communityId, input.kind),
        format,
        EXPORT_NAMES[input.kind],
      );
      const fileName = `${EXPORT_NAMES[input.kind]}.${format}`;
      const contentType =
        format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const fileId = await deps.files.put(
        `exports/${input.communityId}/${stamp}-${fileName}`,
        bytes,
        contentType,
      );
      const text =
        format === 'csv' && bytes.length <= INLINE_LIMIT ? new TextDecoder('utf-8').decode(bytes) : null;
      return { fileId, fileName, text };
    },
  },
  members: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => listMembers(deps, caller, input),
  },
  setMember: {
    input: z.object({
      communityId: id,
      gridId: id,
      microGridId: z.optional(z.nullable(id)),
      userId: id,
      duty,
      primary: z.optional(z.boolean()),
      onDuty: z.optional(z.boolean()),
    }),
    run: (deps, caller, input) => setMember(deps, caller, input),
  },
  setOnDuty: {
    input: z.object({ communityId: id, memberId: id, onDuty: z.boolean() }),
    run: (deps, caller, input) => setOnDuty(deps, caller, input),
  },
  removeMember: {
    input: z.object({ communityId: id, memberId: id }),
    run: (deps, caller, input) => removeMember(deps, caller, input),
  },
  setSecretary: {
    input: z.object({ communityId: id, userId: id }),
    run: (deps, caller, input) => setSecretary(deps, caller, input),
  },
  street: {
    input: z.object({ streetId: z.optional(id) }),
    run: (deps, caller, input) => streetView(deps, caller, input),
  },
  createCommunity: {
    input: z.object({
      streetId: z.optional(id),
      name: required(30, { min: 2 }),
      communityCode: z
        .string()
        .check(z.refine((code) => /^\d{3}$/.test(code), { message: '应为 3 位数字，请重新填写' })),
      center: latLngSchema,
    }),
    run: (deps, caller, input) => createCommunity(deps, caller, input),
  },
  officers: {
    input: z.object({ streetId: z.optional(id) }),
    run: (deps, caller, input) => officeView(deps, caller, input),
  },
  inviteOfficer: {
    input: z.object({ streetId: z.optional(id), name: required(32), phone: z.optional(phone) }),
    run: (deps, caller, input) => inviteOfficer(deps, caller, input),
  },
  revokeOfficerInvite: {
    input: z.object({ streetId: z.optional(id), inviteId: id }),
    run: (deps, caller, input) => revokeOfficerInvite(deps, caller, input),
  },
  removeOfficer: {
    input: z.object({ streetId: z.optional(id), userId: id }),
    run: (deps, caller, input) => removeOfficer(deps, caller, input),
  },
  replaceMap: {
    input: z.object({ communityId: id, dryRun: z.boolean(), coordinateSystem, ...source }),
    run: async (deps, caller, input) => {
      await requireStaffOf(deps, caller, input.communityId);
      const geojson = parseJson(await sourceBytes(deps, input));
      return replaceGridMap(deps, caller, { ...input, geojson });
    },
  },
  retire: {
    input: z.object({ communityId: id, gridId: z.optional(id), microGridId: z.optional(id) }).check(
      z.refine((v) => !!v.gridId !== !!v.microGridId, {
        // Said of the grid field so the message names fields: 「网格」与「微网格」只填其中一个.
        path: ['gridId'],
        message: '与「微网格」只填其中一个',
      }),
    ),
    run: (deps, caller, input) => retirePlace(deps, caller, input),
  },
  deadlines: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => deadlinePolicyView(deps, caller, input),
  },
  setDeadlines: {
    input: z.object({
      communityId: id,
      rules: z
        .array(
          z.object({
            category: z.optional(z.enum(ticketCategories as [TicketCategory, ...TicketCategory[]])),
            group: z.optional(
              z.enum(['safety', 'municipal', 'sanitation', 'property', 'dispute', 'letter', 'other']),
            ),
            urgent: z.optional(z.boolean()),
            signFor: timeLimitSchema,
            resolve: timeLimitSchema,
          }),
        )
        .check(z.minLength(1), z.maxLength(40)),
      extensionMax: z.optional(timeLimitSchema),
    }),
    run: (deps, caller, input) => setDeadlinePolicy(deps, caller, input),
  },
  calendar: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => calendarView(deps, caller, input),
  },
  setWorkingHours: {
    input: z.object({
      communityId: id,
      periods: z
        .array(z.object({ start: z.string().check(z.maxLength(5)), end: z.string().check(z.maxLength(5)) }))
        .check(z.maxLength(6)),
    }),
    run: (deps, caller, input) => setWorkingHours(deps, caller, input),
  },
  importHolidays: {
    input: z.object({
      communityId: id,
      year: whole(2000, 2100),
      holidays: z.array(z.string().check(z.maxLength(10))).check(z.maxLength(120)),
      workdays: z.array(z.string().check(z.maxLength(10))).check(z.maxLength(60)),
    }),
    run: (deps, caller, input) => importHolidayYear(deps, caller, input),
  },
  invite: {
    input: z.object({
      communityId: id,
      name: required(32),
      phone: z.optional(phone),
      duty: z.optional(duty),
      role: z.optional(z.enum(['staff', 'secretary'])),
      gridId: z.optional(id),
      microGridId: z.optional(id),
      primary: z.optional(z.boolean()),
    }),
    run: (deps, caller, input) => createInvite(deps, caller, input),
  },
  revokeInvite: {
    input: z.object({ communityId: id, inviteId: id }),
    run: (deps, caller, input) => revokeInvite(deps, caller, input),
  },
});
