/**
 * The database actions node-sdk sends (read from @cloudbase/database 1.4.3: collection.ts, query.ts,
 * document.ts, transaction/index.ts), each answering the body CloudBase answers. Inside a transaction
 * (`transactionId` set) the SDK sends the same actions with `queryType: DOC` and the id in `query`.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database';
import type { Doc } from './ejson';
import { parseEjson, stringifyDoc } from './ejson';
import { duplicate, invalid, StandinError } from './errors';
import type { IndexCoverage } from './index-coverage';
import { applied, matching, pageOf, sortedMatches, type Criteria, type Order } from './query';
import type { SortedCache } from './sorted-cache';
import type { Transactions } from './transactions';

export type Body = Record<string, unknown>;
export type Answer = Record<string, unknown>;

export interface ActionContext {
  db: Database;
  txs: Transactions;
  coverage: IndexCoverage;
  shuffleTies: boolean;
  sorted: SortedCache;
  /** How long a plain write waits for a transaction's lock before failing with a conflict. */
  lockWaitMs: number;
}

const newId = () => randomBytes(16).toString('hex');

function collectionOf(body: Body): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || !name) throw invalid('collectionName is required');
  return name;
}

function criteriaOf(body: Body): Criteria {
  if (body.query === undefined || body.query === '') return {};
  const query = parseEjson(body.query, 'query');
  if (query === null || typeof query !== 'object' || Array.isArray(query))
    throw invalid('query must be an object');
  return query as Criteria;
}

function objectOf(body: Body, field: string): Record<string, unknown> {
  const value = parseEjson(body[field], field);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalid(`${field} must be an object`);
  return value as Record<string, unknown>;
}

/** The document id of a DOC request: the SDK sends `query: {"_id": id}`. */
function docIdOf(body: Body): string {
  const id = criteriaOf(body)._id;
  if (typeof id !== 'string' && typeof id !== 'number') throw invalid('a DOC request needs query._id');
  return String(id);
}

function txIdOf(body: Body): string | undefined {
  return typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined;
}

function decodeDocs(body: Body): Doc[] {
  if (!Array.isArray(body.data) || body.data.length === 0) throw invalid('data must be a non-empty array');
  return body.data.map((item, i) => {
    const doc = parseEjson(item, `data[${i}]`) as Record<string, unknown>;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
      throw invalid(`data[${i}] must be an object`);
    const id = doc._id === undefined ? newId() : String(doc._id);
    return { ...doc, _id: id };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain (non-transactional) write waits while an open transaction holds a lock on a document it touches. */
async function waitForLocks(ctx: ActionContext, collection: string, ids: () => string[]): Promise<void> {
  const deadline = Date.now() + ctx.lockWaitMs;
  while (ids().some((id) => ctx.txs.isLocked(collection, id))) {
    if (Date.now() > deadline)
      throw new StandinError('DATABASE_TRANSACTION_CONFLICT', `a transaction holds a lock in ${collection}`);
    await sleep(2);
  }
}

/** Any failure inside a transaction ends it, as in MongoDB: nothing of it is written. */
function inTx<T>(ctx: ActionContext, txId: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    ctx.txs.abort(txId);
    throw error;
  }
}

async function insertDocument(ctx: ActionContext, body: Body): Promise<Answer> {
  const collection = collectionOf(body);
  const docs = decodeDocs(body);
  const txId = txIdOf(body);
  const store = ctx.db.collection(collection);
  if (txId) {
    return inTx(ctx, txId, () => {
      const mine = new Set(ctx.txs.written(txId, collection).map((w) => w.id));
      for (const doc of docs) {
        if (ctx.txs.read(txId, collection, doc._id)) throw duplicate(collection, `_id ${doc._id}`);
        store.checkUnique([doc], mine);
        ctx.txs.write(txId, collection, doc._id, doc);
      }
      return { data: { insertedIds: docs.map((d) => d._id) } };
    });
  }
  await waitForLocks(ctx, collection, () => docs.map((d) => d._id));
  // Ordered, as MongoDB's insertMany: documents before a duplicate stay written.
  for (const doc of docs) {
    if (store.get(doc._id)) throw duplicate(collection, `_id ${doc._id}`);
    store.checkUnique([doc], new Set());
    ctx.db.write(collection, doc._id, doc);
  }
  return { data: { insertedIds: docs.map((d) => d._id) } };
}

function getDocument(ctx: ActionContext, body: Body): Answer {
  const collection = collectionOf(body);
  const txId = txIdOf(body);
  if (txId) {
    if (body.queryType !== 'DOC') throw invalid('inside a transaction only documents by id can be read');
    const doc = ctx.txs.read(txId, collection, docIdOf(body));
    return { data: { list: doc ? [stringifyDoc(doc)] : [] } };
  }
  const criteria = criteriaOf(body);
  const order = body.order === undefined ? undefined : (objectOf(body, 'order') as Order);
  ctx.coverage.check('database.getDocument', collection, criteria, order);
  const store = ctx.db.collection(collection);
  const ordered = order && Object.keys(order).length ? order : undefined;
  const total = ordered !== undefined && '_id' in ordered;
  const key = `${collection}\n${String(body.query ?? '')}\n${String(body.order)}`;
  let sorted = total ? ctx.sorted.get(key, store.version) : undefined;
  if (!sorted) {
    sorted = sortedMatches(store.candidates(criteria), criteria, ordered, ctx.shuffleTies);
    if (total) ctx.sorted.set(key, store.version, sorted);
  }
  const page = pageOf(sorted, {
    offset: typeof body.offset === 'number' ? body.offset : 0,
    limit: typeof body.limit === 'number' ? body.limit : undefined,
    projection: body.projection === undefined ? undefined : objectOf(body, 'projection'),
  });
  return { data: { list: page.map(stringifyDoc) } };
}

function calculateDocument(ctx: ActionContext, body: Body): Answer {
  const collection = collectionOf(body);
  const criteria = criteriaOf(body);
  ctx.coverage.check('database.calculateDocument', collection, criteria, undefined);
  return { data: { total: matching(ctx.db.collection(collection).candidates(criteria), criteria).length } };
}

/** The equality conditions of a query, as the fields of a document an upsert creates. */
function seedOf(criteria: Criteria): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(criteria)) {
    const isOperator =
      value !== null && typeof value === 'object' && Object.keys(value).some((k) => k.startsWith('$'));
    if (!key.startsWith('$') && !key.includes('.') && !isOperator) seed[key] = value;
  }
  return seed;
}

