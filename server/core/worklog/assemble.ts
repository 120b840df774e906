/**
 * One person's work log for a month, by day: read from the records the work itself left (indexed by person
 * and time), plus the notes they added. Readers: the person, the leader of a grid they work in, staff of a
 * community they work in.
 */
import type { TicketEventType } from '../../../typings/ticket';
import type { VisitOutcome, Worklog, WorklogDay, WorklogEntry, WorklogKind } from '../../../typings/field';
import { AppError } from '../errors';
import { visitOutcomeLabels } from '../notices/tables';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { categoryLabel } from '../tickets/categories';
import { shanghai } from '../time/shanghai';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { isCommunityStaff } from '../users/permissions';
import { worklogKindLabels } from './labels';

const TICKET_KINDS: Partial<Record<TicketEventType, WorklogKind>> = {
  accepted: 'ticketAccepted',
  progress: 'ticketProgress',
  coHandling: 'ticketProgress',
  resolved: 'ticketResolved',
};

const careOutcomeWords: Record<VisitOutcome, string> = {
  ...visitOutcomeLabels,
  inPerson: '入户走访',
  phone: '电话走访',
  nobodyHome: '无人在家（未完成）',
};

/** The month's bounds as IsoTime strings (every stored time carries +08:00, so strings order as instants). */
export function monthBounds(month: string): { from: string; to: string } {
  const start = shanghai(`${month}-01T00:00:00+08:00`);
  return {
    from: `${month}-01T00:00:00+08:00`,
    to: `${start.add(1, 'month').format('YYYY-MM')}-01T00:00:00+08:00`,
  };
}

/** USER.NOT_FOUND for someone the reader may not read (no hint that they exist). */
export async function requireWorklogReader(store: Store, reader: User, person: User): Promise<void> {
  if (reader._id === person._id) return;
  for (const grant of person.roles) {
    if (isCommunityStaff(reader, grant.communityId)) return;
    const gridId =
      grant.gridId ??
      (grant.microGridId ? (await store.get('microGrids', grant.microGridId))?.gridId : undefined);
    if (gridId && reader.roles.some((g) => g.role === 'leader' && g.gridId === gridId)) return;
  }
  throw new AppError('USER.NOT_FOUND');
}

/**
 * The 台账 export carries addresses of the households visited: staff of a community the person works in only
 * (DESIGN §8: exports with personal data go to staff).
 */
export function requireWorklogExporter(reader: User, person: User): void {
  if (!person.roles.some((g) => isCommunityStaff(reader, g.communityId)))
    throw new AppError('USER.NOT_FOUND');
}

export async function readWorklog(
  deps: Deps,
  caller: Caller,
  input: { userId?: string; month: string },
): Promise<Worklog> {
  const { store } = deps;
  const reader = await loadActor(store, caller);
  const person = input.userId ? await store.get('users', input.userId) : reader;
  if (!person) throw new AppError('USER.NOT_FOUND');
  await requireWorklogReader(store, reader, person);
  return assembleWorklog(store, person, input.month);
}

