/** Imports the members ledger 网格力量台账 (1+4+X): who serves which grid or micro-grid, in what duty. */
import type { Store } from '../../ports/store';
import type { User } from '../../users/model';
import { ensureGrants } from '../member-roles';
import type { Member, MemberDuty } from '../model';
import { dutyByLabel, MEMBER_REQUIRED } from './columns';
import { loadCommunityDocs, loadMembers, pair } from './community-docs';
import { RowProblems } from './problems';
import { stableId } from './stable-id';
import { missingHeaders, records, yesNo, type LedgerTable } from './table';
import { upsertAll, type UpsertCounts } from './upsert';

/** The natural key of a member: one person, one duty, one place. */
export const memberKey = (m: Pick<Member, 'gridId' | 'microGridId' | 'userId' | 'duty'>) =>
  [m.gridId, m.microGridId ?? '', m.userId, m.duty].join('\u0000');

/** A row for someone who has never logged in: they get an invite to claim the place with. */
export interface Invitee {
  name: string;
  phone: string;
  duty: MemberDuty;
  gridId: string;
  microGridId: string | null;
  primary: boolean;
}

/**
 * Validates every row, then writes members and the role grants they imply (a dry run writes neither). People are found by phone among
 * users who have logged in; a phone nobody has yet becomes an invitee (the caller invites them: the person
 * claims the place with the invite's code on first login).
 */
export async function importMembers(
  store: Store,
  communityId: string,
  table: LedgerTable,
  now: string,
  dryRun = false,
): Promise<UpsertCounts & { invitees: Invitee[] }> {
  const [docs, existing] = await Promise.all([
    loadCommunityDocs(store, communityId),
    loadMembers(store, communityId),
  ]);
  const problems = new RowProblems();
  const missing = missingHeaders(table, MEMBER_REQUIRED);
  if (missing.length) problems.add(1, `缺少列：${missing.join('、')}`);
  problems.throwIfAny('行');

  const rows = records(table);
  const phones = [...new Set(rows.map((r) => r.cells['手机'] ?? '').filter(Boolean))];
  const users = phones.length ? await store.find('users', { where: { phone: { in: phones } } }) : [];
  const userByPhone = new Map<string, User>(users.map((u) => [u.phone ?? '', u]));
  const existingByKey = new Map(existing.map((m) => [memberKey(m), m]));

  const members = new Map<string, Member>();
  const invitees: Invitee[] = [];
  const seen = new Map<string, number>();
  const primaryRow = new Map<string, number>();
  for (const { row, cells } of rows) {
    const phone = cells['手机'] ?? '';
    if (!/^1\d{10}$/.test(phone)) problems.add(row, `手机 “${phone}” 不是 11 位手机号`);
    const user = userByPhone.get(phone);
    const duty = dutyByLabel[cells['职责'] ?? ''];
    if (!duty)
      problems.add(
        row,
        `职责 “${cells['职责'] ?? ''}” 不认识（可用：网格长、网格员、民警、物业、志愿者、其他）`,
      );
    const grid = docs.gridByName.get(cells['网格'] ?? '');
    if (!grid) problems.add(row, `网格 “${cells['网格'] ?? ''}” 不存在`);
    const microName = cells['微网格'] ?? '';
    const microGrid = grid && microName ? docs.microGridByName.get(pair(grid._id, microName)) : undefined;
    if (grid && microName && !microGrid) problems.add(row, `微网格 “${microName}” 不在 ${grid.name} 中`);
    if (duty === 'worker' && !microName) problems.add(row, '网格员 需填写 微网格');
    if (duty === 'leader' && microName) problems.add(row, '网格长 属于网格，微网格 应留空');
    const primary = yesNo(cells['是否主责'] ?? '');
    if (primary === undefined) problems.add(row, `是否主责 “${cells['是否主责']}” 应为 是 或 否`);
    const onDutyCell = cells['是否在岗'] ?? '';
    const onDuty = onDutyCell === '' ? true : yesNo(onDutyCell);
    if (onDuty === undefined) problems.add(row, `是否在岗 “${onDutyCell}” 应为 是 或 否`);
    if (!duty || !grid || (microName && !microGrid) || primary === undefined || onDuty === undefined)
      continue;
    if (!/^1\d{10}$/.test(phone)) continue;

    const fields = {
      gridId: grid._id,
      microGridId: microGrid?._id ?? null,
      // Someone not yet a user is keyed by phone until they claim the invite.
      userId: user?._id ?? `phone:${phone}`,
      duty,
    };
    const key = memberKey(fields);
    const earlier = seen.get(key);
    if (earlier) problems.add(row, `与第 ${earlier} 行重复`);
    seen.set(key, row);
    if (duty === 'worker' && primary && microGrid) {
      const other = primaryRow.get(microGrid._id);
      if (other)
        problems.add(
          row,
          `微网格 ${microGrid.name} 已由第 ${other} 行设为主责，每个微网格只能有一名主责网格员`,
        );
      primaryRow.set(microGrid._id, row);
    }
    if (!user) {
      invitees.push({
        name: cells['姓名'] ?? '',
        phone,
        duty,
        gridId: grid._id,
        microGridId: fields.microGridId,
        primary,
      });
      continue;
    }
    const before = existingByKey.get(key);
    const member: Member = {
      ...fields,
      _id: before?._id ?? stableId('member', ...key.split('\u0000')),
      communityId,
      primary,
      onDuty,
    };
    members.set(member._id, member);
  }
  problems.throwIfAny('行');

  // One primary per micro-grid: a primary named in the file replaces one the file does not mention. An
  // invited primary takes over only when they claim the invite, so that the micro-grid is never without one.
  const newPrimaries = new Set(
    [...members.values()].filter((m) => m.primary && m.duty === 'worker').map((m) => m.microGridId),
  );
  for (const m of existing) {
    if (
      m.primary &&
      m.duty === 'worker' &&
      m.microGridId &&
      newPrimaries.has(m.microGridId) &&
      !members.has(m._id)
    ) {
      members.set(m._id, { ...m, primary: false });
    }
  }
  const counts = await upsertAll(
    store,
    'members',
    [...members.values()],
    new Map(existing.map((m) => [m._id, m])),
    dryRun,
  );
  if (!dryRun) await ensureGrants(store, [...members.values()], now);
  return { ...counts, invitees };
}
