/** Translates the Store's queries into SQL over JSON documents (one table per collection: _id, doc). */
import type { Condition, Query, Scalar, Where } from '../../core/ports/store';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The exact expression the indexes are built on, so that SQLite can use them. */
export function fieldExpr(field: string): string {
  if (field === '_id') return '_id';
  if (!FIELD.test(field)) throw new Error(`invalid field name: ${field}`);
  return `json_extract(doc, '$.${field}')`;
}

function bindable(value: Scalar): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function isCondition(value: Scalar | Condition): value is Condition {
  return value !== null && typeof value === 'object';
}

function conditionSql(field: string, cond: Condition, params: unknown[]): string {
  const expr = fieldExpr(field);
  if ('eq' in cond) return equalSql(expr, cond.eq, params);
  if ('ne' in cond) {
    if (cond.ne === null) return `${expr} IS NOT NULL`;
    params.push(bindable(cond.ne));
    return `(${expr} IS NULL OR ${expr} != ?)`;
  }
  if ('in' in cond) {
    if (cond.in.length === 0) return '0';
    params.push(...cond.in.map(bindable));
    return `${expr} IN (${cond.in.map(() => '?').join(', ')})`;
  }
  if ('exists' in cond) {
    const typeExpr = field === '_id' ? "'text'" : `json_type(doc, '$.${field}')`;
    return cond.exists ? `${typeExpr} IS NOT NULL` : `${typeExpr} IS NULL`;
  }
  if ('has' in cond) {
    params.push(bindable(cond.has));
    return `EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') WHERE value = ?)`;
  }
  const [op, value] =
    'lt' in cond
      ? ['<', cond.lt]
      : 'lte' in cond
        ? ['<=', cond.lte]
        : 'gt' in cond
          ? ['>', cond.gt]
          : ['>=', cond.gte];
  params.push(bindable(value));
  return `${expr} ${op} ?`;
}

function equalSql(expr: string, value: Scalar, params: unknown[]): string {
  if (value === null) return `${expr} IS NULL`;
  params.push(bindable(value));
  return `${expr} = ?`;
}

export function whereSql(where: Where | undefined, params: unknown[]): string {
  if (!where) return '';
  const parts = Object.entries(where).map(([field, value]) =>
    isCondition(value) ? conditionSql(field, value, params) : equalSql(fieldExpr(field), value, params),
  );
  return parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
}

export function querySql(table: string, query: Query, params: unknown[]): string {
  let sql = `SELECT doc FROM "${table}"${whereSql(query.where, params)}`;
  const order = (query.orderBy ?? []).map(
    ([field, dir]) => `${fieldExpr(field)} ${dir === 'desc' ? 'DESC' : 'ASC'}`,
  );
  // A total order for ties, unless the query orders by _id itself (a second _id term would cost SQLite a
  // temporary sort instead of walking the index in order).
  if (!(query.orderBy ?? []).some(([field]) => field === '_id')) order.push('_id ASC');
  sql += ` ORDER BY ${order.join(', ')}`;
  if (query.limit !== undefined || query.skip !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(query.limit ?? -1, query.skip ?? 0);
  }
  return sql;
}