async function modifyDocument(ctx: ActionContext, body: Body): Promise<Answer> {
  const collection = collectionOf(body);
  const data = objectOf(body, 'data');
  const merge = body.merge !== false;
  const upsert = body.upsert === true;
  const txId = txIdOf(body);
  const store = ctx.db.collection(collection);
  if (txId) {
    return inTx(ctx, txId, () => {
      if (body.queryType !== 'DOC') throw invalid('inside a transaction only documents by id can be written');
      const id = docIdOf(body);
      const current = ctx.txs.read(txId, collection, id);
      if (!current && !upsert) return { data: { updated: 0 } };
      const next = applied(current ?? { _id: id }, data, merge);
      const mine = new Set(ctx.txs.written(txId, collection).map((w) => w.id));
      store.checkUnique([next], new Set([...mine, id]));
      ctx.txs.write(txId, collection, id, next);
      return { data: current ? { updated: 1 } : { updated: 0, upsert_id: id } };
    });
  }
  const criteria = criteriaOf(body);
  const byDoc = body.queryType === 'DOC';
  if (!byDoc) ctx.coverage.check('database.modifyDocument', collection, criteria, undefined);
  const targets = () => {
    const found = byDoc
      ? [store.get(docIdOf(body))].filter((d): d is Doc => !!d)
      : matching(store.candidates(criteria), criteria);
    return body.multi === true ? found : found.slice(0, 1);
  };
  await waitForLocks(ctx, collection, () => targets().map((d) => d._id));
  const found = targets();
  if (found.length === 0 && upsert) {
    const id = byDoc ? docIdOf(body) : newId();
    const created = applied({ ...seedOf(criteria), _id: id }, data, merge);
    store.checkUnique([created], new Set());
    ctx.db.write(collection, id, created);
    return { data: { updated: 0, upsert_id: id } };
  }
  const next = found.map((doc) => applied(doc, data, merge));
  store.checkUnique(next, new Set(found.map((d) => d._id)));
  for (const doc of next) ctx.db.write(collection, doc._id, doc);
  return { data: { updated: next.length } };
}

/**
 * node-sdk's updateAndReturn: the first document matching the query, updated, and answered as written
 * (`doc`, EJSON); `updated: 0` and no document when none matches. The match and the write are one step, so
 * of callers racing with a guard in the query, one wins. Only outside transactions here: the store never
 * sends it inside one.
 */
async function modifyAndReturnDoc(ctx: ActionContext, body: Body): Promise<Answer> {
  const collection = collectionOf(body);
  if (txIdOf(body)) throw invalid('the stand-in answers updateAndReturn outside transactions only');
  const data = objectOf(body, 'data');
  const criteria = criteriaOf(body);
  ctx.coverage.check('database.modifyAndReturnDoc', collection, criteria, undefined);
  const store = ctx.db.collection(collection);
  const first = () => matching(store.candidates(criteria), criteria).slice(0, 1);
  await waitForLocks(ctx, collection, () => first().map((d) => d._id));
  const [found] = first();
  if (!found) return { data: { updated: 0, doc: null } };
  const next = applied(found, data, true);
  store.checkUnique([next], new Set([found._id]));
  ctx.db.write(collection, next._id, next);
  return { data: { updated: 1, doc: stringifyDoc(next) } };
}

async function removeDocument(ctx: ActionContext, body: Body): Promise<Answer> {
  const collection = collectionOf(body);
  const txId = txIdOf(body);
  const store = ctx.db.collection(collection);
  if (txId) {
    return inTx(ctx, txId, () => {
      if (body.queryType !== 'DOC') throw invalid('inside a transaction only documents by id can be removed');
      const id = docIdOf(body);
      const existed = ctx.txs.read(txId, collection, id) !== null;
      ctx.txs.write(txId, collection, id, null);
      return { data: { deleted: existed ? 1 : 0 } };
    });
  }
  const criteria = criteriaOf(body);
  const byDoc = body.queryType === 'DOC';
  if (!byDoc) ctx.coverage.check('database.removeDocument', collection, criteria, undefined);
  const targets = () => {
    const found = matching(store.candidates(criteria), criteria);
    return body.multi === false ? found.slice(0, 1) : found;
  };
  await waitForLocks(ctx, collection, () => targets().map((d) => d._id));
  const found = targets();
  for (const doc of found) ctx.db.write(collection, doc._id, null);
  return { data: { deleted: found.length } };
}

type Handler = (ctx: ActionContext, body: Body) => Answer | Promise<Answer>;

/** Every action the stand-in answers, by the name node-sdk sends in `action`. */
export const databaseActions: Record<string, Handler> = {
  'database.insertDocument': insertDocument,
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.startTransaction': (ctx) => ({ transactionId: ctx.txs.start() }),
  'database.commitTransaction': (ctx, body) => {
    ctx.txs.commit(String(body.transactionId ?? ''));
    return {};
  },
  'database.abortTransaction': (ctx, body) => {
    ctx.txs.abort(String(body.transactionId ?? ''));
    return {};
  },
};
