/** The Store's queries and patches in CloudBase's command language (@cloudbase/node-sdk's db.command). */
import type { Database } from '@cloudbase/node-sdk/types/db';
import type { Condition, Increment, Query, Scalar, Where } from '../../core/ports/store';

type Command = Database.Db['command'];
/** CloudBase's query and update objects are untyped in its declarations. */
export type Untyped = Record<string, unknown>;

function toCommand(_: Command, value: Scalar | Condition): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('eq' in value) return _.eq(value.eq);
  if ('ne' in value) return _.neq(value.ne);
  if ('in' in value) return _.in(value.in);
  if ('lt' in value) return _.lt(value.lt);
  if ('lte' in value) return _.lte(value.lte);
  if ('gt' in value) return _.gt(value.gt);
  if ('gte' in value) return _.gte(value.gte);
  if ('exists' in value) return _.exists(value.exists);
  // Equality on an array field matches arrays that contain the value.
  return value.has;
}

export function toWhere(_: Command, where: Where | undefined): Untyped {
  const out: Untyped = {};
  for (const [field, value] of Object.entries(where ?? {})) out[field] = toCommand(_, value);
  return out;
}

/**
 * The order to send: the query's, ending with `_id`. Offsets page through a sorted result; among documents
 * that tie, CloudBase (MongoDB) promises no order, so without a unique last key a row may repeat on one page
 * and be missing from the next.
 */
export function toOrder(query: Query): Array<[string, 'asc' | 'desc']> {
  const order = [...(query.orderBy ?? [])];
  if (!order.some(([field]) => field === '_id')) order.push(['_id', 'asc']);
  return order;
}

/** Top-level fields replace, as the port promises: nested objects are wrapped in _.set, not merged. */
export function toUpdate(_: Command, patch: Untyped): Untyped {
  const out: Untyped = {};
  for (const [field, value] of Object.entries(patch)) {
    if (field === '_id') continue;
    out[field] = value !== null && typeof value === 'object' ? _.set(value) : value;
  }
  return out;
}

export function withoutId<T extends { _id: string }>(doc: T): Untyped {
  const { _id: _omit, ...rest } = doc;
  return rest;
}

/** An increment as one update: `_.inc` at each added path, the set paths as plain values (merged by path). */
export function toIncrement(_: Command, increment: Increment): Untyped {
  const out: Untyped = {};
  for (const [path, by] of Object.entries(increment.add)) out[path] = _.inc(by);
  for (const [path, value] of Object.entries(increment.set ?? {})) out[path] = value;
  return out;
}
