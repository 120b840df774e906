/** The function tables take their allowed values from the core's tables, so the two cannot drift apart. */
import type * as z from 'zod/mini';
import { householdTagLabels, memberDutyLabels } from '../../server/core/grids/ledger/columns';
import {
  noticeCategoryLabels,
  noticeStateLabels,
  visitOutcomeLabels,
} from '../../server/core/notices/tables';
import { categoryTable } from '../../server/core/tickets/categories';
import { functions } from '../../server/functions';
import { noticeCategoryLabels as pageCategoryLabels } from '../../miniprogram/pages/notices/categories';

/** The options of the enum at `path` in an action's input (through optional, nullable and array wrappers). */
function optionsAt(fn: keyof typeof functions, action: string, path: string[]): string[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod 4 `_zod.def` differs per schema kind
  let def: any = (functions[fn].actions[action]!.input as z.ZodMiniType)._zod.def;
  const unwrap = () => {
    while (['optional', 'nullable', 'array'].includes(def.type))
      def = (def.type === 'array' ? def.element : def.innerType)._zod.def;
  };
  for (const key of path) {
    unwrap();
    def = def.shape[key]._zod.def;
  }
  unwrap();
  return Object.values(def.entries as Record<string, string>).sort();
}

const keys = (table: object) => Object.keys(table).sort();

describe('input enums follow the core tables', () => {
  it.each([
    ['ticket', 'submit', ['category'], categoryTable],
    ['grid', 'route', ['category'], categoryTable],
    ['grid', 'setMember', ['duty'], memberDutyLabels],
    ['notice', 'compose', ['category'], noticeCategoryLabels],
    ['notice', 'feed', ['category'], noticeCategoryLabels],
    ['notice', 'setSubscriptions', ['categories'], noticeCategoryLabels],
    ['notice', 'compose', ['audience', 'tags'], householdTagLabels],
    ['notice', 'staffList', ['state'], noticeStateLabels],
    ['notice', 'recordVisit', ['outcome'], visitOutcomeLabels],
  ] as const)('%s.%s %j takes the keys of its table', (fn, action, path, table) => {
    expect(optionsAt(fn, action, [...path])).toEqual(keys(table));
  });

  it('names notice categories in the same words as the mini-program', () => {
    expect(noticeCategoryLabels).toEqual(pageCategoryLabels);
  });
});
