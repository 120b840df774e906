/** Input pieces more than one function validates. */
import * as z from 'zod';

export const id = z.string().trim().min(1).max(64);
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
