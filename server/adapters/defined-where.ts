/**
 * Both Store adapters refuse a `where` with an undefined value: JSON and the CloudBase SDK drop such a key,
 * so `{householdId: user.householdId}` with a missing id would match every document instead of none.
 */
import type { Where } from '../core/ports/store';

export function assertDefinedWhere(collection: string, where: Where | undefined): void {
  for (const [field, value] of Object.entries(where ?? {})) {
    if (value === undefined)
      throw new Error(
        `Store query on ${collection}: where.${field} is undefined (a programming error, not data)`,
      );
  }
}
