/** Random, time-ordered ids for production and the local cloud (tests use local/ids' sequential ones). */
import { randomBytes } from 'node:crypto';
import type { Ids } from '../../core/ports/ids';

/** Time-ordered ids: prefix, milliseconds in base 36, then random bits. */
export const randomIds: Ids = {
  next: (prefix) => `${prefix}_${Date.now().toString(36)}${randomBytes(6).toString('hex')}`,
};
