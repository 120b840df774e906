/** The authorization matrix of the deadlines branch's actions (test/access/rows/deadlines.ts). */
import { expectMatrix } from './run';
import { deadlineRowsOf } from './rows/deadlines';

test('extension, calendar and street actions as every role in every relation', async () => {
  await expectMatrix('ticket', deadlineRowsOf('ticket'));
  await expectMatrix('grid', deadlineRowsOf('grid'));
}, 300_000);
