/** The `scheduler` function's rows of the authorization matrix (format: test/access/matrix.ts). */
import { row, type MatrixRelation, type Row } from '../matrix';

const OWN: readonly MatrixRelation[] = ['own'];

export const schedulerRows: Row[] = [
  // The timer trigger has no caller; anyone calling it gets the same idempotent sweep and nothing more.
  row('scheduler', 'tick', {
    relations: OWN,
    allow: {
      anonymous: OWN,
      stranger: OWN,
      resident: OWN,
      worker: OWN,
      leader: OWN,
      staff: OWN,
      secretary: OWN,
      otherStaff: OWN,
      street: OWN,
    },
    request: async () => ({ req: {} }),
  }),
];
