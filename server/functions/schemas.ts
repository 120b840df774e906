/** Input pieces more than one function validates. */
import * as z from 'zod';

export const id = z.string().trim().min(1).max(64);

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
  gridId: id.optional(),
  microGridId: id.optional(),
});
export const latLngSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export const empty = z.object({});
/**
 * A stored file's id: a cloud:// fileID from wx.cloud.uploadFile, or the local cloud's local://path. A `..`
 * segment could only climb out of storage, so it is bad input here rather than a failure in the Files port.
 */
export const fileIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(512)
  .refine((value) => !value.split(/[\\/]/).includes('..') && !/\p{Cc}/u.test(value), {
    message: '不是有效的文件编号',
  });
