/**
 * Staff set their community's deadline table: per category, group and urgency, a sign-for and a resolve
 * limit in calendar hours, working hours or working days, and the most an extension may add. Safety hazards
 * stay in calendar hours (a gas leak does not wait for Monday): a working-time limit on a row that can match
 * a safety category is refused. Tickets already filed keep the row they were filed under.
 */
import { toIso } from '../time/shanghai';
import { bumpGridMapVersion } from '../routing/map-version';
import type { TimeLimit } from '../../../typings/calendar';
import type { DeadlinePolicyView, DeadlineRule } from '../../../typings/grid';
import type { TicketCategory } from '../../../typings/ticket';
import { AppError } from '../errors';
import { requireStaffOf } from '../grids/imports';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { categoryLabel, categoryTable, isSafetyCategory, ticketCategories } from './categories';
import { extensionMaxOf, loadTicketPolicy } from './policy';
import type { DeadlineRow } from './policy-model';
import { resolveLimitOf, signForLimitOf } from './deadlines';

/** A limit as calendar hours, for the fallback fields (and the leader's turn after an escalation). */
function calendarHoursOf(limit: TimeLimit): number {
  return limit.unit === 'workingDays' ? limit.amount * 24 : limit.amount;
}

function rowOf(rule: DeadlineRule): DeadlineRow {
  const row: DeadlineRow = {
    ...(rule.category ? { category: rule.category } : {}),
    ...(rule.group ? { group: rule.group } : {}),
    ...(rule.urgent !== undefined ? { urgent: rule.urgent } : {}),
    signForHours: calendarHoursOf(rule.signFor),
    resolveHours: calendarHoursOf(rule.resolve),
  };
  if (rule.signFor.unit !== 'calendarHours') row.signForLimit = rule.signFor;
  if (rule.resolve.unit !== 'calendarHours') row.resolveLimit = rule.resolve;
  return row;
}

function ruleOf(row: DeadlineRow): DeadlineRule {
  return {
    ...(row.category ? { category: row.category } : {}),
    ...(row.group ? { group: row.group } : {}),
    ...(row.urgent !== undefined ? { urgent: row.urgent } : {}),
    signFor: signForLimitOf(row),
    resolve: resolveLimitOf(row),
  };
}

const working = (rule: DeadlineRule) =>
  rule.signFor.unit !== 'calendarHours' || rule.resolve.unit !== 'calendarHours';

/** Whether the rule matches a report of this category and urgency. */
function matches(rule: DeadlineRule, category: TicketCategory, urgent: boolean): boolean {
  return (
    (rule.category === undefined || rule.category === category) &&
    (rule.group === undefined || rule.group === categoryTable[category].group) &&
    (rule.urgent === undefined || rule.urgent === urgent)
  );
}

/** Every problem of a table, in words. */
export function policyProblems(rules: DeadlineRule[]): string[] {
  const problems: string[] = [];
  // First match wins: a row is wrong for safety only if some safety report would be decided by it.
  const safetyRows = new Map<number, string[]>();
  for (const category of ticketCategories.filter(isSafetyCategory)) {
    for (const urgent of [false, true]) {
      const i = rules.findIndex((r) => matches(r, category, urgent));
      if (i >= 0 && working(rules[i]!)) {
        const names = safetyRows.get(i) ?? [];
        if (!names.includes(categoryLabel(category))) names.push(categoryLabel(category));
        safetyRows.set(i, names);
      }
    }
  }
  for (const [i, names] of [...safetyRows].sort(([a], [b]) => a - b)) {
    problems.push(`第 ${i + 1} 行会用于安全隐患（${names.join('、')}），安全隐患的时限只能按自然小时计算`);
  }
  rules.forEach((rule, i) => {
    if (rule.category && rule.group && categoryTable[rule.category].group !== rule.group)
      problems.push(`第 ${i + 1} 行的类别不属于所选分组`);
  });
  const last = rules[rules.length - 1];
  if (!last || last.category || last.group || last.urgent !== undefined)
    problems.push('最后一行须不设条件，作为其余工单的时限');
  return problems;
}

/** The community's table in force. */
export async function deadlinePolicyView(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: { communityId: string },
): Promise<DeadlinePolicyView> {
  await requireStaffOf(deps, caller, input.communityId);
  const policy = await loadTicketPolicy(deps.store, input.communityId);
  return {
    communityId: input.communityId,
    rules: policy.deadlines.map(ruleOf),
    extensionMax: extensionMaxOf(policy),
  };
}

/** Replaces the community's table (and extension maximum); POLICY.INVALID names every problem. */
export async function setDeadlinePolicy(
  deps: Pick<Deps, 'store' | 'clock'>,
  caller: Caller,
  input: { communityId: string; rules: DeadlineRule[]; extensionMax?: TimeLimit },
): Promise<DeadlinePolicyView> {
  await requireStaffOf(deps, caller, input.communityId);
  const problems = policyProblems(input.rules);
  if (problems.length)
    throw new AppError('POLICY.INVALID', {
      message: `办理时限设置有误，未写入任何数据：${problems.join('；')}`,
      details: { problems },
    });
  const before = await deps.store.get('ticketPolicies', input.communityId);
  const extensionMax = input.extensionMax ?? before?.extensionMax;
  await deps.store.transaction((tx) =>
    tx.set('ticketPolicies', {
      ...before,
      _id: input.communityId,
      deadlines: input.rules.map(rowOf),
      ...(extensionMax ? { extensionMax } : {}),
    }),
  );
  // Ticket policies are in every instance's warm map memory (routing/map-reads.ts).
  await bumpGridMapVersion(deps.store, toIso(deps.clock.now()));
  return deadlinePolicyView(deps, caller, input);
}
