/**
 * Input pieces more than one function validates. zod/mini rather than classic zod, in everything a cloud
 * function bundle loads: the same core, checks and issues, without classic's methods attached to every schema
 * instance, which a cold start pays for (README § Benchmarks, cold start).
 */
import * as z from 'zod/mini';

/** Text, trimmed, of at most `max` characters; may be left empty. */
export const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
/** Text, trimmed, of at least `min` (default 1) and at most `max` characters: something must be written. */
export const required = (max: number, { min = 1 }: { min?: number } = {}) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
/** A whole number from `min` to `max`. */
export const whole = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const id = required(64);
/**
 * Ids composed of others (an inspection task: plan, building, round; a care visit due: group, household,
 * round), which pass 64 characters with imported ids.
 */
export const compoundId = required(200);

/**
 * The enum of a core table's keys (categoryTable, memberDutyLabels, …): function inputs take their allowed
 * values from the table the core decides by, rather than repeating them.
 */
export function keysOf<K extends string>(table: Record<K, unknown>) {
  return z.enum(Object.keys(table) as [K, ...K[]]);
}

/** The contract's Role union; the words for it are the users context's (role labels), not a table here. */
export const roleSchema = z.enum(['resident', 'worker', 'leader', 'staff', 'secretary']);
export const roleGrantSchema = z.object({
  role: roleSchema,
  communityId: id,
  gridId: z.optional(id),
  microGridId: z.optional(id),
});
export const latLngSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});
export const empty = z.object({});
/**
 * A stored file's id: a cloud:// fileID from wx.cloud.uploadFile, or the local cloud's local://path. A `..`
 * segment could only climb out of storage, so it is bad input here rather than a failure in the Files port.
 */
export const fileIdSchema = required(512).check(
  z.refine((value) => !value.split(/[\\/]/).includes('..') && !/\p{Cc}/u.test(value), {
    message: '不是有效的文件编号',
  }),
);
/** A time limit: up to a year of calendar hours, 2,000 working hours or 250 working days. */
export const timeLimitSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('calendarHours'), amount: z.number().check(z.positive(), z.lte(8784)) }),
  z.object({ unit: z.literal('workingHours'), amount: z.number().check(z.positive(), z.lte(2000)) }),
  z.object({ unit: z.literal('workingDays'), amount: whole(1, 250) }),
]);
