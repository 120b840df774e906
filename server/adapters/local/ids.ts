import { randomBytes } from 'node:crypto';
import type { Ids } from '../../core/ports/ids';

/** Time-ordered ids: prefix, milliseconds in base 36, then random bits. */
export const randomIds: Ids = {
  next: (prefix) => `${prefix}_${Date.now().toString(36)}${randomBytes(6).toString('hex')}`,
};

/** Predictable ids for tests: prefix_1, prefix_2, … */
export function sequentialIds(): Ids {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    },
  };
}