export async function assembleWorklog(store: Store, person: User, month: string): Promise<Worklog> {
  const { from, to } = monthBounds(month);
  const range = { gte: from, lt: to } as const;
  const userId = person._id;
  const [events, inspections, careVisits, noticeVisits, shares, notes] = await Promise.all([
    store.find('ticketEvents', {
      where: { 'actor.userId': userId, at: { gte: from } },
      orderBy: [['at', 'asc']],
      limit: 1000,
    }),
    store.find('inspections', {
      where: { inspectorUserId: userId, at: { gte: from } },
      orderBy: [['at', 'asc']],
      limit: 1000,
    }),
    store.find('careVisits', { where: { userId, at: { gte: from } }, orderBy: [['at', 'asc']], limit: 1000 }),
    store.find('noticeVisits', {
      where: { userId, at: { gte: from } },
      orderBy: [['at', 'asc']],
      limit: 1000,
    }),
    store.find('groupShares', {
      where: { sharer: userId, firstOpenedAt: { gte: from } },
      orderBy: [['firstOpenedAt', 'asc']],
      limit: 1000,
    }),
    store.find('worklogNotes', {
      where: { userId, date: { gte: month } },
      orderBy: [['at', 'asc']],
      limit: 1000,
    }),
  ]);
  const inMonth = (at: string) => at >= range.gte && at < range.lt;
  const entries: WorklogEntry[] = [];
  const tickets = new Map<string, string>();
  for (const e of events.filter((x) => inMonth(x.at))) {
    const kind = TICKET_KINDS[e.type];
    if (!kind) continue;
    if (!tickets.has(e.ticketId)) {
      const t = await store.get('tickets', e.ticketId);
      tickets.set(e.ticketId, t ? `${categoryLabel(t.category)} · ${t.placeText}` : e.ticketId);
    }
    entries.push(entry(e.at, kind, `${tickets.get(e.ticketId)}${e.note ? `：${e.note}` : ''}`, e.ticketId));
  }
  for (const i of inspections.filter((x) => inMonth(x.at))) {
    const failed = i.answers.filter((a) => a.result === 'fail').length;
    const what = `${i.templateName} · ${i.placeText}${i.reinspection ? '（复查）' : ''}`;
    entries.push(
      entry(
        i.at,
        'inspection',
        failed ? `${what}：${failed} 项不合格，已上报工单` : `${what}：全部合格`,
        i._id,
      ),
    );
  }
  for (const v of careVisits.filter((x) => inMonth(x.at)))
    entries.push(
      entry(
        v.at,
        'careVisit',
        `${v.placeText}：${careOutcomeWords[v.outcome]}${v.note ? `，${v.note}` : ''}`,
        v._id,
      ),
    );
  for (const v of noticeVisits.filter((x) => inMonth(x.at))) {
    const notice = await store.get('notices', v.noticeId);
    entries.push(
      entry(v.at, 'noticeVisit', `${notice?.title ?? ''}：${visitOutcomeLabels[v.outcome]}`, v.noticeId),
    );
  }
  for (const s of shares.filter((x) => inMonth(x.firstOpenedAt))) {
    const notice = await store.get('notices', s.noticeId);
    entries.push(
      entry(s.firstOpenedAt, 'noticeShared', `${notice?.title ?? ''}：已转发到网格群`, s.noticeId),
    );
  }
  for (const n of notes.filter((x) => x.date < to.slice(0, 10) && x.date >= from.slice(0, 10)))
    entries.push({ ...entry(n.at, 'note', n.text, null), at: n.at });
  return { userId, name: person.name, month, days: byDay(entries, notes) };
}

function entry(at: string, kind: WorklogKind, text: string, ref: string | null): WorklogEntry {
  return { at, kind, text: `${worklogKindLabels[kind]}：${text}`, ref };
}

/** Days in order, entries in order of time; a note counts on the day it names. */
function byDay(entries: WorklogEntry[], notes: Array<{ at: string; date: string }>): WorklogDay[] {
  const noteDate = new Map(notes.map((n) => [n.at, n.date]));
  const days = new Map<string, WorklogEntry[]>();
  for (const e of [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const date = (e.kind === 'note' ? noteDate.get(e.at) : undefined) ?? e.at.slice(0, 10);
    days.set(date, [...(days.get(date) ?? []), e]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, list]) => ({ date, entries: list }));
}

/** The log as rows for the 台账 export: date, time, kind, what. */
export function worklogRows(log: Worklog): Array<[string, string, string, string]> {
  return log.days.flatMap((d) =>
    d.entries.map(
      (e) =>
        [d.date, e.at.slice(11, 16), worklogKindLabels[e.kind], e.text] as [string, string, string, string],
    ),
  );
}
